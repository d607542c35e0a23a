import Store

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Loads files of usage, latency, scores, fine-tuning jobs and eval runs into the store: the
/// library entry point of `distill-roi ingest file`, also used by the demo generator.
///
/// Each file is one transaction: by default a file with an invalid record is rejected whole (the
/// error quotes the first few problems as `file:line: field: problem`); with `skipInvalid` the
/// valid records are stored and the skipped ones counted. Either way the database is never
/// half-written, and every file leaves an `ingest_log` entry. Records are UPSERTed on natural keys,
/// so ingesting a file twice changes nothing. Reading streams: memory stays flat whatever the size
/// of a JSON Lines or CSV file (a single JSON document is read whole). `.gz` files (or any file
/// starting with the gzip magic bytes) are decompressed while read.
package struct FileIngester {
    package let database: Database
    package let options: FileIngestOptions
    /// Called about twice a second during long ingests (the CLI shows a progress line).
    package var onProgress: (@Sendable (FileIngestProgress) -> Void)?

    package init(database: Database, options: FileIngestOptions) {
        self.database = database
        self.options = options
    }

    /// Throws the error `ingest(path:)` would for a file that cannot be opened (missing, a folder,
    /// no permission), without touching the database.
    package static func checkReadable(path: String) throws {
        _ = try FileByteSource(path: path)
    }

    package func ingest(path: String) throws -> FileIngestSummary {
        let started = Int64(time(nil))
        var kind = options.kind
        do {
            return try database.withBulkWriteSettings {
                try database.transaction {
                    try ingestInTransaction(path: path, started: started, kind: &kind)
                }
            }
        } catch {
            logFailure(error, path: path, kind: kind, started: started)
            throw error
        }
    }

    /// A file that failed still leaves its line in `ingest_log`, in a transaction of its own (the
    /// file's was rolled back), when the database can take it: on a full disk it may not.
    private func logFailure(_ error: Error, path: String, kind: FileKind?, started: Int64) {
        try? database.transaction {
            try IngestLog(database: database).append(
                IngestLog.Entry(
                    source: options.source ?? Self.defaultSource(kind: kind, path: path),
                    kind: kind?.rawValue ?? "unknown",
                    counts: WriteCounts(), rejected: Self.rejectedCount(error), startedAt: started,
                    finishedAt: Int64(time(nil)), status: "failed", message: String("\(error)".prefix(2000))))
        }
    }

    private func ingestInTransaction(path: String, started: Int64, kind detectedKind: inout FileKind?) throws
        -> FileIngestSummary
    {
        let file = try FileByteSource(path: path)
        let source: ByteSource = file.startsWithGzipMagic ? try GzipByteSource(file: file) : file
        var input = InputBuffer(source: source)
        let peeked = try FormatDetector.peek(input, path: path)

        let kind: FileKind
        var format: String
        switch peeked {
        case .empty:
            guard let given = options.kind else { throw IngestError.unrecognised(path: path, reason: "it is empty") }
            kind = given
            format = "an empty file"
        case .csv(let header, _):
            kind = try options.kind ?? Self.recognised(FormatDetector.kind(ofColumns: FormatDetector.mapped(header, by: options.columnMap)), path: path)
            guard kind.acceptsCSV else {
                throw IngestError.notOfKind(path: path, kind: kind.rawValue, reason: "it is CSV, and \(kind.rawValue) files are JSON")
            }
            format = "CSV with \(header.count) columns"
        case .jsonLines(let first, _):
            if let given = options.kind {
                kind = given
            } else {
                guard let first else {
                    throw IngestError.unrecognised(path: path, reason: "none of its first lines is valid JSON")
                }
                kind = try Self.recognised(FormatDetector.kind(of: first, columnMap: options.columnMap), path: path)
            }
            format = "JSON Lines of \(Self.objectName(kind))"
        case .jsonDocument(_, let value):
            kind = try options.kind ?? Self.recognised(FormatDetector.kind(of: value, columnMap: options.columnMap), path: path)
            format = "a JSON document of \(Self.objectName(kind))"
        }
        detectedKind = kind
        let batchInput = try options.batchInput.map { input in
            guard kind == .batchOutput else {
                throw IngestError.invalidOption(
                    "--batch-input joins a Batch input file to Batch output, but \(path) holds \(kind.rawValue).")
            }
            guard options.storeContent else {
                throw IngestError.invalidOption("--batch-input stores the requests' messages: pass --store-content with it.")
            }
            return try BatchInputFile(path: input)
        }

        let sourceName = options.source ?? Self.defaultSource(kind: kind, path: path)
        let writer = try RecordWriter(database: database, source: sourceName)
        let sink = RecordSink(
            writer: writer, storeContent: options.storeContent,
            redactor: options.redact ? Redactor() : nil)
        let pipeline = RecordPipeline(
            sink: sink, path: path, skipInvalid: options.skipInvalid, problemLimit: options.reportedProblemLimit)
        // The writer thread must be done with the database before the transaction ends, whichever way.
        defer { pipeline.stop() }
        let run = try FileIngestRun(
            path: path, kind: kind, options: options, sink: pipeline, fallbackTime: file.modificationTime ?? started,
            batchInput: batchInput, onProgress: onProgress)
        switch peeked {
        case .empty: break
        case .csv(let header, let reader):
            let described = run.describe(columns: header)
            if !described.isEmpty { format += ": " + described }
            try run.readCSV(header: header, reader: reader, input: input)
        case .jsonLines(_, let replay):
            if let replay { input = InputBuffer(source: MemoryByteSource(bytes: replay)) }
            try run.readLines(input)
            if run.linesRead == 1 { format = "a JSON document of \(Self.objectName(kind))" }
        case .jsonDocument(let bytes, _): try run.readDocument(bytes)
        }
        // Every layout finishes the pipeline; this makes sure, whatever path a file took, that the
        // writer is done before its counts are read and the transaction commits.
        try pipeline.finish()

        if run.invalidCount > 0, !options.skipInvalid {
            throw IngestError.fileRejected(path: path, firstProblems: run.problems, invalidCount: run.invalidCount)
        }
        if sink.rows.isEmpty, run.ignored > 0, run.invalidCount == 0 {
            throw IngestError.nothingRead(
                path: path,
                reason: "\(run.ignored) \(run.ignored == 1 ? "record was" : "records were") passed over as not model "
                    + "calls, read as \(kind.rawValue)")
        }
        // Daily roll-ups are brought up to date in the same transaction: readers never see
        // requests and roll-ups disagree.
        try writer.refreshDailyRollups()
        let summary = FileIngestSummary(
            path: path, kind: kind, format: format, source: sourceName, rows: sink.rows, firstTime: sink.firstTime,
            lastTime: sink.lastTime, skipped: run.invalidCount, problems: run.problems, ignored: run.ignored,
            zeroTokenCalls: run.zeroTokenCalls, batchJoin: run.batchJoin)
        try IngestLog(database: database).append(
            IngestLog.Entry(
                source: sourceName, kind: kind.rawValue, counts: summary.totals, rejected: run.invalidCount,
                startedAt: started,
                finishedAt: Int64(time(nil)), status: run.invalidCount > 0 ? "partial" : "ok",
                message: run.invalidCount > 0 ? "\(run.invalidCount) invalid records skipped" : nil))
        return summary
    }

    private static func recognised(_ result: Result<FileKind, FormatDetector.Unrecognised>, path: String) throws
        -> FileKind
    {
        switch result {
        case .success(let kind): return kind
        case .failure(let failure): throw IngestError.unrecognised(path: path, reason: failure.reason)
        }
    }

    /// `KIND:FILENAME`, so rows can be traced to the file they came from.
    static func defaultSource(kind: FileKind?, path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return "\(kind?.rawValue ?? "file"):\(name)"
    }

    private static func rejectedCount(_ error: Error) -> Int {
        if case IngestError.fileRejected(_, _, let count) = error { return count }
        return 0
    }

    private static func objectName(_ kind: FileKind) -> String {
        switch kind {
        case .completions: return "chat.completion objects"
        case .responses: return "Responses API objects"
        case .batchOutput: return "Batch API output lines"
        case .requests: return "request log records"
        case .scores: return "evaluation scores"
        case .otel: return "OTLP/JSON trace exports"
        case .fineTuneJobs: return "fine_tuning.job objects"
        case .evalRuns: return "eval.run objects and output items"
        case .usageBuckets: return "organization usage (completions) pages"
        case .billedCosts: return "organization costs pages"
        case .anthropic: return "Anthropic messages and batch results"
        case .gemini: return "Gemini responses and batch results"
        case .oneTimeCosts: return "one-time costs"
        case .langfuse: return "Langfuse observations"
        }
    }
}
