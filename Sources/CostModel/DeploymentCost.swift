/// The cost of a dedicated deployment: a fixed hourly rate for as long as it runs, whatever the
/// traffic. It is allocated to requests afterwards, so a quiet week makes each request dearer.
public struct DeploymentCost: Hashable, Sendable {
    /// Price per hour the deployment is up.
    public let hourlyRate: ExactDecimal
    /// Hours the deployment ran in the period (may be fractional, e.g. `167.5`).
    public let hours: ExactDecimal

    public init(hourlyRate: ExactDecimal, hours: ExactDecimal) {
        self.hourlyRate = hourlyRate
        self.hours = hours
    }

    /// A deployment that ran the whole of `days` days.
    public init(hourlyRate: ExactDecimal, days: Int64) {
        self.init(hourlyRate: hourlyRate, hours: ExactDecimal(days * 24))
    }

    /// hourly rate × hours.
    public var total: Money { Money(decimalQuantity: hours, price: hourlyRate) }

    /// The total shared over `requests` requests, kept as an exact fraction; nil when no request
    /// was served (the cost is then all overhead, and a per-request figure would divide by zero).
    public func perRequest(requests: Int64) -> MoneyPerRequest? {
        requests > 0 ? MoneyPerRequest(total: total, requests: requests) : nil
    }
}
