import CostModel

/// A dated training price for fine-tuning a base model, with its citation.
public struct CatalogTrainingPrice: Sendable {
    public let period: PricePeriod
    public let price: TrainingPrice
    /// The method this price is for; nil where the provider publishes one price for every job
    /// (OpenAI's supervised fine-tuning).
    public let method: TrainingMethod?
    /// The provider's model-size bucket the price came from (`up to 16B`), when it came from one.
    public let sizeBucket: String?
    public let source: String
    public let asOf: String
    public let note: String?
    public let location: SourceLocation

    /// The same price for another period (used when a period is closed at the next one's start).
    func with(period: PricePeriod) -> CatalogTrainingPrice {
        CatalogTrainingPrice(
            period: period, price: price, method: method, sizeBucket: sizeBucket, source: source, asOf: asOf, note: note,
            location: location)
    }
}
