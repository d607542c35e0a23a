import CostModel
import DistillCore

/// The price a request resolves to, with everything a report needs to say which price it used.
public struct ResolvedPrice: Hashable, Sendable {
    /// The name the request used (`ft:gpt-4o-mini-2024-07-18:acme::abc`, `gpt-4o-2024-08-06`).
    public let requestedModel: String
    /// The catalog entry's canonical id (for `ft:` names, the base entry's id).
    public let model: String
    public let rates: TokenRates
    public let period: PricePeriod
    /// The tier whose rates were used (the request's tier after mapping API strings).
    public let tier: ServiceTier
    /// True when the rates are fine-tuned inference rates (an `ft:` name).
    public let isFineTuned: Bool
    public let currency: String
    /// Citation of the numbers and the date they reflect.
    public let source: String
    public let asOf: String
    public let note: String?
    /// The file and line of the price period that priced this request.
    public let location: SourceLocation
    /// When the model (or, for a fine-tune, its base) stops serving.
    public let shutdown: UTCDate?
    /// The table's long-context rules, so one request's size can pick its rates.
    public let longContext: [CatalogLongContextRule]

    /// The rates of a request with `inputTokens` input tokens: `rates` unless a long-context rule
    /// applies; nil when this tier publishes no long-context rate (the request is then unpriced).
    public func rates(forInputTokens inputTokens: Int64) -> TokenRates? {
        guard let rule = longContext.last(where: { inputTokens > $0.aboveInputTokens }) else { return rates }
        return rule.tiers[tier]
    }

    /// Grouping key for aggregate pricing: requests with equal keys share one price, so their
    /// token sums can be priced once.
    public var key: PriceKey { PriceKey(model: model, isFineTuned: isFineTuned, periodStart: period.effectiveFrom, tier: tier) }
}

/// Identifies one price: (model, fine-tuned or not, price period, tier). Cost is linear in tokens
/// within one key, so Σ tokens × price per key equals the sum of per-request costs.
public struct PriceKey: Hashable, Sendable, Comparable {
    public let model: String
    public let isFineTuned: Bool
    public let periodStart: UTCDate
    public let tier: ServiceTier

    public static func < (lhs: PriceKey, rhs: PriceKey) -> Bool {
        (lhs.model, lhs.isFineTuned ? 1 : 0, lhs.periodStart.daysSinceEpoch, lhs.tier.rawValue)
            < (rhs.model, rhs.isFineTuned ? 1 : 0, rhs.periodStart.daysSinceEpoch, rhs.tier.rawValue)
    }
}
