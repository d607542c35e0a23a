import CostModel

/// A dated training price for fine-tuning a base model, with its citation.
public struct CatalogTrainingPrice: Sendable {
    public let period: PricePeriod
    public let price: TrainingPrice
    public let source: String
    public let asOf: String
    public let note: String?
    public let location: SourceLocation
}
