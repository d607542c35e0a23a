/// The token counts of one request, or of many requests summed, with the API's own semantics:
/// `input` includes `cachedInput`, `cacheWrite` and `audioInput`; `cacheWrite` includes
/// `cacheWriteOneHour`; `output` includes `reasoning` and `audioOutput`.
///
/// Keeping the API's nesting (rather than storing "uncached input") means a usage row can be copied
/// straight from a response's `usage` block, and summing usages is plain field-wise addition, which
/// is what lets the aggregate cost equal the sum of request costs. It lives here, at the bottom,
/// because every stage uses it: readers store it, queries sum it, the cost model prices it.
/// Audio tokens are subsets (like `input_tokens_details.audio_tokens`) because audio models bill
/// them at their own rate; one-hour cache writes are a subset because Anthropic bills them at a
/// higher rate than five-minute ones.
public struct TokenUsage: Hashable, Sendable {
    public var input: Int64
    public var cachedInput: Int64
    public var cacheWrite: Int64
    public var output: Int64
    public var reasoning: Int64
    public var audioInput: Int64
    public var audioOutput: Int64
    public var cacheWriteOneHour: Int64

    public init(
        input: Int64, cachedInput: Int64 = 0, cacheWrite: Int64 = 0, output: Int64, reasoning: Int64 = 0,
        audioInput: Int64 = 0, audioOutput: Int64 = 0, cacheWriteOneHour: Int64 = 0
    ) {
        self.input = input
        self.cachedInput = cachedInput
        self.cacheWrite = cacheWrite
        self.output = output
        self.reasoning = reasoning
        self.audioInput = audioInput
        self.audioOutput = audioOutput
        self.cacheWriteOneHour = cacheWriteOneHour
    }

    public static let zero = TokenUsage(input: 0, output: 0)

    /// Input tokens billed at the plain input rate: `input − cachedInput − cacheWrite`.
    public var uncachedInput: Int64 { input - cachedInput - cacheWrite }

    /// Field-wise sum: usages add like the counts they are.
    public static func + (lhs: TokenUsage, rhs: TokenUsage) -> TokenUsage {
        TokenUsage(
            input: lhs.input + rhs.input, cachedInput: lhs.cachedInput + rhs.cachedInput,
            cacheWrite: lhs.cacheWrite + rhs.cacheWrite, output: lhs.output + rhs.output,
            reasoning: lhs.reasoning + rhs.reasoning, audioInput: lhs.audioInput + rhs.audioInput,
            audioOutput: lhs.audioOutput + rhs.audioOutput,
            cacheWriteOneHour: lhs.cacheWriteOneHour + rhs.cacheWriteOneHour)
    }

    public static func += (lhs: inout TokenUsage, rhs: TokenUsage) { lhs = lhs + rhs }
}

extension Sequence where Element == TokenUsage {
    /// The field-wise total.
    public func sum() -> TokenUsage { reduce(.zero, +) }
}
