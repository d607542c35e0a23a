import DistillCore

/// One line of a chat fine-tuning file, checked and measured as the cookbook does it.
///
/// Tokens follow `num_tokens_from_messages` in the data-preparation notebook: 3 per message,
/// the tokens of every value in the message (the role's too), 1 more for a `name`, and 3 for the
/// reply's priming. The notebook assumes every value is a string; here `weight` is skipped (it is
/// a training switch, not text), `null` counts nothing, text parts of a content array count their
/// text, and other values (tool calls, function calls, the example's `tools` and `functions`)
/// count their compact JSON, since the way OpenAI renders them into the prompt is not published.
struct TrainingExample {
    let messageCount: Int
    let tokens: Int
    let assistantTokens: Int

    static let knownRoles: Set<String> = ["system", "developer", "user", "assistant", "tool", "function"]
    static let knownMessageKeys: Set<String> = [
        "role", "content", "name", "weight", "function_call", "tool_calls", "tool_call_id", "refusal",
    ]
    static let tokensPerMessage = 3
    static let tokensPerName = 1
    static let tokensForReply = 3

    /// The example's measurement, or nil when it is malformed; every problem is passed to `report`.
    static func measure(
        _ line: ArraySlice<UInt8>, counting: TokenCounting, report: (TrainingIssueKind, String) -> Void
    ) -> TrainingExample? {
        guard let value = line.withUnsafeBytes({ try? JSONValue.parse($0) }) else {
            report(.invalidJSON, "the line is not valid JSON")
            return nil
        }
        guard case .object(let example) = value else {
            report(.notAnObject, "the line is JSON but not an object; each line must be one example object")
            return nil
        }
        guard case .array(let messages)? = example["messages"], !messages.isEmpty else {
            report(.missingMessages, "the example has no \"messages\" array, or it is empty")
            return nil
        }

        var isValid = true
        var hasAssistant = false
        var tokens = tokensForReply
        var assistantTokens = 0
        for (index, message) in messages.enumerated() {
            let number = index + 1
            guard case .object(let object) = message else {
                report(.messageMissingKey, "message \(number) is not an object")
                isValid = false
                continue
            }
            let fields = object.dictionary
            guard let role = fields["role"]?.stringValue else {
                report(.messageMissingKey, "message \(number) has no \"role\" string")
                isValid = false
                continue
            }
            if !knownRoles.contains(role) {
                report(.unknownRole, "message \(number) has role \"\(role)\"; the roles are "
                    + knownRoles.sorted().joined(separator: ", "))
                isValid = false
            }
            for key in fields.keys.sorted() where !knownMessageKeys.contains(key) {
                report(
                    .unrecognizedKey,
                    "message \(number) has the key \"\(key)\", which the chat format does not define")
                isValid = false
            }
            if !hasText(fields["content"]), !isPresent(fields["tool_calls"]), !isPresent(fields["function_call"]) {
                report(.missingContent, "message \(number) (\(role)) has no content, tool call or function call")
                isValid = false
            }
            if let weight = fields["weight"]?.compactText {
                if role != "assistant" {
                    report(.invalidWeight, "message \(number) (\(role)) has a weight; only assistant messages may")
                    isValid = false
                } else if weight != "0", weight != "1" {
                    // The integers 0 and 1 only: `1.0` reads as 1.0 and `"1"` is a string.
                    report(.invalidWeight, "message \(number) has weight \(weight); it must be 0 or 1")
                    isValid = false
                }
            }
            if role == "assistant" {
                hasAssistant = true
                assistantTokens += fields["content"].map { Self.tokens(of: $0, counting) } ?? 0
            }
            tokens += tokensPerMessage
            for (key, value) in fields where key != "weight" {
                tokens += Self.tokens(of: value, counting)
                if key == "name" { tokens += tokensPerName }
            }
        }
        if !hasAssistant {
            report(.noAssistantMessage, "the example has no assistant message to learn from")
            isValid = false
        }
        for key in ["tools", "functions"] {
            if let value = example[key], value != .null { tokens += counting.count(value.compactText) }
        }
        guard isValid else { return nil }
        return TrainingExample(messageCount: messages.count, tokens: tokens, assistantTokens: assistantTokens)
    }

    private static func tokens(of value: JSONValue, _ counting: TokenCounting) -> Int {
        switch value {
        case .null:
            return 0
        case .string(let text):
            return counting.count(text)
        case .array(let parts):
            return parts.reduce(0) { total, part in
                if case .object(let fields) = part, fields["type"]?.stringValue == "text",
                    let text = fields["text"]?.stringValue
                {
                    return total + counting.count(text)
                }
                return total + counting.count(part.compactText)
            }
        default:
            return counting.count(value.compactText)
        }
    }

    private static func hasText(_ content: JSONValue?) -> Bool {
        switch content {
        case .string(let text)?: !text.isEmpty
        case .array(let parts)?: !parts.isEmpty
        default: false
        }
    }

    private static func isPresent(_ value: JSONValue?) -> Bool {
        switch value {
        case nil, .null?: false
        case .array(let items)?: !items.isEmpty
        default: true
        }
    }
}
