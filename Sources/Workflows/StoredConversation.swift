import DistillCore

/// Turns stored content (`request_content`, JSON text as the ingest kept it) into the messages of
/// a chat fine-tuning example, in the shape OpenAI's fine-tuning (and the open-weight trainers
/// that copy it) accept: `{"role", "content"}` messages, tool calls as an assistant message's
/// `tool_calls` (`{"id", "type": "function", "function": {"name", "arguments"}}`, the arguments a
/// JSON string) and tool results as `{"role": "tool", "tool_call_id", "content"}`.
///
/// The prompts stored are a message list or a string: Chat Completions messages (LangChain's keep
/// their tool calls in `additional_kwargs`), Responses input items (function calls and their
/// output), or OpenTelemetry GenAI messages (`{"role", "parts": [...]}`, as Langfuse records
/// Pydantic AI). The answers stored are a completion's `choices`, a Response's `output`, GenAI
/// output messages, or, from Langfuse and LiteLLM, a whole completion or Response object, a single
/// assistant message, or plain text. Every message it returns has passed `trainerMessage`, the
/// check of what a trainer accepts.
enum StoredConversation {
    /// Why a stored answer cannot end an example.
    enum Rejection: Error, Equatable {
        /// `finish_reason` `length` or `content_filter`, or a Response `incomplete`, or text LiteLLM
        /// cut when logging it: a cut answer teaches the student to stop mid-sentence.
        case truncated
        /// A refusal, or nothing the student could learn from (empty, or redacted by LiteLLM).
        case failed
        /// JSON in a shape this reader does not know.
        case unreadable
    }

    /// Keys a chat message may carry into a training example; anything else (`annotations`,
    /// `audio`, provider extras) is dropped so the cookbook checks pass.
    static let messageKeys: Set<String> = ["role", "content", "name", "tool_calls", "tool_call_id", "function_call"]

    /// The prompt's messages and the tool definitions logged among them, or nil when `text` is not
    /// a message list this reader understands or holds text LiteLLM cut or redacted.
    static func prompt(fromMessages text: String) -> (messages: [JSONValue], tools: [JSONValue])? {
        guard let value = try? JSONValue.parse(text) else { return nil }
        return prompt(from: value, offered: [])
    }

    /// `offered`: the request's `tools`, when it was stored as `{"messages", "tools"}`.
    private static func prompt(from value: JSONValue, offered: [JSONValue]) -> (messages: [JSONValue], tools: [JSONValue])? {
        switch value {
        case .string(let input):
            return ([message(role: "user", content: .string(input))], offered)
        case .object(let stored):
            guard let messages = stored["messages"], messages.objectValue == nil, offered.isEmpty,
                case .array(let tools)? = stored["tools"]
            else { return nil }
            return prompt(from: messages, offered: tools.compactMap(chatTool))
        case .array(let items):
            var messages: [JSONValue] = []
            var tools: [JSONValue] = offered
            for item in items {
                guard let object = item.objectValue else { return nil }
                if object["type"]?.stringValue == "function_call" {
                    appendFunctionCall(object, to: &messages)
                    continue
                }
                guard let converted = inputMessages(object) else { return nil }
                for message in converted {
                    if let tool = toolDefinition(message) { tools.append(tool) } else { messages.append(message) }
                }
            }
            guard !messages.isEmpty, !(messages + tools).contains(where: { liteLLMMarker(in: $0) != nil }) else { return nil }
            let checked = messages.compactMap(trainerMessage)
            return checked.count == messages.count ? (checked, tools) : nil
        default:
            return nil
        }
    }

    /// A tool the request offered, in the chat format's `{"type": "function", "function": {"name",
    /// "description", "parameters"}}`: a Responses function tool (`{"type": "function", "name",
    /// ...}`) is converted; a built-in tool (web search, file search) has no chat equivalent and is
    /// left out.
    private static func chatTool(_ tool: JSONValue) -> JSONValue? {
        guard let object = tool.objectValue, object["type"]?.stringValue == "function" else { return nil }
        if let function = object["function"]?.objectValue, function["name"]?.stringValue != nil { return tool }
        guard object["name"]?.stringValue != nil else { return nil }
        let members = ["name", "description", "parameters"].compactMap { key in object[key].map { (key: key, value: $0) } }
        return .object([("type", .string("function")), ("function", .object(JSONObject(members)))])
    }

