import DistillCore

/// The request messages of one stored completion (`GET /chat/completions/{id}/messages`), every
/// page of them, as the JSON text `request_content.messages` keeps. The list API returns a
/// completion's answer (`choices`) but not its prompt, and a training example needs both.
///
/// Pages forward in `order=asc` with `after` (the previous page's `last_id`) while `has_more`, so
/// the messages keep the order they were sent in.
struct StoredCompletionMessages {
    let context: OpenAIPullContext
    static let maximumPageSize = 100

    func messages(ofCompletion id: String) throws -> String {
        var messages: [JSONValue] = []
        var after: String?
        while true {
            var query = [
                (name: "limit", value: String(context.pageSize(maximum: Self.maximumPageSize))),
                (name: "order", value: "asc"),
            ]
            if let after { query.append((name: "after", value: after)) }
            let body = try context.requester.get(.completions, below: [id, "messages"], query: query)
            let page = try OpenAIPageReader.completionMessages(body, completionID: id)
            messages += page.records
            guard page.hasMore else { return JSONValue.array(messages).text(.canonical) }
            guard let next = page.next, next != after else {
                throw OpenAIIngestError.unexpectedMessages(
                    completionID: id, field: "last_id", problem: "missing or unchanged while has_more is true")
            }
            after = next
        }
    }
}
