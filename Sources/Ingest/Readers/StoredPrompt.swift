import DistillCore

/// A request's prompt as stored content (`request_content.messages`): its message list, or, when
/// the request offered tools, `{"messages": [...], "tools": [...]}`, so a training example keeps
/// the tools the teacher could call. `dataset build` (`StoredConversation`) reads both shapes.
enum StoredPrompt {
    static func text(messages: JSONValue, tools: JSONValue?) -> String {
        guard case .array(let list)? = tools, !list.isEmpty else { return messages.text(.canonical) }
        return JSONValue.object([("messages", messages), ("tools", .array(list))]).text(.canonical)
    }

    /// Raw JSON texts of a request's messages and tools as stored content; the messages unchanged
    /// when no tools were offered (the common case stays as it was logged).
    static func text(messages: String, tools: String?) -> String {
        guard let tools, let value = try? JSONValue.parse(tools), case .array(let list) = value, !list.isEmpty,
            let parsed = try? JSONValue.parse(messages)
        else { return messages }
        return text(messages: parsed, tools: .array(list))
    }

    /// A Responses request's input with its `instructions` (the system prompt, given beside the
    /// input) leading as a system message; a string input becomes the user's message.
    static func responsesInput(_ input: JSONValue, instructions: String?) -> JSONValue {
        guard let instructions, !instructions.isEmpty else { return input }
        let system = JSONValue.object([("role", .string("system")), ("content", .string(instructions))])
        switch input {
        case .string(let text): return .array([system, .object([("role", .string("user")), ("content", .string(text))])])
        case .array(let items): return .array([system] + items)
        default: return input
        }
    }
}
