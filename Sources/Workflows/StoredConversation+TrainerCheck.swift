import DistillCore

/// The last step before a message is written: what OpenAI's fine-tuning refuses (and the
/// open-weight trainers that copy its format) must never reach a line, so a message the reader
/// converted but a trainer would reject makes its prompt or answer unusable instead.
extension StoredConversation {
    /// `{"id", "type": "function", "function": {"name", "arguments"}}` with a non-empty string id
    /// and name and the arguments as a string.
    static func isTrainerToolCall(_ call: JSONValue) -> Bool {
        guard let object = call.objectValue, let function = object["function"]?.objectValue,
            object["type"]?.stringValue == "function",
            let id = object["id"]?.stringValue, !id.isEmpty,
            let name = function["name"]?.stringValue, !name.isEmpty,
            function["arguments"]?.stringValue != nil
        else { return false }
        return true
    }
}

extension StoredConversation {
    /// `message` as a trainer accepts it, nil when a trainer would refuse it.
    static func trainerMessage(_ message: JSONValue) -> JSONValue? {
        guard let object = message.objectValue else { return nil }
        if let calls = object["tool_calls"] {
            guard case .array(let list) = calls, !list.isEmpty, list.allSatisfy(isTrainerToolCall) else { return nil }
        }
        return message
    }
}
