import Store

/// Pulls a time-bucketed organization endpoint (usage, costs): `start_time` to `end_time`,
/// following `next_page` while `has_more`.
///
/// The cursor is the end of the last *complete* bucket (one that ended before the pull began):
/// the bucket still filling up is stored, and fetched again by the next pull, whose UPSERT updates
/// it in place. Starts at `--since`, else the cursor, else `firstPullDays` ago, aligned to the
/// bucket width; the cursor only ever moves forward, so a backfill with `--until` does not rewind it.
struct BucketedPull<Result: Decodable, Record> {
    let context: OpenAIPullContext
    let endpoint: OpenAIEndpoint
    let width: BucketWidth
    let cursorKey: String
    /// `bucket_width`, `group_by[]`…: sent on every page.
    let query: [(name: String, value: String)]
    let maximumPageSize: Int
    let resultObject: String
    let record: (Result, _ start: Int64, _ end: Int64) -> Record?
    let write: (RecordWriter, Record) throws -> WriteOutcome
    let objectName: (Result) -> String

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

            let page = try BucketPage<Result>.decode(try context.requester.get(endpoint, query: query), endpoint: endpoint)
            var records: [Record] = []
            for (bucketIndex, bucket) in page.data.enumerated() {
                for (index, item) in bucket.results.enumerated() {
                    try PageDecoding.expect(
                        objectName(item), equals: resultObject, field: "data[\(bucketIndex)].results[\(index)].object",
                        endpoint: endpoint)
                    if let record = record(item, bucket.startTime, bucket.endTime) { records.append(record) }
                }
            }
            var cursor: (key: String, value: String)?
            if let complete = page.data.map(\.endTime).filter({ $0 <= context.now }).max(), complete > position ?? .min {
                position = complete
                cursor = (cursorKey, String(complete))
            }
            let counts = try context.commit(records, endpoint: endpoint, cursor: cursor, write: write)
            result.pages += 1
            result.counts = result.counts + counts
            result.cursor = position.map(String.init)
            context.report(endpoint, result)

            guard page.hasMore else { return }
            guard let next = page.nextPage, next != pageToken else {
                throw OpenAIIngestError.unexpectedResponse(
                    endpoint: endpoint, field: "next_page", problem: "missing or unchanged while has_more is true")
            }
            pageToken = next
        }
    }
}
