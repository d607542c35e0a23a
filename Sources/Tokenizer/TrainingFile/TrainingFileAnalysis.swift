import DistillCore

/// What a chat fine-tuning file holds, in the figures a training-cost estimate needs.
///
/// Token figures cover the valid examples only: OpenAI rejects a file with malformed examples,
/// so those have to be fixed before anything is billed, and `issues` says where they are.
package struct TrainingFileAnalysis: Sendable {
    package let path: String
    /// The counting method's name, "o200k_base (exact)" or the approximation's rule.
    package let countingLabel: String
    /// True when counts are the bytes ÷ 4 approximation, never exact: every output must say so.
    package let isApproximate: Bool
    /// The encoding of exact counts, nil for the approximation.
    package let encoding: TokenEncoding?
    /// Tokens of one example beyond which training truncates it.
    package let contextLimit: Int
    /// Non-empty lines read.
    package let lineCount: Int
    /// Valid examples, the ones the figures below describe.
    package let exampleCount: Int
    package let invalidExampleCount: Int
    /// The first `TrainingFileAnalyzer.maximumIssuesKept` issues, in file order.
    package let issues: [Diagnostic]
    /// Every issue found, by kind (an example can have several).
    package let issueCounts: [TrainingIssueKind: Int]
    /// Tokens of each valid example, in file order, for checks and for finer estimates.
    package let exampleTokens: [Int]
    package let messagesPerExample: CountDistribution?
    package let tokensPerExample: CountDistribution?
    package let assistantTokensPerExample: CountDistribution?
    /// Σ tokens per example, before truncation.
    package let totalTokens: Int
    /// Examples longer than `contextLimit`.
    package let examplesOverLimit: Int
    /// Σ (tokens − limit) over those examples: text training never sees, and is not billed for.
    package let tokensLostToTruncation: Int

    /// Σ min(tokens, limit) per example: what one epoch bills, as the notebook's
    /// `n_billing_tokens_in_dataset`.
    package var billableTokensPerEpoch: Int { totalTokens - tokensLostToTruncation }

    /// The cookbook's default epochs for this many examples.
    package var defaultEpochs: Int { EpochHeuristic.epochs(forExampleCount: exampleCount) }

    /// Billed training tokens = billable tokens per epoch × epochs.
    package func billedTrainingTokens(epochs: Int) -> Int { billableTokensPerEpoch * epochs }

    /// True when the file can be trained on as it is.
    package var isValid: Bool { invalidExampleCount == 0 && exampleCount > 0 }
}
