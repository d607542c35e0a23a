/// The cost of some usage, component by component, as a quote or a report shows it.
public struct CostBreakdown: Hashable, Sendable {
    /// One line of the breakdown: tokens billed at one rate.
    public struct Component: Hashable, Sendable {
        public let tokens: Int64
        /// USD (or the price's currency) per 1M tokens.
        public let rate: ExactDecimal
        public let cost: Money
    }

    /// `input − cachedInput − cacheWrite` tokens at the input rate.
    public let uncachedInput: Component
    public let cachedInput: Component
    /// Cache writes kept five minutes (Anthropic's default; every other provider's only kind).
    public let cacheWrite: Component
    /// Cache writes kept one hour (Anthropic), billed at their own, higher rate.
    public let cacheWriteOneHour: Component
    /// All output tokens, reasoning included (reasoning is billed as output).
    public let output: Component

    public var components: [Component] { [uncachedInput, cachedInput, cacheWrite, cacheWriteOneHour, output] }

    /// The exact sum of the components.
    public var total: Money { uncachedInput.cost + cachedInput.cost + cacheWrite.cost + cacheWriteOneHour.cost + output.cost }
}
