import DistillCore
import Tokenizer

extension DatasetBuildCommand.Summary {
    /// The text `dataset build` prints: what went where, what was left out and why, and the
    /// training file's exact measurement (the numbers `estimate --training-file` will use).
    package var text: String {
        var lines: [String] = []
        var written = "wrote \(selection.training.count) example(s) to \(options.output)"
        if let holdoutPath = options.holdoutOutput {
            written += " and \(selection.holdout.count) to \(holdoutPath) (holdout; none of its prompts is in the training file)"
        }
        lines.append(written + ".")
        let key = options.filter.groupKey
        lines.append(key.map { "examples per \($0) (training / holdout):" } ?? "examples (training / holdout):")
        for group in selection.perGroup {
            lines.append("  \(group.group): \(group.training) / \(group.holdout)")
        }
        if let cap = selection.balanceCap, let key {
            lines.append("balance: each value of \(key) capped at \(cap), the smallest value's count.")
        }
        let skippedTotal = selection.skipped.values.reduce(0, +)
        lines.append("left out: \(skippedTotal)")
        for reason in DatasetSelection.SkipReason.allCases {
            if let count = selection.skipped[reason] { lines.append("  \(reason.rawValue): \(count)") }
        }
        if options.redact { lines.append("e-mail addresses, phone numbers and key-shaped strings are masked.") }
        lines.append(contentsOf: measurementLines())
        return lines.joined(separator: "\n") + "\n"
    }

    private func measurementLines() -> [String] {
        func grouped(_ value: Int) -> String { DecimalFormatting.grouped(value) }
        var lines: [String] = []
        lines.append(
            "training file tokens (\(analysis.countingLabel)): \(grouped(analysis.totalTokens)) in "
                + "\(analysis.exampleCount) example(s)")
        if let tokens = analysis.tokensPerExample {
            lines.append("  per example: min \(tokens.minimum), median \(DecimalFormatting.fixed(tokens.median, places: 1, trimZeros: true)), max \(tokens.maximum)")
        }
        lines.append(
            "  over the \(grouped(analysis.contextLimit))-token limit: \(analysis.examplesOverLimit) example(s), "
                + "\(grouped(analysis.tokensLostToTruncation)) token(s) truncated")
        let epochs = analysis.defaultEpochs
        lines.append(
            "  default epochs for \(analysis.exampleCount) example(s): \(epochs), so \(grouped(analysis.billedTrainingTokens(epochs: epochs))) "
                + "billed training tokens")
        let issues = analysis.issueCounts.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue) \($0.value)" }
        lines.append("  cookbook checks: " + (issues.isEmpty ? "no issue" : issues.joined(separator: ", ")))
        if trainingCosts.isEmpty {
            lines.append("training cost: give --student MODEL for each candidate's rate, or run `distill-roi estimate --training-file \(options.output)`.")
        } else {
            lines.append("training cost at each candidate's rate (default epochs):")
            lines.append(contentsOf: trainingCosts.map { "  " + $0.text })
        }
        return lines
    }
}
