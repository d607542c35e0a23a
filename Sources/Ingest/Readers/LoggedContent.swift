import DistillCore

/// The message content a request log row carries, read only with `--store-content`: LiteLLM's
/// spend logs (`messages` and `response` as JSON text in string columns) and its standard logging
/// payload (`messages` a list, `response` the whole completion object, whose members `TabularRow`
/// names `response.choices`, `response.output`, ...).
///
/// Stored in the shapes the other readers store, so `dataset build` reads one format: the request's
/// message list, and the completion's `choices` (or a Responses `output`) as the response; an answer
/// logged as plain text is stored as a JSON string. When `messages` is empty, the messages of the
/// logged request body (`proxy_server_request`) stand in. LiteLLM writes `{}` when prompts are not
/// logged: an empty value is no content, never an empty example.
enum LoggedContent {
    static func content(of row: TabularRow) -> RequestContent? {
        var messages: String?
        var requestBodyMessages: String?
        var response: String?
        for (index, name) in row.names.enumerated() {
            guard let value = row.values[index] else { continue }
            switch ColumnResolver<RequestField>.normalise(name) {
            case "messages":
                messages = kept(value)
            case "proxyserverrequest":
                requestBodyMessages = stored(parsed(value)?.objectValue?["messages"])
            case "proxyserverrequestmessages":
                requestBodyMessages = kept(value)
            case "response":
                let answer = parsed(value) ?? .string(value)
                response = stored(answer.objectValue.flatMap { $0["choices"] ?? $0["output"] } ?? answer)
            case "responsechoices", "responseoutput":
                response = stored(parsed(value))
            default:
                continue
            }
        }
        messages = messages ?? requestBodyMessages
        guard messages != nil || response != nil else { return nil }
        return RequestContent(messages: messages, response: response)
    }

    /// A cell's JSON value: a JSON-valued column's text, or a string column holding JSON text.
    private static func parsed(_ text: String) -> JSONValue? {
        try? JSONValue.parse(text)
    }

    /// A messages cell as stored content. Text that is not JSON (LiteLLM cuts long values in the
    /// middle) is kept as it was, so `dataset build` counts it as unreadable instead of finding no
    /// messages and advising to log them.
    private static func kept(_ text: String) -> String? {
        if let value = parsed(text) { return stored(value) }
        return text.trimmingSpaces().isEmpty ? nil : text
    }

    /// The value as stored content, nil when there is none (null, `{}`, `[]`, an empty string).
    static func stored(_ value: JSONValue?) -> String? {
        switch value {
        case nil, .null?: return nil
        case .array(let items)? where items.isEmpty: return nil
        case .object(let object)? where object.members.isEmpty: return nil
        case .string(let text)? where text.trimmingSpaces().isEmpty: return nil
        case let value?: return value.text(.canonical)
        }
    }
}
