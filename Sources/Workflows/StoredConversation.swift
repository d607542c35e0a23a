import DistillCore

/// Turns stored content (`request_content`, JSON text as the ingest kept it) into the messages of
/// a chat fine-tuning example, in the shape OpenAI's fine-tuning (and the open-weight trainers
/// that copy it) accept: `{"role", "content"}` messages, tool calls as an assistant message's
/// `tool_calls` (`{"id", "type": "function", "function": {"name", "arguments"}}`) and tool
/// results as `{"role": "tool", "tool_call_id", "content"}`.
///
/// Two stored shapes exist today: a Chat Completion's `choices` with its logged request's
/// `messages`, and a Response's `output` with its `input` (a string or a list of input items).
enum StoredConversation {
    /// Why a stored answer cannot end an example.
    enum Rejection: Error, Equatable {
        /// `finish_reason` `length` or `content_filter`, or a Response `incomplete`: a cut answer
        /// teaches the student to stop mid-sentence.
        case truncated
        /// A refusal, or nothing the student could learn from.
        case failed
        /// JSON in a shape this reader does not know.
        case unreadable
    }

    /// Keys a chat message may carry into a training example; anything else (`annotations`,
    /// `audio`, provider extras) is dropped so the cookbook checks pass.
    static let messageKeys: Set<String> = ["role", "content", "name", "tool_calls", "tool_call_id", "function_call"]

    /// The prompt's messages, or nil when `text` is not a message list this reader understands.
    static func prompt(fromMessages text: String) -> [JSONValue]? {
        guard let value = try? JSONValue.parse(text) else { return nil }
        switch value {
        case .string(let input):
            return [message(role: "user", content: .string(input))]
        case .array(let items):
            var messages: [JSONValue] = []
            for item in items {
                guard let object = item.objectValue, let converted = inputMessage(object) else { return nil }
                messages.append(converted)
            }
            return messages.isEmpty ? nil : messages
        default:
            return nil
        }
    }

    /// The final assistant message, from a completion's `choices` or a Response's `output`.
    static func answer(fromResponse text: String) -> Result<JSONValue, Rejection> {
        guard case .array(let items)? = try? JSONValue.parse(text), let first = items.first?.objectValue else {
            return .failure(.unreadable)
        }
        if first["message"] != nil || first["finish_reason"] != nil {
            return choiceAnswer(first)
        }
        return outputAnswer(items)
    }

    /// `choices[0]`: its `message`, unless it was cut or refused.
    private static func choiceAnswer(_ choice: JSONObject) -> Result<JSONValue, Rejection> {
        if let reason = choice["finish_reason"]?.stringValue, reason == "length" || reason == "content_filter" {
            return .failure(.truncated)
        }
        guard let message = choice["message"]?.objectValue else { return .failure(.unreadable) }
        if let refusal = message["refusal"], refusal != .null { return .failure(.failed) }
        var members: [(key: String, value: JSONValue)] = [("role", .string("assistant"))]
        let content = message["content"].map(flattenedContent) ?? .null
        members.append(("content", content))
        if let calls = message["tool_calls"], case .array(let list) = calls, !list.isEmpty {
            members.append(("tool_calls", calls))
        } else if content == .null || content == .string("") {
            return .failure(.failed)
        }
        return .success(.object(JSONObject(members)))
    }

    /// A Response's `output`: its message text and function calls as one assistant message
    /// (reasoning items are not part of a chat example).
    private static func outputAnswer(_ items: [JSONValue]) -> Result<JSONValue, Rejection> {
        var texts: [String] = []
        var calls: [JSONValue] = []
        for item in items {
            guard let object = item.objectValue else { return .failure(.unreadable) }
            switch object["type"]?.stringValue {
            case "message":
                if object["status"]?.stringValue == "incomplete" { return .failure(.truncated) }
                guard case .string(let text) = object["content"].map(flattenedContent) ?? .null else {
                    return .failure(.unreadable)
                }
                texts.append(text)
            case "function_call":
                calls.append(toolCall(object))
            case "reasoning":
                continue
            default:
                return .failure(.unreadable)
            }
        }
        guard !texts.isEmpty || !calls.isEmpty else { return .failure(.failed) }
        var members: [(key: String, value: JSONValue)] = [
            ("role", .string("assistant")), ("content", texts.isEmpty ? .null : .string(texts.joined(separator: "\n"))),
        ]
        if !calls.isEmpty { members.append(("tool_calls", .array(calls))) }
        return .success(.object(JSONObject(members)))
    }

    /// One input item: a chat message (`role` + `content`), or a Responses function call or its
    /// output, turned into the chat format's assistant `tool_calls` and `tool` message.
    private static func inputMessage(_ object: JSONObject) -> JSONValue? {
        switch object["type"]?.stringValue {
        case "function_call":
            return .object([("role", .string("assistant")), ("content", .null), ("tool_calls", .array([toolCall(object)]))])
        case "function_call_output":
            guard let id = object["call_id"], let output = object["output"] else { return nil }
            return .object([("role", .string("tool")), ("tool_call_id", id), ("content", output)])
        case nil, "message":
            guard object["role"]?.stringValue != nil else { return nil }
            // A null `name` or `tool_calls` (the API's way of saying "none") is dropped: a trainer
            // reads a present key as a value.
            let members = object.members.compactMap { member -> (key: String, value: JSONValue)? in
                guard messageKeys.contains(member.key), member.key == "content" || member.value != .null else { return nil }
                return member.key == "content" ? (member.key, flattenedContent(member.value)) : member
            }
            return .object(JSONObject(members))
        default:
            return nil
        }
    }

    private static func toolCall(_ object: JSONObject) -> JSONValue {
        .object([
            ("id", object["call_id"] ?? object["id"] ?? .null), ("type", .string("function")),
            ("function", .object([("name", object["name"] ?? .null), ("arguments", object["arguments"] ?? .string("{}"))])),
        ])
    }

    /// Content parts that are all text (`text`, `input_text`, `output_text`) joined into one
    /// string, the form every trainer takes; other parts (images, audio) are kept as they are.
    private static func flattenedContent(_ content: JSONValue) -> JSONValue {
        guard case .array(let parts) = content, !parts.isEmpty else { return content }
        var texts: [String] = []
        for part in parts {
            guard let object = part.objectValue, let type = object["type"]?.stringValue,
                ["text", "input_text", "output_text"].contains(type), let text = object["text"]?.stringValue
            else { return content }
            texts.append(text)
        }
        return .string(texts.joined(separator: "\n"))
    }

    private static func message(role: String, content: JSONValue) -> JSONValue {
        .object([("role", .string(role)), ("content", content)])
    }
}
