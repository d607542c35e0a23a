import CostModel

/// A dated hourly price for a dedicated deployment: billed while it runs, whatever the traffic.
///
/// `perHour` is the price of one GPU-hour when `gpus` is given, and of the whole deployment
/// otherwise (`gpus` 1). `throughput`, when known, turns the rent into a cost per request at the
/// measured traffic with its utilisation (`SelfHostedServing`).
public struct CatalogDeploymentPrice: Sendable {
    public let period: PricePeriod
    public let perHour: ExactDecimal
    public let gpus: Int64
    public let throughput: GPUThroughput?
    public let source: String
    public let asOf: String
    public let note: String?
    public let location: SourceLocation

    /// What an hour of the whole deployment costs: `perHour` × `gpus`.
    public var hourlyRate: ExactDecimal { ExactDecimal(units: perHour.units * Int128(gpus)) }

    func with(period: PricePeriod) -> CatalogDeploymentPrice {
        CatalogDeploymentPrice(
            period: period, perHour: perHour, gpus: gpus, throughput: throughput, source: source, asOf: asOf, note: note,
            location: location)
    }
}
