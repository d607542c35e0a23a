import DistillCore
import Store

/// Reads request logs (CSV with a header, or JSON Lines) into request records: this is how latency,
/// time to first token and status reach the store, and how warehouse roll-ups load as they are.
///
/// At least a timestamp and a model are needed; a row with neither a model nor token counts (a
/// tracing export's non-model span) is passed over and counted as ignored. Token columns are
/// optional: a row without any leaves the stored tokens alone (a latency log completing stored
/// completions). Columns that are not fields become tags. A row with a `request_count` column is an
/// aggregate of that many requests. With `storeContent`, a gateway log's `messages` and `response`
/// are kept (`LoggedContent`).
///
/// The natural key is the request id when the log has one. Otherwise it is a SHA-256 content hash:
/// for a single request of the model, time in milliseconds, project, service tier, batch flag, the
/// five token counts, request and failure counts, latency, time to first token, status and tags,
/// plus its occurrence number among identical rows with the same time (so two identical requests
/// in the same millisecond stay two); for an aggregate row of only its dimensions (time, model,
/// project, tier, batch flag, tags), so a corrected roll-up replaces the old one.
struct RequestLogReader {
    private var columns: ColumnResolver<RequestField>
    private var occurrenceTime: Int64 = .min
    private var occurrences: [String: Int] = [:]
    /// Keep the row's message content (`LoggedContent`): `--store-content`.
    private let storeContent: Bool

    init(columnMap: [String: String], storeContent: Bool = false) throws {
        columns = try ColumnResolver(aliases: RequestField.aliases, columnMap: columnMap, unknownBecomesTag: true)
        self.storeContent = storeContent
    }

    mutating func describe(columns: [String]) -> String { self.columns.describe(columns) }

    /// Refuses a CSV header without a model and a time column before any row is read: such a log
    /// would otherwise store nothing and pass every row over as "not a model call".
    mutating func requireModelAndTime(columns names: [String], path: String) throws {
        var fields: Set<RequestField> = []
        for name in names {
            if case .field(let field) = columns.target(for: name) { fields.insert(field) }
        }
        let missing = [(RequestField.model, "a model"), (.timestamp, "a time")].filter { !fields.contains($0.0) }
        guard missing.isEmpty else {
            let shown = names.prefix(12).joined(separator: ",")
            throw IngestError.nothingRead(
                path: path,
                reason: "a request log needs \(missing.map(\.1).joined(separator: " and ")) column, and its header is "
                    + "\(shown)\(names.count > 12 ? ",..." : "")")
        }
    }

    mutating func read(_ row: TabularRow, emit: Emit) throws {
        let (record, hasID, known) = try record(from: row)
        let content = storeContent ? LoggedContent.content(of: row) : nil
        try emit(hasID ? .completingRequest(record, known: known, content: content) : .request(record, content: content))
    }

