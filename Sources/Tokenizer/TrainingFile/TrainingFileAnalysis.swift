/// What a chat fine-tuning file holds, in the figures a training-cost estimate needs.
///
/// Token figures cover the valid examples only: OpenAI rejects a file with malformed examples,
/// so those have to be fixed before anything is billed, and `issues` says where they are.
public struct TrainingFileAnalysis: Sendable {
    public let path: String
    /// The counting method's name, "o200k_base (exact)" or the approximation's rule.
    public let countingLabel: String
    /// True when counts are the bytes ÷ 4 approximation, never exact: every output must say so.
    public let isApproximate: Bool
    /// The encoding of exact counts, nil for the approximation.
    public let encoding: TokenEncoding?
    /// Tokens of one example beyond which training truncates it.
    public let contextLimit: Int
    /// Non-empty lines read.
    public let lineCount: Int
    /// Valid examples, the ones the figures below describe.
    public let exampleCount: Int
    public let invalidExampleCount: Int
    /// The first `TrainingFileAnalyzer.maximumIssuesKept` issues, in file order.
    public let issues: [TrainingFileIssue]
    /// Every issue found, by kind (an example can have several).
    public let issueCounts: [TrainingFileIssue.Kind: Int]
    /// Tokens of each valid example, in file order, for checks and for finer estimates.
    public let exampleTokens: [Int]
    public let messagesPerExample: CountDistribution?
    public let tokensPerExample: CountDistribution?
    public let assistantTokensPerExample: CountDistribution?
    /// Σ tokens per example, before truncation.
    public let totalTokens: Int
    /// Examples longer than `contextLimit`.
    public let examplesOverLimit: Int
    /// Σ (tokens − limit) over those examples: text training never sees, and is not billed for.
    public let tokensLostToTruncation: Int

    /// Σ min(tokens, limit) per example: what one epoch bills, as the notebook's
    /// `n_billing_tokens_in_dataset`.
    public var billableTokensPerEpoch: Int { totalTokens - tokensLostToTruncation }

    /// The cookbook's default epochs for this many examples.
    public var defaultEpochs: Int { EpochHeuristic.epochs(forExampleCount: exampleCount) }

    /// Billed training tokens = billable tokens per epoch × epochs.
    public func billedTrainingTokens(epochs: Int) -> Int { billableTokensPerEpoch * epochs }

    /// True when the file can be trained on as it is.
    public var isValid: Bool { invalidExampleCount == 0 && exampleCount > 0 }
}
