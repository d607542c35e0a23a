import DistillCore
import Foundation

/// Reads a chat fine-tuning JSONL file as a stream and measures it: malformed examples with
/// `file:line`, tokens per example as the cookbook counts them, their distribution, truncation
/// at the training context limit, and the billable tokens an epoch costs.
///
/// One line is one example (`messages`, optional `tools`, assistant `weight`). Only one example
/// is held in memory at a time, besides one count per example for the percentiles.
package struct TrainingFileAnalyzer: Sendable {
    /// Tokens per training example for gpt-4o, gpt-4o-mini and the gpt-4.1 family ("Training
    /// example context length: 65,536" in Azure OpenAI's fine-tuning model table).
    package static let defaultContextLimit = 65_536
    /// gpt-3.5-turbo's, the notebook's `MAX_TOKENS_PER_EXAMPLE = 16385`.
    package static let gpt35ContextLimit = 16_385
    /// Issues kept with their line; beyond this only the counts by kind grow.
    package static let maximumIssuesKept = 200

    package let counting: TokenCounting
    package let contextLimit: Int

    package init(counting: TokenCounting, contextLimit: Int = defaultContextLimit) {
        self.counting = counting
        self.contextLimit = contextLimit
    }

    /// The analyzer for fine-tuning `model`: its encoding (`TokenEncoding.forModel`) loaded from
    /// the data folder and its context limit, or the approximation when `approximate` is set.
    package init(model: String, dataDirectory: TokenizerDataDirectory, approximate: Bool = false) throws {
        let counting: TokenCounting =
            approximate
            ? .approximate
            : .exact(try BPETokenizer(encoding: TokenEncoding.forModel(model), dataDirectory: dataDirectory))
        self.init(counting: counting, contextLimit: Self.contextLimit(forModel: model))
    }

    /// The longest training example `model` takes before truncating: 16,385 for gpt-3.5-turbo,
    /// else `defaultContextLimit`.
    package static func contextLimit(forModel model: String) -> Int {
        let name = model.lowercased()
        let base = name.hasPrefix("ft:") ? String(name.dropFirst(3)) : name
        return base.hasPrefix("gpt-3.5") || base.hasPrefix("gpt-35") ? gpt35ContextLimit : defaultContextLimit
    }

    package func analyze(fileAt path: String) throws -> TrainingFileAnalysis {
        var reader = try LineReader(path: path)
        defer { reader.close() }
        var lineNumber = 0
        var lineCount = 0
        var invalidExamples = 0
        var issues: [Diagnostic] = []
        var issueCounts: [TrainingIssueKind: Int] = [:]
        var messageCounts: [Int] = []
        var tokenCounts: [Int] = []
        var assistantCounts: [Int] = []

        while let line = try reader.nextLine() {
            lineNumber += 1
            if line.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\r") }) {
                continue
            }
            lineCount += 1
            let measured = TrainingExample.measure(line, counting: counting) { kind, message in
                issueCounts[kind, default: 0] += 1
                if issues.count < Self.maximumIssuesKept {
                    issues.append(Diagnostic(kind, file: path, line: lineNumber, message: message))
                }
            }
            guard let example = measured else {
                invalidExamples += 1
                continue
            }
            messageCounts.append(example.messageCount)
            tokenCounts.append(example.tokens)
            assistantCounts.append(example.assistantTokens)
        }

        let overLimit = tokenCounts.filter { $0 > contextLimit }
        return TrainingFileAnalysis(
            path: path, countingLabel: counting.label, isApproximate: counting.isApproximate,
            encoding: counting.encoding, contextLimit: contextLimit, lineCount: lineCount,
            exampleCount: tokenCounts.count, invalidExampleCount: invalidExamples, issues: issues,
            issueCounts: issueCounts, exampleTokens: tokenCounts, messagesPerExample: CountDistribution(messageCounts),
            tokensPerExample: CountDistribution(tokenCounts),
            assistantTokensPerExample: CountDistribution(assistantCounts),
            totalTokens: tokenCounts.reduce(0, +), examplesOverLimit: overLimit.count,
            tokensLostToTruncation: overLimit.reduce(0) { $0 + $1 - contextLimit })
    }
}
