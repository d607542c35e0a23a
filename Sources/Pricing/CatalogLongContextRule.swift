import CostModel

/// A per-request price rule: a request whose input tokens exceed `aboveInputTokens` is priced
/// whole at these rates, not only the tokens past the threshold. OpenAI's GPT-5.4+ (above 272K:
/// 2× input and cached, 1.5× output) and Google's Gemini (above 200K prompt tokens: its own
/// higher table) both work this way. Because the rule depends on one request's size, roll-ups
/// must keep long requests apart for aggregate pricing to stay exact.
public struct CatalogLongContextRule: Hashable, Sendable {
    /// The rule applies when a request's input tokens (cached and cache writes included) are
    /// strictly greater than this.
    public let aboveInputTokens: Int64
    /// Rates by tier; a tier missing here is unpriced above the threshold, never priced short.
    public let tiers: [ServiceTier: TokenRates]
    public let location: SourceLocation
}
