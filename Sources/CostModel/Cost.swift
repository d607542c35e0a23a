import DistillCore

/// The exact cost of `usage` at `rates`:
/// (input − cached − cacheWrite) × input + cached × cachedInput
/// + (cacheWrite − cacheWriteOneHour) × cacheWrite + cacheWriteOneHour × cacheWriteOneHour
/// + output × output, all per 1M tokens. Reasoning tokens are inside `output` and are not added
/// again. The function is linear in the token counts, so pricing a sum of usages (per model, price
/// period and tier) gives exactly the sum of the per-request costs.
public func cost(of usage: TokenUsage, at rates: TokenRates) throws(CostModelError) -> Money {
    try costBreakdown(of: usage, at: rates).total
}

/// `cost(of:at:)` with each component shown, for quotes and reports.
public func costBreakdown(of usage: TokenUsage, at rates: TokenRates) throws(CostModelError) -> CostBreakdown {
    try usage.validate()
    func component(_ tokens: Int64, _ rate: ExactDecimal) -> CostBreakdown.Component {
        CostBreakdown.Component(tokens: tokens, rate: rate, cost: Money(quantity: tokens, price: rate))
    }
    return CostBreakdown(
        uncachedInput: component(usage.uncachedInput, rates.input),
        cachedInput: component(usage.cachedInput, rates.effectiveCachedInput),
        cacheWrite: component(usage.cacheWrite - usage.cacheWriteOneHour, rates.effectiveCacheWrite),
        cacheWriteOneHour: component(usage.cacheWriteOneHour, rates.effectiveCacheWriteOneHour),
        output: component(usage.output, rates.output))
}
