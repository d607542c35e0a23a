import Store

/// Writes a file's records through the store's UPSERT writer and keeps the summary's tallies.
///
/// Runs on the pipeline's writer thread, inside the file's transaction; once a strict ingest meets
/// an invalid record, writing stops (the transaction will roll back) while reading goes on to count
/// the other problems.
final class RecordSink {
    private let writer: RecordWriter
    private let storeContent: Bool
    private let redactor: Redactor?
    private var counts: [TableModel: WriteCounts] = [:]
    private var order: [TableModel] = []
    private var recent: [(key: TableModel, counts: WriteCounts)] = []
    private var knownRuns: Set<String> = []
    private(set) var firstTime: Int64?
    private(set) var lastTime: Int64?
    var writing = true

    private struct TableModel: Hashable {
        let table: String
        let model: String
    }

    init(writer: RecordWriter, storeContent: Bool, redactor: Redactor? = nil) {
        self.writer = writer
        self.storeContent = storeContent
        self.redactor = redactor
    }

    /// Metadata values as they will be stored: masked when `--redact` is on.
    private func stored(_ request: RequestRecord) -> RequestRecord {
        guard let redactor, let tags = request.tags else { return request }
        var redacted = request
        redacted.tags = tags.mapValues(redactor.redact)
        return redacted
    }

    func write(_ record: IngestRecord) throws {
        guard writing else { return }
        do {
            switch record {
            case .request(let request, let content):
                let request = stored(request)
                tally("requests", request.model, try writer.write(request, mergingTags: true), time: request.createdAt)
                try writeContent(content, forRequestKey: request.key)
            case .completingRequest(let request, let known, let content):
                let merged = try mergedWithStored(stored(request), known: known)
                tally("requests", merged.model, try writer.write(merged, mergingTags: true), time: merged.createdAt)
                try writeContent(content, forRequestKey: merged.key)
            case .usageBucket(let bucket):
                tally("usage buckets", bucket.model, try writer.write(bucket), time: bucket.startTime)
            case .billedCost(let cost):
                tally(
                    "billed costs", cost.lineItem.isEmpty ? "(all line items)" : cost.lineItem, try writer.write(cost),
                    time: cost.startTime)
            case .fineTuningJob(let job):
                tally("fine-tuning jobs", job.baseModel, try writer.write(job), time: job.createdAt)
            case .evalRun(let run):
                knownRuns.insert(run.id)
                tally("eval runs", run.model, try writer.write(run), time: run.createdAt)
            case .impliedEvalRun(let run):
                guard !knownRuns.contains(run.id) else { return }
                knownRuns.insert(run.id)
                let stored = try writer.containsEvalRun(id: run.id)
                tally("eval runs", run.model, stored ? .unchanged : try writer.write(run), time: run.createdAt)
            case .evalRunUsage(let usage):
                tally("eval run usage", usage.model, try writer.write(usage), time: nil)
            case .evalScore(let score):
                tally("eval scores", score.model, try writer.write(score), time: nil)
            case .oneTimeCost(let cost):
                tally("one-time costs", cost.kind, try writer.write(cost), time: cost.day)
            }
        } catch {
            throw Self.recordError(error)
        }
    }

    /// Content is kept only with `--store-content`, masked with `--redact`.
    private func writeContent(_ content: RequestContent?, forRequestKey key: String) throws {
        guard storeContent, let content else { return }
        try writer.writeContent(
            forRequestKey: key, messages: content.messages.map { redactor?.redactContent($0) ?? $0 },
            response: content.response.map { redactor?.redactContent($0) ?? $0 })
    }

    /// Requests without content, handed to the writer together so it can insert them with
    /// multi-row statements; returns each request's error (nil when it was written).
    func writeRequests(_ requests: [RequestRecord]) -> [Error?] {
        guard writing else { return Array(repeating: nil, count: requests.count) }
        let requests = redactor == nil ? requests : requests.map(stored)
        let results = writer.write(requests)
        return results.indices.map { index in
            switch results[index] {
            case .success(let outcome):
                tally("requests", requests[index].model, outcome, time: requests[index].createdAt)
                return nil
            case .failure(let error):
                return Self.recordError(error)
            }
        }
    }

    /// A constraint violation means the record contradicts what is stored (e.g. a log's cached
    /// tokens exceed a stored completion's input): SQLite undid just that statement, and the
    /// record is invalid, not the ingest. Any other error stays what it is.
    private static func recordError(_ error: Error) -> Error {
        guard let error = error as? StoreError, error.isConstraintViolation else { return error }
        return IngestError.field(nil, "conflicts with what is already stored (\(error.message))")
    }

    /// A log row completing a stored request keeps the stored identity: the API's model name and
    /// time are authoritative, and only Batch output knows the batch flag. Token details the row
    /// lacks (a log without a reasoning column) keep their stored values; tags are merged by the
    /// writer. So re-ingesting either file changes nothing.
    private func mergedWithStored(_ request: RequestRecord, known: KnownFields) throws -> RequestRecord {
        var merged = request
        guard let stored = try writer.storedRequest(forKey: request.key) else { return merged }
        merged.model = stored.model
        merged.createdAt = stored.createdAt
        if !known.contains(.batchFlag) { merged.isBatch = stored.isBatch }
        guard var tokens = merged.tokens else { return merged }
        if !known.contains(.cachedTokens) { tokens.cachedInput = stored.tokens.cachedInput }
        if !known.contains(.cacheWriteTokens) { tokens.cacheWrite = stored.tokens.cacheWrite }
        if !known.contains(.reasoningTokens) { tokens.reasoning = stored.tokens.reasoning }
        merged.tokens = tokens
        return merged
    }

    /// Counts one outcome. The last few keys are checked first, comparing strings that are usually
    /// the very same interned value, so a million rows hash no model name.
    private func tally(_ table: String, _ model: String, _ outcome: WriteOutcome, time: Int64?) {
        let key = TableModel(table: table, model: model)
        if let index = recent.firstIndex(where: { $0.key == key }) {
            recent[index].counts.record(outcome)
        } else {
            if recent.count == 8 { flushRecent() }
            var counts = WriteCounts()
            counts.record(outcome)
            recent.append((key, counts))
        }
        if let time {
            firstTime = min(firstTime ?? time, time)
            lastTime = max(lastTime ?? time, time)
        }
    }

    private func flushRecent() {
        for (key, counts) in recent {
            if self.counts[key] == nil { order.append(key) }
            self.counts[key, default: WriteCounts()] = self.counts[key, default: WriteCounts()] + counts
        }
        recent.removeAll(keepingCapacity: true)
    }

    var rows: [FileIngestSummary.RowCounts] {
        flushRecent()
        return order.sorted { ($0.table, $0.model) < ($1.table, $1.model) }.map {
            FileIngestSummary.RowCounts(table: $0.table, model: $0.model, counts: counts[$0] ?? WriteCounts())
        }
    }
}
