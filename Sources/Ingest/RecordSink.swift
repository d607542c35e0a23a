import Store

/// Writes a file's records through the store's UPSERT writer and keeps the summary's tallies.
///
/// Lives inside the file's transaction; once a strict ingest meets an invalid record, writing
/// stops (the transaction will roll back) while reading goes on to count the other problems.
final class RecordSink {
    private let writer: RecordWriter
    private let storeContent: Bool
    private var counts: [TableModel: WriteCounts] = [:]
    private var order: [TableModel] = []
    private var knownRuns: Set<String> = []
    private var tagSets: [Int64: [String: String]] = [:]
    private(set) var firstTime: Int64?
    private(set) var lastTime: Int64?
    private(set) var records = 0
    var writing = true

    private struct TableModel: Hashable {
        let table: String
        let model: String
    }

    init(writer: RecordWriter, storeContent: Bool) {
        self.writer = writer
        self.storeContent = storeContent
    }

    func write(_ record: IngestRecord) throws {
        records += 1
        guard writing else { return }
        do {
            switch record {
            case .request(let request, let content):
                tally("requests", request.model, try writer.write(request), time: request.createdAt)
                if storeContent, let content {
                    try writer.writeContent(forRequestKey: request.key, messages: content.messages, response: content.response)
                }
            case .completingRequest(let request, let knowsBatch):
                let merged = try mergedWithStored(request, knowsBatch: knowsBatch)
                tally("requests", merged.model, try writer.write(merged), time: merged.createdAt)
            case .usageBucket(let bucket):
                tally("usage buckets", bucket.model, try writer.write(bucket), time: bucket.startTime)
            case .billedCost(let cost):
                tally("billed costs", cost.lineItem.isEmpty ? "(all line items)" : cost.lineItem, try writer.write(cost), time: cost.startTime)
            case .fineTuningJob(let job):
                tally("fine-tuning jobs", job.baseModel, try writer.write(job), time: job.createdAt)
            case .evalRun(let run):
                knownRuns.insert(run.id)
                tally("eval runs", run.model, try writer.write(run), time: run.createdAt)
            case .impliedEvalRun(let run):
                guard !knownRuns.contains(run.id) else { return }
                knownRuns.insert(run.id)
                let stored = try writer.database.scalar("SELECT 1 FROM eval_runs WHERE id = ?", [run.id]) != nil
                tally("eval runs", run.model, stored ? .unchanged : try writer.write(run), time: run.createdAt)
            case .evalRunUsage(let usage):
                tally("eval run usage", usage.model, try writer.write(usage), time: nil)
            case .evalScore(let score):
                tally("eval scores", score.model, try writer.write(score), time: nil)
            }
        } catch let error as StoreError where error.code & 0xFF == 19 {
            // SQLITE_CONSTRAINT: the record contradicts what is stored (e.g. a log's cached tokens
            // exceed a stored completion's input). SQLite undid just that statement.
            throw IngestError.field(nil, "conflicts with what is already stored (\(error.message))")
        }
    }

    /// A log row completing a stored request keeps the stored identity (the API's model name and
    /// time are authoritative, and only Batch output knows the batch flag) and merges tags, so
    /// re-ingesting either file changes nothing.
    private func mergedWithStored(_ request: RequestRecord, knowsBatch: Bool) throws -> RequestRecord {
        let statement = try writer.database.cachedStatement(
            """
            SELECT m.name, r.created_at, r.is_batch, r.tag_set_id FROM requests r JOIN models m ON m.id = r.model_id
            WHERE r.request_key = ?
            """)
        var stored: (model: String, createdAt: Int64, isBatch: Bool, tagSetID: Int64?)?
        try statement.forEachRow([request.key]) { row in
            stored = (row.string(0), row.int64(1), row.int64(2) == 1, row.optionalInt64(3))
        }
        guard let stored else { return request }
        var merged = request
        merged.model = stored.model
        merged.createdAt = stored.createdAt
        if !knowsBatch { merged.isBatch = stored.isBatch }
        if let tags = request.tags, let tagSetID = stored.tagSetID {
            merged.tags = try storedTags(tagSetID).merging(tags) { _, new in new }
        }
        return merged
    }

    private func storedTags(_ tagSetID: Int64) throws -> [String: String] {
        if let known = tagSets[tagSetID] { return known }
        var tags: [String: String] = [:]
        for (key, value) in try writer.database.query(
            "SELECT key, value FROM tags WHERE tag_set_id = ?", [tagSetID], { ($0.string(0), $0.string(1)) })
        {
            tags[key] = value
        }
        if tagSets.count < 4096 { tagSets[tagSetID] = tags }
        return tags
    }

    private func tally(_ table: String, _ model: String, _ outcome: WriteOutcome, time: Int64?) {
        let key = TableModel(table: table, model: model)
        if counts[key] == nil { order.append(key) }
        counts[key, default: WriteCounts()].record(outcome)
        if let time {
            firstTime = min(firstTime ?? time, time)
            lastTime = max(lastTime ?? time, time)
        }
    }

    var rows: [FileIngestSummary.RowCounts] {
        order.sorted { ($0.table, $0.model) < ($1.table, $1.model) }.map {
            FileIngestSummary.RowCounts(table: $0.table, model: $0.model, counts: counts[$0] ?? WriteCounts())
        }
    }
}
