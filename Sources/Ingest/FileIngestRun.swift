import DistillCore
import Store

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One file's ingest in progress: feeds each record (line, CSV row or document element) to the
/// kind's reader, isolates invalid records, and reports progress.
///
/// An invalid record becomes a diagnostic with `file:line`; the run keeps reading so the rejection
/// can quote the first few problems and count them all.
final class FileIngestRun {
    let path: String
    let kind: FileKind
    let options: FileIngestOptions
    let sink: RecordPipeline
    private(set) var problems: [Diagnostic] = []
    private(set) var invalidCount = 0
    private let onProgress: ((FileIngestProgress) -> Void)?
    private let started = FileIngestRun.monotonicSeconds()
    private var lastProgress = 0.0
    private var units = 0

    private var completions: CompletionObjectReader
    private var responses: ResponseObjectReader
    private var batch: BatchOutputReader
    private var requests: RequestLogReader?
    private var scores: ScoreReader?
    private var otel: OTelSpanReader
    private var langfuse: LangfuseReader
    private var evalRuns: EvalRunsReader
    private var anthropic: AnthropicMessagesReader
    private var gemini: GeminiResponsesReader

    init(
        path: String, kind: FileKind, options: FileIngestOptions, sink: RecordPipeline, fallbackTime: Int64,
        batchInput: BatchInputFile? = nil, onProgress: ((FileIngestProgress) -> Void)?
    ) throws {
        self.path = path
        self.kind = kind
        self.options = options
        self.sink = sink
        self.onProgress = onProgress
        completions = CompletionObjectReader(storeContent: options.storeContent)
        responses = ResponseObjectReader(storeContent: options.storeContent)
        batch = BatchOutputReader(storeContent: options.storeContent, fallbackTime: fallbackTime, input: batchInput)
        evalRuns = EvalRunsReader(scale: options.scoreScale)
        anthropic = AnthropicMessagesReader(fallbackTime: fallbackTime)
        gemini = GeminiResponsesReader(fallbackTime: fallbackTime)
        langfuse = LangfuseReader(scale: options.scoreScale, storeContent: options.storeContent)
        otel = OTelSpanReader(storeContent: options.storeContent)
        switch kind {
        case .requests: requests = try RequestLogReader(columnMap: options.columnMap, storeContent: options.storeContent)
        case .scores:
            scores = try ScoreReader(
                columnMap: options.columnMap, scale: options.scoreScale, fallbackTime: fallbackTime)
        default: break
        }
    }

    /// Records that are not model calls (spans of tracing exports), passed over.
    var ignored: Int { otel.ignoredSpans + langfuse.ignoredObservations + langfuse.ignoredScores + ignoredRows }
    private var ignoredRows = 0
    /// New model calls with 0 input and 0 output tokens, warned about in the summary.
    private(set) var zeroTokenCalls = 0

    /// How a Batch output file met its `--batch-input` file, once read.
    var batchJoin: BatchJoin? { batch.join }

    /// Non-blank lines read, so a one-line JSON file is described as a document.
    private(set) var linesRead = 0

    /// What each column of a CSV header means.
    func describe(columns: [String]) -> String {
        if kind == .langfuse { return "" }
        if kind == .scores { return scores?.describe(columns: columns) ?? "" }
        if kind == .oneTimeCosts { return OneTimeCostsReader.describe(columns: columns) }
        return requests?.describe(columns: columns) ?? ""
    }

    // MARK: Layouts

