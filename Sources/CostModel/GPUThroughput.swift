/// How many tokens (input + output) one GPU serves per second for one model, and whether the
/// figure was measured on the user's own traffic or assumed from a benchmark. The label travels
/// with every figure derived from it, because an assumed throughput can be off by a factor of two.
public struct GPUThroughput: Hashable, Sendable, CustomStringConvertible {
    public enum Basis: String, CaseIterable, Hashable, Sendable {
        case measured
        case assumed
    }

    public let tokensPerSecond: Int64
    public let basis: Basis

    /// nil unless `tokensPerSecond` is positive: a GPU that serves nothing has no cost per token.
    public init?(tokensPerSecond: Int64, basis: Basis) {
        guard tokensPerSecond > 0 else { return nil }
        self.tokensPerSecond = tokensPerSecond
        self.basis = basis
    }

    public var description: String { "\(tokensPerSecond) tokens/s per GPU (\(basis.rawValue))" }
}
