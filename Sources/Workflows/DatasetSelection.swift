import Analytics
import DistillCore
import Ingest

/// The examples of a dataset build and why the others were left out: stored requests become
/// examples (or a skip reason), exact duplicate prompts go, then a seeded shuffle orders them, a
/// balance cap and a maximum trim them, and a holdout share is split off.
///
/// Duplicates are removed before the split, so no prompt of the holdout file appears in the
/// training file; with `--redact` they are compared after masking, because the masked text is what
/// is written.
package struct DatasetSelection: Sendable {
    /// One written line and what it is grouped and deduplicated by.
    package struct Example: Sendable, Equatable {
        package var requestKey: String
        /// The `--balance-by` key's value, `(none)` when the request lacks the key, `all` without one.
        package var group: String
        /// The prompt messages as canonical JSON: equal prompts have equal text.
        package var prompt: String
        /// `{"messages": [...]}` on one line.
        package var line: String
    }

    /// Why a stored request is not in either file.
    package enum SkipReason: String, CaseIterable, Sendable, Error {
        case noMessages = "no stored request messages"
        case noAnswer = "no stored answer"
        case failed = "failed or refused"
        case truncated = "truncated answer (finish_reason length or content_filter, or incomplete)"
        case unreadable = "content not in a shape a trainer accepts"
        case duplicate = "exact duplicate prompt"
        case balanceCap = "over the --balance-by cap"
        case maximum = "over --max"
    }

    package static let noGroupValue = "(none)"
    package static let singleGroup = "all"

    package private(set) var candidates: [Example] = []
    package private(set) var training: [Example] = []
    package private(set) var holdout: [Example] = []
    package private(set) var skipped: [SkipReason: Int] = [:]
    /// The per-value cap `--balance-by` applied, nil without it.
    package private(set) var balanceCap: Int?

    /// Converts each row (oldest first, as the query returns them), keeping the first of equal prompts.
    package init(rows: [StoredContentQuery.Row], redactor: Redactor?, grouped: Bool) {
        var seenPrompts: Set<String> = []
        for row in rows {
            switch Self.example(from: row, redactor: redactor, grouped: grouped) {
            case .failure(let reason):
                skipped[reason, default: 0] += 1
            case .success(let example):
                guard seenPrompts.insert(example.prompt).inserted else {
                    skipped[.duplicate, default: 0] += 1
                    continue
                }
                candidates.append(example)
            }
        }
        training = candidates
    }

    /// Shuffles the candidates with SplitMix64 from `seed` (Fisher–Yates, written out so a seed
    /// gives the same files on every Swift version), caps each group at the smallest group's size
    /// when `balanced`, then keeps the first `maximum`.
    package mutating func select(seed: UInt64, balanced: Bool, maximum: Int?) {
        var order = candidates
        var generator = SplitMix64(seed: seed)
        if order.count > 1 {
            for index in stride(from: order.count - 1, to: 0, by: -1) {
                let other = Int(generator.next() % UInt64(index + 1))
                order.swapAt(index, other)
            }
        }
        if balanced {
            let sizes = Dictionary(grouping: order, by: \.group).mapValues(\.count)
            let cap = sizes.values.min() ?? 0
            balanceCap = cap
            var taken: [String: Int] = [:]
            order = order.filter { example in
                taken[example.group, default: 0] += 1
                return taken[example.group, default: 0] <= cap
            }
            let left = candidates.count - order.count
            if left > 0 { skipped[.balanceCap] = left }
        }
        if let maximum, order.count > maximum {
            skipped[.maximum] = order.count - maximum
            order = Array(order.prefix(maximum))
        }
        training = order
        holdout = []
    }

    /// Moves the first `fraction` of the selection (rounded to the nearest example) to the holdout.
    package mutating func splitHoldout(fraction: Double) {
        let all = holdout + training
        let count = min(all.count, Int((fraction * Double(all.count)).rounded()))
        holdout = Array(all.prefix(count))
        training = Array(all.dropFirst(count))
    }

    /// Examples per group value, in value order: (value, training, holdout).
    package var perGroup: [(group: String, training: Int, holdout: Int)] {
        let trainingCounts = Dictionary(grouping: training, by: \.group).mapValues(\.count)
        let holdoutCounts = Dictionary(grouping: holdout, by: \.group).mapValues(\.count)
        return Set(trainingCounts.keys).union(holdoutCounts.keys).sorted().map {
            ($0, trainingCounts[$0] ?? 0, holdoutCounts[$0] ?? 0)
        }
    }

    /// `3 duplicate prompts, 1 truncated answer …`, or `none skipped`.
    package var skippedDescription: String {
        let parts = SkipReason.allCases.compactMap { reason in skipped[reason].map { "\($0) \(reason.rawValue)" } }
        return parts.isEmpty ? "none skipped" : "skipped: " + parts.joined(separator: ", ")
    }

    private static func example(
        from row: StoredContentQuery.Row, redactor: Redactor?, grouped: Bool
    ) -> Result<Example, SkipReason> {
        if row.failed { return .failure(.failed) }
        guard let messagesText = row.messages else { return .failure(.noMessages) }
        guard let responseText = row.response else { return .failure(.noAnswer) }
        guard var (prompt, tools) = StoredConversation.prompt(fromMessages: messagesText) else { return .failure(.unreadable) }
        var answer: JSONValue
        switch StoredConversation.answer(fromResponse: responseText) {
        case .success(let message): answer = message
        case .failure(.truncated): return .failure(.truncated)
        case .failure(.failed): return .failure(.failed)
        case .failure(.unreadable): return .failure(.unreadable)
        }
        if let redactor {
            prompt = prompt.map(redactor.redact)
            tools = tools.map(redactor.redact)
            answer = redactor.redact(answer)
        }
        // The tools offered are part of the prompt: the same messages with other tools are another prompt.
        var promptMembers: [(key: String, value: JSONValue)] = [("messages", .array(prompt))]
        if !tools.isEmpty { promptMembers.append(("tools", .array(tools))) }
        let promptText = JSONValue.object(JSONObject(promptMembers)).text(.canonical)
        promptMembers[0].value = .array(prompt + [answer])
        let line = JSONValue.object(JSONObject(promptMembers)).text(.canonical)
        let group = grouped ? row.groupValue ?? noGroupValue : singleGroup
        return .success(Example(requestKey: row.requestKey, group: group, prompt: promptText, line: line))
    }
}
