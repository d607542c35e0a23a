import CostModel

/// A dated hourly price for a dedicated deployment: billed while it runs, whatever the traffic.
public struct CatalogDeploymentPrice: Sendable {
    public let period: PricePeriod
    public let perHour: ExactDecimal
    public let source: String
    public let asOf: String
    public let note: String?
    public let location: SourceLocation
}
