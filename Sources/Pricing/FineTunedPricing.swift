import DistillCore

/// Inference prices of models fine-tuned from a base: what an `ft:BASE:org:suffix:id` name costs.
/// They differ from the base's prices (1.5× to 3.6× at OpenAI), which is why a fine-tune must never
/// be priced as its base.
public struct FineTunedPricing: Sendable {
    public let tables: [CatalogPriceTable]
    /// Fine-tunes stop serving when their base shuts down, unless the catalog says otherwise.
    public let shutdown: UTCDate?
    public let location: SourceLocation
}
