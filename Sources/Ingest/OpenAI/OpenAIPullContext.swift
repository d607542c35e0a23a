import Store

/// What every endpoint's pull shares: the store, the API, the options, the time the pull started
/// and where progress goes.
struct OpenAIPullContext {
    let database: Database
    let requester: OpenAIRequester
    let options: OpenAIPullOptions
    /// Unix seconds at the start of the pull: buckets ending after it are still filling up.
    let now: Int64
    let progress: ((String) -> Void)?

    var log: IngestLog { IngestLog(database: database) }

    func pageSize(maximum: Int) -> Int { min(max(options.pageSize ?? maximum, 1), maximum) }

    /// Writes one page's records and, when given, the cursor in one transaction: a pull stopped at
    /// any point resumes from the last page that was fully stored, with nothing missing or doubled.
    func commit<Record>(
        _ records: [Record], endpoint: OpenAIEndpoint, cursor: (key: String, value: String)?,
        write: (RecordWriter, Record) throws -> WriteOutcome
    ) throws -> WriteCounts {
        try database.transaction {
            var counts = WriteCounts()
            if !records.isEmpty {
                let writer = try RecordWriter(database: database, source: endpoint.sourceName)
                for record in records { counts.record(try write(writer, record)) }
                // Stored completions change daily roll-ups: bring them up to date before the page
                // commits, as a file ingest does.
                try writer.refreshDailyRollups()
            }
            if let cursor { try log.setCursor(cursor.value, for: cursor.key, at: now) }
            return counts
        }
    }

    func report(_ endpoint: OpenAIEndpoint, _ result: OpenAIPullResult) {
        progress?("\(endpoint.rawValue): page \(result.pages), \(result.rows) rows (\(result.counts.inserted) new)")
    }
}
