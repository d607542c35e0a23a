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

    /// `message` as a trainer accepts it, nil when a trainer would refuse it. Roles are `system`,
    /// `user`, `assistant` and `tool` (`developer`, the Responses API's name for system, becomes
    /// `system`); `system` and `user` content is a string or OpenAI chat content parts; an assistant
    /// has string content or tool calls; a tool result names its call.
    static func trainerMessage(_ message: JSONValue) -> JSONValue? {
        guard let object = message.objectValue, let stated = object["role"]?.stringValue else { return nil }
        let role = stated == "developer" ? "system" : stated
        if let name = object["name"], name.stringValue == nil { return nil }
        if let calls = object["tool_calls"] {
            guard role == "assistant", case .array(let list) = calls, !list.isEmpty, list.allSatisfy(isTrainerToolCall) else {
                return nil
            }
        }
        if let call = object["function_call"], role != "assistant" || !isTrainerFunctionCall(call) { return nil }
        var content = object["content"]
        switch role {
        case "system", "user":
            guard let parts = content.flatMap(trainerContent) else { return nil }
            content = parts
        case "assistant":
            let hasText = content?.stringValue != nil
            guard hasText || content == nil || content == .null else { return nil }
            guard hasText || object["tool_calls"] != nil || isTrainerFunctionCall(object["function_call"]) else { return nil }
        case "tool":
            guard object["tool_call_id"]?.stringValue?.isEmpty == false, content?.stringValue != nil else { return nil }
        default:
            return nil
        }
        return .object(
            JSONObject(
                object.members.map { member in
                    switch member.key {
                    case "role": return (member.key, .string(role))
                    case "content": return (member.key, content ?? member.value)
                    default: return member
                    }
                }))
    }

    /// A string, or content parts of the types a chat example takes (`text`, `image_url`), the
    /// Responses API's `input_text` and `input_image` written as those; nil for anything else (an
    /// image by `file_id`, audio, files).
    private static func trainerContent(_ content: JSONValue) -> JSONValue? {
        switch content {
        case .string:
            return content
        case .array(let parts) where !parts.isEmpty:
            var converted: [JSONValue] = []
            for part in parts {
                guard let part = trainerContentPart(part) else { return nil }
                converted.append(part)
            }
            return .array(converted)
        default:
            return nil
        }
    }

    private static func trainerContentPart(_ part: JSONValue) -> JSONValue? {
        guard let object = part.objectValue else { return nil }
        let image: (url: JSONValue?, detail: JSONValue?)
        switch object["type"]?.stringValue {
        case "text", "input_text":
            guard let text = object["text"]?.stringValue else { return nil }
            return .object([("type", .string("text")), ("text", .string(text))])
        case "image_url":
            let chatImage = object["image_url"]?.objectValue
            image = (chatImage?["url"], chatImage?["detail"])
        case "input_image":
            image = (object["image_url"], object["detail"])
        default:
            return nil
        }
        guard let url = image.url?.stringValue, !url.isEmpty else { return nil }
        var fields: [(key: String, value: JSONValue)] = [("url", .string(url))]
        if let detail = image.detail?.stringValue { fields.append(("detail", .string(detail))) }
        return .object([("type", .string("image_url")), ("image_url", .object(JSONObject(fields)))])
    }

    /// The legacy `function_call` of an assistant message: `{"name", "arguments"}`, both strings.
    private static func isTrainerFunctionCall(_ call: JSONValue?) -> Bool {
        guard let object = call?.objectValue, let name = object["name"]?.stringValue, !name.isEmpty else { return false }
        return object["arguments"]?.stringValue != nil
    }
}
