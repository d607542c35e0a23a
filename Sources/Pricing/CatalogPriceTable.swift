import CostModel

/// Inference prices for one price period of a model: per-tier token rates, with where the numbers
/// came from.
public struct CatalogPriceTable: Sendable {
    public let period: PricePeriod
    /// At least `.default`; other tiers only where published. A batch/flex/priority table that
    /// omits `cached_input` or `cache_write` inherits the standard table's rate (what both public
    /// databases do; see `pricing/README.md`).
    public let tiers: [ServiceTier: TokenRates]
    /// Where the numbers were published (URL or citation).
    public let source: String
    /// The date the source reflects (not the date the price began).
    public let asOf: String
    /// Free text, e.g. "unconfirmed: only litellm lists this".
    public let note: String?
    public let location: SourceLocation
}