    func readLines(_ input: InputBuffer) throws {
        var line = 0
        while let bytes = try input.nextLine() {
            line += 1
            guard bytes.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) else { continue }
            linesRead += 1
            try readJSON(bytes, line: line, document: nil)
            reportProgress(bytesRead: input.bytesConsumed)
        }
        try finish()
    }

    func readDocument(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try readJSON($0, line: 1, document: $0) }
        reportProgress(bytesRead: Int64(bytes.count))
        try finish()
    }

    func readCSV(header: [String], reader: CSVReader, input: InputBuffer) throws {
        if kind == .requests { try requests?.requireModelAndTime(columns: header, path: path) }
        var reader = reader
        while true {
            let next: (fields: [String], line: Int)?
            do {
                next = try reader.nextRecord()
            } catch IngestError.invalidValue(let diagnostic) {
                // Broken quoting: the rest of the file cannot be split into records reliably.
                throw IngestError.fileRejected(
                    path: path, firstProblems: [diagnostic.located(file: path, line: nil)], invalidCount: 1)
            }
            guard let (fields, line) = next else { break }
            try record(line: line) {
                guard fields.count <= header.count else {
                    throw IngestError.field(nil, "has \(fields.count) fields but the header has \(header.count)")
                }
                var values: [String?] = fields
                values.append(contentsOf: repeatElement(nil, count: header.count - fields.count))
                try readRow(TabularRow(names: header, values: values))
            }
            reportProgress(bytesRead: input.bytesConsumed)
        }
        try finish()
    }

    // MARK: Records

    /// One JSON text: a line, or a whole document (`document` is then the whole text, for line numbers).
    private func readJSON(_ bytes: UnsafeRawBufferPointer, line: Int, document: UnsafeRawBufferPointer?) throws {
        switch kind {
        case .completions, .responses:
            try record(line: line) {
                do {
                    try write(try modelResponse(bytes, path: nil))
                } catch is ListPageFound {
                    try readElements(of: bytes, line: line, document: document) { element, path in
                        try write(try modelResponse(element, path: path))
                    }
                }
            }
        case .batchOutput:
            try record(line: line) { try batch.read(bytes, emit: write) }
        case .requests, .scores, .oneTimeCosts:
            try record(line: line) {
                var scanner = JSONScanner(bytes)
                if scanner.peek() == UInt8(ascii: "[") {
                    try readElements(of: bytes, line: line, document: document) { element, _ in
                        try readRow(try TabularRow.parse(json: element))
                    }
                } else {
                    try readRow(try TabularRow.parse(json: bytes))
                }
            }
        case .langfuse:
            try record(line: line) {
                if bytes.first == UInt8(ascii: "[") {
                    try readElements(of: bytes, line: line, document: document) { element, _ in
                        try langfuse.read(try JSONValue.parse(element), emit: write)
                    }
                } else {
                    try langfuse.read(try JSONValue.parse(bytes), emit: write)
                }
            }
        case .otel, .fineTuneJobs, .evalRuns, .usageBuckets, .billedCosts, .anthropic, .gemini:
            try record(line: line) {
                let value = try JSONValue.parse(bytes)
                switch kind {
                case .otel: try otel.read(value, emit: write)
                case .anthropic: try anthropic.read(value, emit: write)
                case .gemini: try gemini.read(value, emit: write)
                case .fineTuneJobs:
                    try FineTuningJobsPageReader().read(value).records.forEach { try write(.fineTuningJob($0)) }
                case .evalRuns: try evalRuns.read(value, emit: write)
                case .usageBuckets:
                    try UsagePageReader().read(value).records.forEach { try write(.usageBucket($0)) }
                default: try CostsPageReader().read(value).records.forEach { try write(.billedCost($0)) }
                }
            }
        }
    }

    /// A chat completion or a Responses API object, whichever the file's kind names; an object of
    /// the other of the two is read too, so a log mixing both APIs loses nothing.
    private func modelResponse(_ bytes: UnsafeRawBufferPointer, path: String?) throws -> IngestRecord {
        let parsed: CompletionObjectReader.Parsed
        do {
            if kind == .responses {
                do {
                    parsed = try responses.parse(bytes, path: path)
                } catch is CompletionObjectFound {
                    parsed = try completions.parse(bytes, path: path)
                }
            } else {
                do {
                    parsed = try completions.parse(bytes, path: path)
                } catch is ResponseObjectFound {
                    parsed = try responses.parse(bytes, path: path)
                }
            }
        } catch is CompletionObjectFound {
            throw Self.mixedShapes
        } catch is ResponseObjectFound {
            throw Self.mixedShapes
        }
        return .request(parsed.record, content: parsed.content)
    }

    /// Each API's reader hands an object of the other API to the other reader; an object that both
    /// refuse (`"object": "chat.completion"` with Responses usage names) holds parts of both.
    private static let mixedShapes = IngestError.invalidValue(
        Diagnostic(
            field: "usage",
            message: "the object mixes the Chat Completions and Responses API shapes (its `object` names one API, "
                + "its usage members the other), so its tokens cannot be read"))

    /// Each element of a page or array as its own record, so one bad element costs only itself;
    /// elements of a document get their own line numbers.
    private func readElements(
        of bytes: UnsafeRawBufferPointer, line: Int, document: UnsafeRawBufferPointer?,
        _ body: (UnsafeRawBufferPointer, String) throws -> Void
    ) throws {
        var lines = LineCounter(text: document)
        _ = try CompletionObjectReader.forEachPageElement(bytes) { element, path in
            let elementLine = lines.line(at: element.baseAddress) ?? line
            try record(line: elementLine, fieldPrefix: path) { try body(element, path) }
        }
    }

    /// Hands a record to the pipeline, counting new model calls that carry no tokens.
    private func write(_ record: IngestRecord) throws {
        if case .request(let request, _) = record,
            request.failedCount < request.requestCount, request.tokens.map({ $0.input == 0 && $0.output == 0 }) ?? true
        {
            zeroTokenCalls += 1
        }
        try sink.write(record)
    }

    private func readRow(_ row: TabularRow) throws {
        if kind == .langfuse {
            try langfuse.read(row, emit: write)
        } else if kind == .scores {
            try scores?.read(row, emit: write)
        } else if kind == .oneTimeCosts {
            try OneTimeCostsReader().read(row, emit: write)
        } else {
            try requests?.read(row, emit: write)
        }
    }

    /// Runs one record's reading; an invalid record is noted, and with a strict ingest stops the
    /// writing. Any other error (the disk, the database) ends the file's ingest.
    private func record(line: Int, fieldPrefix: String? = nil, _ body: () throws -> Void) throws {
        units += 1
        let enclosingLine = sink.currentLine
        sink.currentLine = line
        defer { sink.currentLine = enclosingLine }
        do {
            try body()
        } catch is NotAModelCall {
            ignoredRows += 1
        } catch IngestError.invalidValue(let diagnostic) {
            note(diagnostic.located(file: path, line: line))
        } catch let error as JSONError {
            note(Diagnostic(file: path, line: line, field: fieldPrefix, message: error.message))
        }
    }

    private func note(_ diagnostic: Diagnostic) {
        invalidCount += 1
        if problems.count < options.reportedProblemLimit { problems.append(diagnostic) }
        if !options.skipInvalid { sink.stopWritingRecords() }
    }

    /// Emits what readers hold back to the end, waits for the writer, and adds the records the
    /// store refused to the problems (in line order, as one thread would have found them).
    private func finish() throws {
        try batch.finish(emit: write)
        try anthropic.finish(emit: write)
        try gemini.finish(emit: write)
        try sink.finish()
        invalidCount += sink.invalidCount
        let inLineOrder = (problems + sink.problems).enumerated().sorted {
            ($0.element.line ?? .max, $0.offset) < ($1.element.line ?? .max, $1.offset)
        }
        problems = Array(inLineOrder.map(\.element).prefix(options.reportedProblemLimit))
    }

    // MARK: Progress

    private func reportProgress(bytesRead: Int64) {
        guard let onProgress, units & 0xFFF == 0 else { return }
        let now = Self.monotonicSeconds()
        guard now - lastProgress >= 0.5 else { return }
        lastProgress = now
        onProgress(
            FileIngestProgress(path: path, records: sink.records, bytesRead: bytesRead, elapsedSeconds: now - started))
    }

    static func monotonicSeconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }
}
