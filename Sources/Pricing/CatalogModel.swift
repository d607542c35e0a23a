import CostModel
import DistillCore

/// One model entry of the catalog: its names, shutdown date and every dated price it has.
public struct CatalogModel: Sendable {
    /// The canonical id, as reports show it.
    public let id: String
    /// Other names that resolve here exactly (dated snapshots that share this price).
    public let aliases: [String]
    /// When true, any `id-YYYY-MM-DD` name not listed elsewhere resolves here. Off by default:
    /// snapshots can differ in price (gpt-4o-2024-05-13 does), so the catalog must opt in.
    public let matchesDatedSnapshots: Bool
    public let provider: String
    public let currency: String
    public let shutdown: UTCDate?
    public let shutdownSource: String?
    /// The model the provider names as this one's replacement when it retires: where traffic goes
    /// back to when a student or teacher shuts down. nil when none is named.
    public let successor: String?
    public let successorSource: String?
    public let note: String?
    /// Inference price periods, sorted by start date.
    public let prices: [CatalogPriceTable]
    public let fineTuned: FineTunedPricing?
    public let training: [CatalogTrainingPrice]
    public let deployment: [CatalogDeploymentPrice]
    /// Where the entry starts; its file is the one that priced it.
    public let location: SourceLocation

    /// The inference table in force on `day`.
    public func table(on day: UTCDate) -> CatalogPriceTable? { prices.first { $0.period.contains(day) } }
}
