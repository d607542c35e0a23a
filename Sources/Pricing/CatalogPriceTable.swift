import CostModel

/// Inference prices for one price period of a model: per-tier token rates, with where the numbers
/// came from.
public struct CatalogPriceTable: Sendable {
    public let period: PricePeriod
    /// At least `.default`; other tiers only where published. A batch/flex/priority table that
    /// omits `cached_input` or `cache_write` inherits the standard table's rate (what both public
    /// databases do; see `pricing/README.md`).
    public let tiers: [ServiceTier: TokenRates]
    /// Per-request rules for long inputs, sorted by threshold (highest applies); empty for most models.
    public let longContext: [CatalogLongContextRule]
    /// Where the numbers were published (URL or citation).
    public let source: String
    /// The date the source reflects (not the date the price began).
    public let asOf: String
    /// Free text, e.g. "unconfirmed: only litellm lists this".
    public let note: String?
    public let location: SourceLocation
}

extension CatalogPriceTable {
    /// The rates a request with `inputTokens` input tokens is billed at in `tier`: the rule with
    /// the highest threshold below the request's size, else the tier's own table. nil when that
    /// tier is not published (for long requests: not published above the threshold).
    public func rates(tier: ServiceTier, inputTokens: Int64) -> TokenRates? {
        guard let rule = longContextRule(inputTokens: inputTokens) else { return tiers[tier] }
        return rule.tiers[tier]
    }

    /// The long-context rule a request of `inputTokens` falls under, if any.
    public func longContextRule(inputTokens: Int64) -> CatalogLongContextRule? {
        longContext.last { inputTokens > $0.aboveInputTokens }
    }
}
