import HTTP
import Store

/// Pulls stored chat completions (`GET /chat/completions`, `order=asc`) into request rows.
///
/// The list API has no time filter: it pages forward with `after` (the previous page's `last_id`)
/// until `has_more` is false. The cursor is the last stored completion (`created id`), kept per
/// model and metadata filter, so a rerun asks only for what came after it. `--since` starts from
/// the oldest stored completion and skips those created earlier; `--until` stops at the first
/// completion created at or after it. With `--store-content` each completion's request messages
/// are fetched too (`StoredCompletionMessages`) and stored with its answer.
struct StoredCompletionsPull {
    let context: OpenAIPullContext
    static let maximumPageSize = 100

    /// The cursor key names the filters: a pull of one model must not move the cursor of another.
    /// It names `--store-content` too: a first pull with content must list the completions an
    /// earlier pull without content stored, or their messages would never be fetched.
    var cursorKey: String {
        var key = OpenAIEndpoint.completions.sourceName
        var filters: [String] = context.options.storeContent ? ["content"] : []
        if let model = context.options.model { filters.append("model=\(model)") }
        for name in context.options.metadata.keys.sorted() {
            filters.append("metadata[\(name)]=\(context.options.metadata[name] ?? "")")
        }
        if !filters.isEmpty { key += "?" + filters.joined(separator: "&") }
        return key
    }

    func run(into result: inout OpenAIPullResult) throws {
        let options = context.options
        let key = cursorKey
        var position = try context.log.cursor(for: key).flatMap(Position.init)
        result.cursor = position?.text
        var after = options.since == nil ? position?.id : nil
        while true {
            var query = [
                (name: "limit", value: String(context.pageSize(maximum: Self.maximumPageSize))),
                (name: "order", value: "asc"),
            ]
            if let model = options.model { query.append((name: "model", value: model)) }
            for name in options.metadata.keys.sorted() {
                query.append((name: "metadata[\(name)]", value: options.metadata[name] ?? ""))
            }
            if let after { query.append((name: "after", value: after)) }

            let page = try OpenAIPageReader.completions(
                try context.requester.get(.completions, query: query), storeContent: options.storeContent)
            let listed = page.records.filter { item in
                let created = item.record.createdAt
                return options.since.map { created >= $0 } ?? true && options.until.map { created < $0 } ?? true
            }
            let reachedUntil = options.until.map { until in page.records.contains { $0.record.createdAt >= until } } ?? false
            // Messages are fetched before the page's transaction opens, so a failed fetch writes
            // nothing of the page and the rerun starts from it again.
            let completions = try listed.map { try stored($0.record, answer: $0.content?.response) }
            var cursor: (key: String, value: String)?
            if let last = completions.last?.record {
                let newest = Position(created: last.createdAt, id: last.key)
                if position.map({ newest.isAfter($0) }) ?? true {
                    position = newest
                    cursor = (key, newest.text)
                }
            }
            // Tags merge as in `ingest file`, so a request log's tags and the completion's metadata
            // converge whichever is loaded first.
            let counts = try context.commit(completions, endpoint: .completions, cursor: cursor) { writer, completion in
                let outcome = try writer.write(completion.record, mergingTags: true)
                if let content = completion.content {
                    try writer.writeContent(
                        forRequestKey: completion.record.key, messages: content.messages, response: content.response)
                }
                return outcome
            }
            result.messagesFetched += completions.count { $0.content?.messages != nil }
            result.messagesMissing += completions.count { $0.content != nil && $0.content?.messages == nil }
            result.pages += 1
            result.counts = result.counts + counts
            result.cursor = position?.text
            context.report(.completions, result)

            guard page.hasMore, !reachedUntil else { return }
            guard let next = page.next, next != after else {
                throw OpenAIIngestError.unexpectedResponse(
                    endpoint: .completions, field: "last_id", problem: "missing or unchanged while has_more is true")
            }
            after = next
        }
    }

    /// The completion as it is stored: metadata masked with `--redact`, and with `--store-content`
    /// its request messages fetched and stored beside its answer (masked too).
    private func stored(
        _ record: RequestRecord, answer: String?
    ) throws -> (record: RequestRecord, content: RequestContent?) {
        let redactor = context.options.redact ? Redactor() : nil
        var record = record
        if let redactor, let tags = record.tags { record.tags = tags.mapValues(redactor.redact) }
        guard context.options.storeContent else { return (record, nil) }
        let messages: String?
        do {
            messages = try StoredCompletionMessages(context: context).messages(ofCompletion: record.key)
        } catch HTTPError.unexpectedStatus(_, 404, _, _) {
            // Deleted since it was listed: its answer is kept and the gap counted, not a pull stuck on it.
            messages = nil
        }
        let content = RequestContent(
            messages: messages.map { redactor?.redactContent($0) ?? $0 }, response: answer.map { redactor?.redactContent($0) ?? $0 })
        return (record, content)
    }

    /// The last stored completion: its creation time and id, stored as `created id`.
    struct Position: Equatable {
        let created: Int64
        let id: String

        init(created: Int64, id: String) {
            self.created = created
            self.id = id
        }

        init?(_ text: String) {
            let parts = text.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, let created = Int64(parts[0]) else { return nil }
            self.init(created: created, id: String(parts[1]))
        }

        var text: String { "\(created) \(id)" }

        func isAfter(_ other: Position) -> Bool {
            created > other.created || (created == other.created && id != other.id)
        }
    }
}
