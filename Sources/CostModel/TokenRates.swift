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
    public var cacheWrite: ExactDecimal?
    public var output: ExactDecimal

    public init(input: ExactDecimal, cachedInput: ExactDecimal? = nil, cacheWrite: ExactDecimal? = nil, output: ExactDecimal) {
        self.input = input
        self.cachedInput = cachedInput
        self.cacheWrite = cacheWrite
        self.output = output
    }

    /// The rate actually charged for cached input tokens.
    public var effectiveCachedInput: ExactDecimal { cachedInput ?? input }
    /// The rate actually charged for cache-write tokens.
    public var effectiveCacheWrite: ExactDecimal { cacheWrite ?? input }
}
