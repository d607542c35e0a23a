/// Prices per 1M tokens for one model, price period and service tier.
///
/// `cachedInput` and `cacheWrite` are optional because many models publish neither. The cost
/// function then charges those tokens at the `input` rate: a model without a cached price gives no
/// cache discount (gpt-4o-2024-05-13), and a model without a cache-write price bills writes as
/// ordinary input (every OpenAI model before GPT-5.6). That is what the API bills and what both
/// public databases compute; it is never a guess of a lower price. Batch tables that omit a cached
/// rate are completed by the catalog with the standard cached rate (see `pricing/README`).
public struct TokenRates: Hashable, Sendable {
    public var input: ExactDecimal
    public var cachedInput: ExactDecimal?
    /// The 5-minute cache-write rate (Anthropic's default TTL; GPT-5.6 and GPT-6 writes).
    public var cacheWrite: ExactDecimal?
    /// The 1-hour cache-write rate (Anthropic's `ttl: 1h` writes, 2× input where published).
    public var cacheWriteOneHour: ExactDecimal?
    public var output: ExactDecimal

    public init(
        input: ExactDecimal, cachedInput: ExactDecimal? = nil, cacheWrite: ExactDecimal? = nil,
        cacheWriteOneHour: ExactDecimal? = nil, output: ExactDecimal
    ) {
        self.input = input
        self.cachedInput = cachedInput
        self.cacheWrite = cacheWrite
        self.cacheWriteOneHour = cacheWriteOneHour
        self.output = output
    }

    /// The rate actually charged for cached input tokens.
    public var effectiveCachedInput: ExactDecimal { cachedInput ?? input }
    /// The rate actually charged for cache-write tokens.
    public var effectiveCacheWrite: ExactDecimal { cacheWrite ?? input }
    /// The rate actually charged for 1-hour cache-write tokens: without a published 1-hour rate,
    /// the 5-minute one (a write is never cheaper than the rate the catalog knows).
    public var effectiveCacheWriteOneHour: ExactDecimal { cacheWriteOneHour ?? effectiveCacheWrite }
}
