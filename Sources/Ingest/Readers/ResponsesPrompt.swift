import DistillCore

/// A Responses request's prompt as stored content: its `instructions` (the system prompt, given
/// beside the input) lead as a system message, so a training example answers the prompt the model
/// was given. A string input becomes the user's message.
enum ResponsesPrompt {
    static func stored(input: JSONValue, instructions: String?) -> JSONValue {
        guard let instructions, !instructions.isEmpty else { return input }
        let system = JSONValue.object([("role", .string("system")), ("content", .string(instructions))])
        switch input {
        case .string(let text): return .array([system, .object([("role", .string("user")), ("content", .string(text))])])
        case .array(let items): return .array([system] + items)
        default: return input
        }
    }
}
