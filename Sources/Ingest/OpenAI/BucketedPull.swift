import Store

/// Pulls a time-bucketed organization endpoint (usage, costs): `start_time` to `end_time`,
/// following `next_page` while `has_more`.
///
/// The cursor is the end of the last *complete* bucket (one that ended before the pull began):
/// the bucket still filling up is stored, and fetched again by the next pull, whose UPSERT updates
/// it in place. Starts at `--since`, else the cursor, else `firstPullDays` ago, aligned to the
/// bucket width; the cursor only ever moves forward, so a backfill with `--until` does not rewind it.
struct BucketedPull<Record> {
    let context: OpenAIPullContext
    let endpoint: OpenAIEndpoint
    let width: BucketWidth
    let cursorKey: String
    /// `bucket_width`, `group_by[]`…: sent on every page.
    let query: [(name: String, value: String)]
    let maximumPageSize: Int
    /// The endpoint's page reader (`OpenAIPageReader.usage` or `.costs`).
    let read: ([UInt8]) throws -> OpenAIPage<Record>
    let write: (RecordWriter, Record) throws -> WriteOutcome

    func run(into result: inout OpenAIPullResult) throws {
        let options = context.options
        let stored = try context.log.cursor(for: cursorKey).flatMap { Int64($0) }
        result.cursor = stored.map(String.init)
        let end = options.until ?? context.now
        let firstPull = context.now - Int64(options.firstPullDays) * 86_400
        let start = width.floor(options.since ?? stored ?? firstPull)
        guard start < end else { return }
        var position = stored
        var pageToken: String?
        while true {
            var query = [(name: "start_time", value: String(start)), (name: "end_time", value: String(end))]
            query += self.query
            query.append((name: "limit", value: String(context.pageSize(maximum: maximumPageSize))))
            if let pageToken { query.append((name: "page", value: pageToken)) }

            let page = try read(try context.requester.get(endpoint, query: query))
            var cursor: (key: String, value: String)?
            if let complete = page.bucketEnds.filter({ $0 <= context.now }).max(), complete > position ?? .min {
                position = complete
                cursor = (cursorKey, String(complete))
            }
            let counts = try context.commit(page.records, endpoint: endpoint, cursor: cursor, write: write)
            result.pages += 1
            result.counts = result.counts + counts
            result.cursor = position.map(String.init)
            context.report(endpoint, result)

            guard page.hasMore else { return }
            guard let next = page.next, next != pageToken else {
                throw OpenAIIngestError.unexpectedResponse(
                    endpoint: endpoint, field: "next_page", problem: "missing or unchanged while has_more is true")
            }
            pageToken = next
        }
    }
}
