/// A model served on GPUs rented by the hour, priced at the traffic it actually served.
///
/// The rent is a `DeploymentCost` (hourly rate × hours, whatever the traffic); the throughput says
/// how much traffic that rent could have carried. Cost per request is the rent shared over the
/// requests served, and utilisation (tokens served ÷ tokens the GPUs could serve) says how much of
/// it paid for idle capacity: at 25% utilisation each request costs four times what it would at
/// full load. Both come out exact; nothing is rounded until printed.
public struct SelfHostedServing: Hashable, Sendable {
    public let deployment: DeploymentCost
    public let gpus: Int64
    public let throughput: GPUThroughput
    /// Requests and tokens (input + output) served in the deployment's hours.
    public let requests: Int64
    public let tokens: Int64

    /// `hourlyRatePerGPU` × `gpus` for `hours`; throws when counts are negative or no GPU is rented.
    public init(
        hourlyRatePerGPU: ExactDecimal, gpus: Int64, hours: ExactDecimal, throughput: GPUThroughput, requests: Int64,
        tokens: Int64
    ) throws(CostModelError) {
        guard gpus > 0 else { throw .invalidInput("a self-hosted deployment needs at least one GPU (got \(gpus))") }
        guard !hourlyRatePerGPU.isNegative, !hours.isNegative, requests >= 0, tokens >= 0 else {
            throw .invalidInput("hourly rate, hours, requests and tokens must not be negative")
        }
        let (rateUnits, overflow) = hourlyRatePerGPU.units.multipliedReportingOverflow(by: Int128(gpus))
        guard !overflow else { throw .overflow("\(hourlyRatePerGPU) per GPU-hour × \(gpus) GPUs") }
        let (perSecond, perSecondOverflow) = throughput.tokensPerSecond.multipliedReportingOverflow(by: gpus)
        guard !perSecondOverflow, !perSecond.multipliedReportingOverflow(by: 3600).overflow else {
            throw .overflow("\(throughput.tokensPerSecond) tokens/s × \(gpus) GPUs × 3600 s")
        }
        self.deployment = DeploymentCost(hourlyRate: ExactDecimal(units: rateUnits), hours: hours)
        self.gpus = gpus
        self.throughput = throughput
        self.requests = requests
        self.tokens = tokens
    }

    /// The rent for the period: every GPU-hour, used or not.
    public var total: Money { deployment.total }

    /// The rent shared over the requests served; nil when none was served.
    public var perRequest: MoneyPerRequest? { deployment.perRequest(requests: requests) }

    /// Tokens served ÷ tokens the GPUs could have served in the period (throughput × GPUs ×
    /// seconds); nil for a period of zero hours. Above 1 means the throughput figure is too low
    /// for the traffic measured, which is worth saying rather than hiding.
    public var utilisation: Ratio? {
        // hours carries 9 decimals: capacity = tps × gpus × 3600 × hours.units / 10⁹.
        Ratio(
            Int128(tokens) * ExactDecimal.unitsPerOne,
            Int128(throughput.tokensPerSecond) * Int128(gpus) * 3600 * deployment.hours.units)
    }

    /// What 1M tokens would cost if the GPUs never idled: the floor that better utilisation
    /// approaches, rounded half to even at 10⁻¹⁵.
    public var costPerMillionTokensAtFullUtilisation: Money {
        Money(quantity: 1_000_000, price: deployment.hourlyRate, per: throughput.tokensPerSecond * gpus * 3600)
    }

    /// The fewest GPUs of this throughput that carry the measured tokens at full utilisation over
    /// the same hours (at least 1): how far the rented count could shrink before latency peaks are
    /// considered. nil for a period of zero hours.
    public var gpusNeededAtAverageLoad: Int64? {
        let perGPU = Int128(throughput.tokensPerSecond) * 3600 * deployment.hours.units
        guard perGPU > 0 else { return nil }
        let needed = (Int128(tokens) * ExactDecimal.unitsPerOne + perGPU - 1) / perGPU
        return Int64(clamping: max(1, needed))
    }
}
