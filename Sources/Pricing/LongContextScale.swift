import CostModel

/// Factors a long-context rule applies to a tier's short rates (OpenAI: input and cached 2×,
/// output 1.5×). Cached and cache-write factors default to the input factor.
struct LongContextScale {
    let input: ExactDecimal
    let cachedInput: ExactDecimal
    let cacheWrite: ExactDecimal
    let cacheWriteOneHour: ExactDecimal
    let output: ExactDecimal

    /// The scaled rates; nil when a product needs more than 9 decimals (never rounded).
    func applied(to rates: TokenRates) -> TokenRates? {
        guard let input = Self.product(rates.input, input), let output = Self.product(rates.output, output) else { return nil }
        var scaled = TokenRates(input: input, output: output)
        if let cached = rates.cachedInput {
            guard let value = Self.product(cached, cachedInput) else { return nil }
            scaled.cachedInput = value
        }
        if let write = rates.cacheWrite {
            guard let value = Self.product(write, cacheWrite) else { return nil }
            scaled.cacheWrite = value
        }
        if let write = rates.cacheWriteOneHour {
            guard let value = Self.product(write, cacheWriteOneHour) else { return nil }
            scaled.cacheWriteOneHour = value
        }
        return scaled
    }

    static func product(_ rate: ExactDecimal, _ factor: ExactDecimal) -> ExactDecimal? {
        let (product, overflow) = rate.units.multipliedReportingOverflow(by: factor.units)
        guard !overflow, product % ExactDecimal.unitsPerOne == 0 else { return nil }
        return ExactDecimal(units: product / ExactDecimal.unitsPerOne)
    }
}