    /// The row's record, whether it named a request id, and which optional fields it had.
    private mutating func record(from row: TabularRow) throws -> (RequestRecord, Bool, KnownFields) {
        var cells: [RequestField: (name: String, value: String)] = [:]
        var tags: [String: String] = [:]
        var gateway = GatewayMetadata()
        for (index, name) in row.names.enumerated() {
            guard let value = row.values[index], !value.isEmpty else { continue }
            let target = columns.target(for: name)
            if target != .ignore, gateway.read(column: name, value: value) { continue }
            switch target {
            case .field(let field):
                if cells[field] == nil { cells[field] = (name, value) }
            case .tag(let tag): if TagRule.acceptsValue(value) { tags[tag] = value }
            case .ignore: continue
            }
        }
        // Gateway metadata fills what the columns lack: a column the log has always wins.
        for (field, cell) in gateway.cells where cells[field] == nil { cells[field] = cell }
        tags.merge(gateway.tags) { column, _ in column }

        let hasTokens = [RequestField.inputTokens, .outputTokens, .cachedTokens, .reasoningTokens].contains {
            cells[$0] != nil
        }
        guard let modelCell = cells[.model], !modelCell.value.trimmingSpaces().isEmpty else {
            // Tracing exports mix model calls with other spans: a row with neither model nor tokens is
            // not a request, and is passed over rather than rejected.
            if !hasTokens { throw NotAModelCall() }
            throw IngestError.field("model", "is missing (no model column, or it is empty)")
        }
        let model = modelCell.value.trimmingSpaces()
        guard let timeCell = cells[.timestamp] else {
            throw IngestError.field("timestamp", "is missing (no timestamp column, or it is empty)")
        }
        let startMs = try TimeRule.milliseconds(timeCell.value, field: timeCell.name)

        func count(_ field: RequestField) throws -> Int64? {
            guard let cell = cells[field] else { return nil }
            return try CellParsing.count(cell.value, field: cell.name)
        }
        func milliseconds(_ field: RequestField, seconds: RequestField, since: RequestField) throws -> Double? {
            if let cell = cells[field] { return try CellParsing.duration(cell.value, field: cell.name) }
            if let cell = cells[seconds] {
                // 1e308 seconds is finite, its milliseconds are not: an infinite latency would
                // turn every mean and percentile it enters into infinity.
                let milliseconds = try CellParsing.duration(cell.value, field: cell.name) * 1000
                guard milliseconds.isFinite else {
                    throw IngestError.field(cell.name, "must be a finite number of seconds, found \(cell.value.trimmingSpaces())")
                }
                return milliseconds
            }
            if let cell = cells[since] {
                let endNanoseconds = try TimeRule.nanoseconds(cell.value, field: cell.name)
                let startNanoseconds = try TimeRule.nanoseconds(timeCell.value, field: timeCell.name)
                guard endNanoseconds >= startNanoseconds else {
                    throw IngestError.field(cell.name, "is before the start time \(timeCell.value)")
                }
                return Double(endNanoseconds - startNanoseconds) / 1_000_000
            }
            return nil
        }

        let input = try count(.inputTokens)
        let output = try count(.outputTokens)
        var tokens: TokenUsage?
        if hasTokens {
            let counts = TokenUsage(
                input: input ?? 0, cachedInput: try count(.cachedTokens) ?? 0,
                cacheWrite: try count(.cacheWriteTokens) ?? 0, output: output ?? 0,
                reasoning: try count(.reasoningTokens) ?? 0)
            try TokenRule.check(
                counts, cachedField: cells[.cachedTokens]?.name ?? "cached_tokens",
                reasoningField: cells[.reasoningTokens]?.name ?? "reasoning_tokens")
            tokens = counts
        }

        let isAggregate = cells[.requestCount] != nil
        let requestCount = try count(.requestCount) ?? 1
        guard requestCount >= 1 else {
            throw IngestError.field(cells[.requestCount]?.name ?? "request_count", "must be at least 1, found 0")
        }
        let status = try cells[.status].map { try CellParsing.status($0.value, field: $0.name) }
        var failedCount = try count(.failedCount) ?? (status == "failed" ? requestCount : 0)
        if let failedCell = cells[.failedCount], failedCount > requestCount {
            throw IngestError.field(
                failedCell.name, "\(failedCount) failed requests exceed the \(requestCount) requests of the row")
        }
        if !isAggregate, status == "failed" { failedCount = 1 }

        let reportedCost = try cells[.reportedCost].map { cell -> String in
            let text = cell.value.trimmingSpaces()
            guard DecimalTextSum.isAmount(text) else {
                throw IngestError.field(cell.name, "must be an amount in USD that is not negative, found \"\(text)\"")
            }
            return text
        }
        var record = RequestRecord(
            key: "", model: model, createdAt: startMs.floorDividedBy1000,
            project: cells[.project]?.value,
            isBatch: try cells[.isBatch].map { try CellParsing.flag($0.value, field: $0.name) } ?? false,
            serviceTier: cells[.serviceTier]?.value, requestCount: requestCount, failedCount: failedCount,
            tokens: tokens,
            latencyMs: try milliseconds(.latencyMs, seconds: .latencySeconds, since: .endTime),
            timeToFirstTokenMs: try milliseconds(.ttftMs, seconds: .ttftSeconds, since: .firstTokenTime),
            status: status ?? (isAggregate ? nil : "ok"), tags: tags.isEmpty ? nil : tags, reportedCost: reportedCost)
        var known: KnownFields = []
        if cells[.isBatch] != nil { known.insert(.batchFlag) }
        if cells[.cachedTokens] != nil { known.insert(.cachedTokens) }
        if cells[.cacheWriteTokens] != nil { known.insert(.cacheWriteTokens) }
        if cells[.reasoningTokens] != nil { known.insert(.reasoningTokens) }
        if let id = cells[.requestID]?.value.trimmingSpaces(), !id.isEmpty {
            record.key = id
            return (record, true, known)
        }
        record.key = contentKey(record, milliseconds: startMs, aggregate: isAggregate)
        return (record, false, known)
    }

    private mutating func contentKey(_ record: RequestRecord, milliseconds: Int64, aggregate: Bool) -> String {
        var fields: [String] = [
            record.model, String(milliseconds), record.project ?? "", record.serviceTier ?? "",
            record.isBatch ? "1" : "0",
            TagSet.canonicalJSON(record.tags ?? [:]),
        ]
        if aggregate {
            var hash = SHA256()
            hash.update(fields.joined(separator: "\u{1F}").utf8)
            return "log-agg-" + hash.finalizeHex().prefix(32)
        }
        let tokens = record.tokens
        fields += [
            tokens.map { "\($0.input),\($0.cachedInput),\($0.cacheWrite),\($0.output),\($0.reasoning)" } ?? "-",
            String(record.requestCount), String(record.failedCount), record.latencyMs.map { "\($0)" } ?? "-",
            record.timeToFirstTokenMs.map { "\($0)" } ?? "-", record.status ?? "-",
        ]
        var hash = SHA256()
        hash.update(fields.joined(separator: "\u{1F}").utf8)
        let digest = String(hash.finalizeHex().prefix(32))
        // Identical rows are told apart by their order among rows of the same time; logs are
        // written in time order, so only the current time's rows are remembered (memory stays flat).
        if milliseconds != occurrenceTime {
            occurrenceTime = milliseconds
            occurrences.removeAll(keepingCapacity: true)
        }
        let occurrence = occurrences[digest, default: 0]
        occurrences[digest] = occurrence + 1
        return "log-" + digest + (occurrence == 0 ? "" : "-\(occurrence)")
    }
}