    /// A Responses `function_call` input item as a call of the assistant message it follows: the
    /// items of one turn's parallel calls, and the text said before them, are one chat message
    /// (a trainer reads consecutive assistant messages as separate turns).
    private static func appendFunctionCall(_ item: JSONObject, to messages: inout [JSONValue]) {
        let call = toolCall(id: item["call_id"] ?? item["id"], name: item["name"], arguments: item["arguments"])
        guard let last = messages.last?.objectValue, last["role"]?.stringValue == "assistant" else {
            messages.append(.object([("role", .string("assistant")), ("content", .null), ("tool_calls", .array([call]))]))
            return
        }
        let calls: [JSONValue]
        if case .array(let listed)? = last["tool_calls"] { calls = listed } else { calls = [] }
        let members = last.members.filter { $0.key != "tool_calls" } + [("tool_calls", .array(calls + [call]))]
        messages[messages.count - 1] = .object(JSONObject(members))
    }

    /// LangGraph logs the tools it offers as `tool` messages without a `tool_call_id`, holding a
    /// `{"type": "function", "function": {...}}` definition: a trainer rejects such a message, and
    /// the definition belongs in the example's `tools`.
    private static func toolDefinition(_ message: JSONValue) -> JSONValue? {
        guard let object = message.objectValue, object["role"]?.stringValue == "tool", object["tool_call_id"] == nil,
            let content = object["content"]?.stringValue, let definition = try? JSONValue.parse(content),
            definition.objectValue?["type"]?.stringValue == "function", definition.objectValue?["function"]?.objectValue != nil
        else { return nil }
        return definition
    }

    /// The final assistant message.
    static func answer(fromResponse text: String) -> Result<JSONValue, Rejection> {
        convertedAnswer(text).flatMap { answer in
            switch liteLLMMarker(in: answer) {
            case .truncated?: return .failure(.truncated)
            case .redacted?: return .failure(.failed)
            case nil: return trainerMessage(answer).map(Result.success) ?? .failure(.unreadable)
            }
        }
    }

    private static func convertedAnswer(_ text: String) -> Result<JSONValue, Rejection> {
        guard let value = try? JSONValue.parse(text) else { return .failure(.unreadable) }
        switch value {
        case .array(let items):
            return answer(fromItems: items)
        case .object(let object):
            if let ending = stopRejection(object) { return .failure(ending) }
            if case .array(let output)? = object["output"] { return outputAnswer(output) }
            if case .array(let choices)? = object["choices"] { return answer(fromItems: choices) }
            if object["role"] != nil { return messageAnswer(object) }
            return .failure(.unreadable)
        case .string(let answer):
            guard answer.contains(where: { !$0.isWhitespace }) else { return .failure(.failed) }
            return .success(message(role: "assistant", content: .string(answer)))
        default:
            return .failure(.unreadable)
        }
    }

    /// `choices`, GenAI output messages, or Responses output items, told apart by the first item.
    private static func answer(fromItems items: [JSONValue]) -> Result<JSONValue, Rejection> {
        guard let first = items.first?.objectValue else { return .failure(.unreadable) }
        if first["parts"] != nil { return partsAnswer(items) }
        if first["message"] != nil || first["finish_reason"] != nil { return choiceAnswer(first) }
        return outputAnswer(items)
    }

    /// `choices[0]`: its `message`, unless it was cut.
    private static func choiceAnswer(_ choice: JSONObject) -> Result<JSONValue, Rejection> {
        if isTruncation(choice["finish_reason"]) { return .failure(.truncated) }
        guard let message = choice["message"]?.objectValue else { return .failure(.unreadable) }
        return messageAnswer(message)
    }

