import Store

/// Pulls fine-tuning jobs (`GET /fine_tuning/jobs`), which the API lists newest first.
///
/// Jobs change after they are created (a running job later gets its fine-tuned model and trained
/// tokens), so the cursor is a watermark, not a position: every job created at or after it is
/// fetched again. It is the creation time of the oldest job still unfinished, or of the newest
/// job when all are finished. Paging stops at the first job older than the watermark (or
/// `--since`). The watermark is written with the last page, so an interrupted pull leaves the old
/// one and simply repeats; a pull limited by `--until` does not move it.
struct FineTuningJobsPull {
    let context: OpenAIPullContext
    static let maximumPageSize = 100
    /// Statuses that never change again; any other, including ones added later, may.
    static let finalStatuses: Set<String> = ["succeeded", "failed", "cancelled"]

    var cursorKey: String { OpenAIEndpoint.fineTuning.sourceName }

    func run(into result: inout OpenAIPullResult) throws {
        let options = context.options
        let stored = try context.log.cursor(for: cursorKey).flatMap { Int64($0) }
        result.cursor = stored.map(String.init)
        let oldest = options.since ?? stored
        var after: String?
        var newestSeen: Int64?
        var oldestUnfinished: Int64?
        while true {
            var query = [(name: "limit", value: String(context.pageSize(maximum: Self.maximumPageSize)))]
            if let after { query.append((name: "after", value: after)) }
            let page = try OpenAIPageReader.fineTuningJobs(try context.requester.get(.fineTuning, query: query))

            let reachedOldest = oldest.map { oldest in page.records.contains { $0.createdAt < oldest } } ?? false
            let jobs = page.records.filter { job in
                oldest.map { job.createdAt >= $0 } ?? true && options.until.map { job.createdAt < $0 } ?? true
            }
            for job in jobs {
                newestSeen = max(newestSeen ?? job.createdAt, job.createdAt)
                if !Self.finalStatuses.contains(job.status) {
                    oldestUnfinished = min(oldestUnfinished ?? job.createdAt, job.createdAt)
                }
            }
            let isLast = !page.hasMore || reachedOldest
            var cursor: (key: String, value: String)?
            if isLast, options.until == nil, let watermark = oldestUnfinished ?? newestSeen ?? stored {
                cursor = (cursorKey, String(watermark))
            }
            let counts = try context.commit(jobs, endpoint: .fineTuning, cursor: cursor) {
                try $0.write($1)
            }
            result.pages += 1
            result.counts = result.counts + counts
            if let cursor { result.cursor = cursor.value }
            context.report(.fineTuning, result)

            if isLast { return }
            guard let next = page.next, next != after else {
                throw OpenAIIngestError.unexpectedResponse(
                    endpoint: .fineTuning, field: "data", problem: "empty while has_more is true")
            }
            after = next
        }
    }
}