    /// One assistant message, unless it was refused or says nothing.
    private static func messageAnswer(_ message: JSONObject) -> Result<JSONValue, Rejection> {
        if let refusal = message["refusal"] ?? message["additional_kwargs"]?.objectValue?["refusal"], refusal != .null {
            return .failure(.failed)
        }
        let content = message["content"].map(flattenedContent) ?? .null
        var members: [(key: String, value: JSONValue)] = [("role", .string("assistant")), ("content", content)]
        if let calls = toolCalls(of: message) {
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
                calls.append(toolCall(id: object["call_id"] ?? object["id"], name: object["name"], arguments: object["arguments"]))
            case "reasoning":
                continue
            default:
                return .failure(.unreadable)
            }
        }
        return chatMessage(texts: texts, calls: calls).map(Result.success) ?? .failure(.failed)
    }

    /// GenAI output messages (`[{"role": "assistant", "parts": [...], "finish_reason"}]`): the
    /// last assistant message, unless it was cut.
    private static func partsAnswer(_ items: [JSONValue]) -> Result<JSONValue, Rejection> {
        guard let last = items.last(where: { $0.objectValue?["role"]?.stringValue == "assistant" })?.objectValue,
            case .array(let parts)? = last["parts"]
        else { return .failure(.unreadable) }
        if isTruncation(last["finish_reason"]) { return .failure(.truncated) }
        guard let messages = partsMessages(role: "assistant", parts) else { return .failure(.unreadable) }
        guard messages.count == 1, let answer = messages.first else { return .failure(.failed) }
        return .success(answer)
    }

    /// One input item as chat messages: a chat message (`role` + `content`, or GenAI `parts`), or
    /// a Responses function call's output, turned into the chat format's `tool` message. A
    /// Responses `reasoning` item (a reasoning model's input carries its earlier ones back) is
    /// none: reasoning is not part of a chat example, on the output side either.
    private static func inputMessages(_ object: JSONObject) -> [JSONValue]? {
        switch object["type"]?.stringValue {
        case "reasoning":
            return []
        case "function_call_output":
            guard let id = object["call_id"], let output = object["output"] else { return nil }
            return [toolResult(id: id, output)]
        case nil, "message":
            guard let role = object["role"]?.stringValue else { return nil }
            if case .array(let parts)? = object["parts"] { return partsMessages(role: role, parts) }
            // A null `name` or `tool_calls` (the API's way of saying "none") is dropped: a trainer
            // reads a present key as a value.
            var members = object.members.compactMap { member -> (key: String, value: JSONValue)? in
                guard messageKeys.contains(member.key), member.key != "tool_calls",
                    member.key == "content" || member.value != .null
                else { return nil }
                guard member.key == "content" else { return member }
                let content = flattenedContent(member.value)
                // A tool result logged as JSON (LangChain keeps it as an object or a list) is the
                // text the model read.
                if role == "tool", content.stringValue == nil, content != .null { return (member.key, .string(content.text(.canonical))) }
                return (member.key, content)
            }
            if let calls = toolCalls(of: object) { members.append(("tool_calls", calls)) }
            return [.object(JSONObject(members))]
        default:
            return nil
        }
    }

    /// A GenAI message's parts: text joined into `content`, `tool_call` parts as `tool_calls`, and
    /// each `tool_call_response` as its own `tool` message (the chat format has no other place for
    /// them); reasoning parts are left out, as Responses reasoning items are.
    private static func partsMessages(role: String, _ parts: [JSONValue]) -> [JSONValue]? {
        var texts: [String] = []
        var calls: [JSONValue] = []
        var results: [JSONValue] = []
        for part in parts {
            guard let object = part.objectValue else { return nil }
            switch object["type"]?.stringValue {
            case "text":
                guard let text = object["content"]?.stringValue else { return nil }
                texts.append(text)
            case "tool_call":
                calls.append(toolCall(id: object["id"], name: object["name"], arguments: object["arguments"]))
            case "tool_call_response":
                guard let id = object["id"] else { return nil }
                results.append(toolResult(id: id, object["result"] ?? object["response"] ?? .null))
            case "reasoning":
                continue
            default:
                return nil
            }
        }
        let message = chatMessage(role: role, texts: texts, calls: calls)
        return (message.map { [$0] } ?? []) + results
    }

    /// A message of `texts` (joined) and `calls`; nil when it has neither.
    private static func chatMessage(role: String = "assistant", texts: [String], calls: [JSONValue]) -> JSONValue? {
        guard !texts.isEmpty || !calls.isEmpty else { return nil }
        var members: [(key: String, value: JSONValue)] = [
            ("role", .string(role)), ("content", texts.isEmpty ? .null : .string(texts.joined(separator: "\n"))),
        ]
        if !calls.isEmpty { members.append(("tool_calls", .array(calls))) }
        return .object(JSONObject(members))
    }

    /// A message's tool calls in OpenAI's shape; nil when it has none. A LangChain message carries
    /// them twice: `additional_kwargs.tool_calls` as the provider returned them (used when valid)
    /// and its own top-level `tool_calls` (`{"name", "args", "id", "type": "tool_call"}`,
    /// converted). A call in neither shape, or `tool_calls` that is not a list, is kept as it is for
    /// the trainer check to refuse.
    private static func toolCalls(of message: JSONObject) -> JSONValue? {
        let providerCalls = nonEmptyList(message["additional_kwargs"]?.objectValue?["tool_calls"])?.map(openAIToolCall)
        if let providerCalls, providerCalls.allSatisfy(isTrainerToolCall) { return .array(providerCalls) }
        switch message["tool_calls"] {
        case .array(let calls)? where !calls.isEmpty: return .array(calls.map(openAIToolCall))
        case nil, .null?, .array?: return providerCalls.map(JSONValue.array)
        case let other?: return other
        }
    }

    private static func nonEmptyList(_ value: JSONValue?) -> [JSONValue]? {
        guard case .array(let items)? = value, !items.isEmpty else { return nil }
        return items
    }

    /// An OpenAI call (`function` object, its arguments maybe logged as an object) or a
    /// LangChain one (`name` and `args`) as `toolCall` writes them; anything else unchanged.
    private static func openAIToolCall(_ call: JSONValue) -> JSONValue {
        guard let object = call.objectValue else { return call }
        if let function = object["function"]?.objectValue {
            return toolCall(id: object["id"], name: function["name"], arguments: function["arguments"])
        }
        guard object["type"]?.stringValue == "tool_call" || object["args"] != nil, object["name"] != nil else { return call }
        return toolCall(id: object["id"], name: object["name"], arguments: object["args"])
    }

    /// `{"id", "type": "function", "function": {"name", "arguments"}}`; arguments logged as an
    /// object (LangChain, GenAI parts) are written as the JSON string the format requires.
    private static func toolCall(id: JSONValue?, name: JSONValue?, arguments: JSONValue?) -> JSONValue {
        let text: JSONValue
        switch arguments {
        case nil, .null?: text = .string("{}")
        case .string?: text = arguments ?? .null
        case let value?: text = .string(value.text(.canonical))
        }
        return .object([
            ("id", id ?? .null), ("type", .string("function")),
            ("function", .object([("name", name ?? .null), ("arguments", text)])),
        ])
    }

    /// A tool's result as a `tool` message; a result logged as JSON is written as its text.
    private static func toolResult(id: JSONValue, _ output: JSONValue) -> JSONValue {
        let content: JSONValue
        switch output {
        case .string: content = output
        default: content = .string(output.text(.canonical))
        }
        return .object([("role", .string("tool")), ("tool_call_id", id), ("content", content)])
    }

    /// What LiteLLM put in place of logged text, in its spend logs and logging payloads.
    private enum LiteLLMMarker: Equatable {
        /// `... (litellm_truncated N chars)`: the middle of a string longer than
        /// `MAX_STRING_LENGTH_PROMPT_IN_DB` was cut out, so the text is not what the model read or wrote.
        case truncated
        /// `redacted-by-litellm`: message logging was off, the text is gone.
        case redacted
    }

    /// The first LiteLLM marker in any string of `value`, nil when it has none.
    private static func liteLLMMarker(in value: JSONValue) -> LiteLLMMarker? {
        switch value {
        case .string(let text):
            if text.contains("redacted-by-litellm") { return .redacted }
            return hasLiteLLMCut(text) ? .truncated : nil
        case .array(let items):
            return items.lazy.compactMap(liteLLMMarker).first
        case .object(let object):
            return object.members.lazy.compactMap { liteLLMMarker(in: $0.value) }.first
        case .null, .bool, .number:
            return nil
        }
    }

    /// Whether `text` holds `(litellm_truncated N chars)`, N digits: the exact marker, so a prompt
    /// that merely names LiteLLM's flag is kept.
    private static func hasLiteLLMCut(_ text: String) -> Bool {
        var rest = Substring(text)
        while let start = rest.firstRange(of: "(litellm_truncated ") {
            rest = rest[start.upperBound...]
            let digits = rest.prefix { $0.isASCII && $0.isWholeNumber }
            if !digits.isEmpty, rest.dropFirst(digits.count).hasPrefix(" chars)") { return true }
        }
        return false
    }

    /// How a whole answer object says it ended, when that rules it out: a Response `incomplete`
    /// (its `status`, or `incomplete_details` set: `max_output_tokens`, `content_filter`), or an
    /// Anthropic message that hit `max_tokens` or the context window, or that is a `refusal`.
    private static func stopRejection(_ object: JSONObject) -> Rejection? {
        if object["status"]?.stringValue == "incomplete" { return .truncated }
        if let details = object["incomplete_details"], details != .null { return .truncated }
        switch object["stop_reason"]?.stringValue {
        case "max_tokens"?, "model_context_window_exceeded"?: return .truncated
        case "refusal"?: return .failed
        default: return nil
        }
    }

    private static func isTruncation(_ reason: JSONValue?) -> Bool {
        guard let reason = reason?.stringValue else { return false }
        return reason == "length" || reason == "content_filter"
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
