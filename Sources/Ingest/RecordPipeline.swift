import DistillCore
import Foundation
import Store

/// Hands the records one thread reads to a second thread that writes them, so parsing and SQLite
/// use both cores of a small machine.
///
/// Records travel in batches through a short bounded queue: the reader waits when the writer
/// falls behind, so memory stays flat whatever the file's size. The writer alone uses the
/// database while the pipeline runs; `finish` or `stop` returns only once it is done with it.
/// Records are written in the order they were read, so what is stored equals a one-thread ingest.
/// (When a strict ingest rejects a file, the problems it counts may differ slightly: writing stops
/// a batch later or earlier than one thread would stop it; nothing of the file is stored either way.)
final class RecordPipeline: @unchecked Sendable {
    /// Records in reading order, with the line each came from (nil for records a reader emits at
    /// the end of a file). Runs of requests without content are kept as arrays as they are read,
    /// so the writer hands them to the store without copying each record again.
    private struct Batch {
        enum Segment {
            case requests([RequestRecord], lines: [Int?])
            case record(IngestRecord, line: Int?)
        }

        private(set) var segments: [Segment] = []
        private(set) var count = 0
        /// The run of requests being read, not yet a segment.
        private var requests: [RequestRecord] = []
        private var lines: [Int?] = []

        mutating func append(_ record: IngestRecord, line: Int?) {
            count += 1
            if case .request(let request, content: nil) = record {
                requests.append(request)
                lines.append(line)
            } else {
                closeRequests()
                segments.append(.record(record, line: line))
            }
        }

        /// Ends the run of requests; call before handing the batch over.
        mutating func closeRequests() {
            guard !requests.isEmpty else { return }
            segments.append(.requests(requests, lines: lines))
            requests = []
            lines = []
        }
    }

    static let batchSize = 512
    /// Batches waiting for the writer: enough to absorb jitter between the threads, small enough
    /// that memory does not depend on the file.
    static let queueDepth = 4

    private let sink: RecordSink
    private let path: String
    private let skipInvalid: Bool
    private let problemLimit: Int
    private let condition = NSCondition()

    // Reader's side.
    private var batch = Batch()
    /// The line of the record being read, set by the reader around each record.
    var currentLine: Int?
    /// Records handed over so far (for progress).
    private(set) var records = 0

    // Shared, under `condition`.
    private var queue: [Batch] = []
    private var inputEnded = false
    private var stopWriting = false
    private var cancelled = false
    private var writerDone = false
    private var failure: Error?

    // Writer's side, read by the reader only after the writer is done.
    private(set) var problems: [Diagnostic] = []
    private(set) var invalidCount = 0

    init(sink: RecordSink, path: String, skipInvalid: Bool, problemLimit: Int) {
        self.sink = sink
        self.path = path
        self.skipInvalid = skipInvalid
        self.problemLimit = problemLimit
        let thread = Thread { [self] in writeUntilDone() }
        thread.name = "distill-roi writer"
        thread.start()
    }

    /// Queues one record; throws the writer's error (a database failure) once it has stopped.
    func write(_ record: IngestRecord) throws {
        records += 1
        batch.append(record, line: currentLine)
        if batch.count == Self.batchSize { try handOver() }
    }

    /// After an invalid record in a strict ingest: the file will be rejected, so writing can stop.
    func stopWritingRecords() {
        condition.lock()
        stopWriting = true
        condition.unlock()
    }

    /// Hands over the last records and waits for the writer to finish them. Calling it again
    /// only reports the writer's error again, if it had one.
    func finish() throws {
        if !inputEnded { try handOver() }
        condition.lock()
        inputEnded = true
        condition.broadcast()
        while !writerDone { condition.wait() }
        let failure = failure
        condition.unlock()
        if let failure { throw failure }
    }

    /// Stops the writer without finishing (the ingest failed); returns once it no longer uses the
    /// database. Safe to call after `finish`.
    func stop() {
        condition.lock()
        cancelled = true
        inputEnded = true
        condition.broadcast()
        while !writerDone { condition.wait() }
        condition.unlock()
    }

    private func handOver() throws {
        condition.lock()
        defer { condition.unlock() }
        while queue.count >= Self.queueDepth && failure == nil && !writerDone { condition.wait() }
        if let failure { throw failure }
        if batch.count > 0 {
            batch.closeRequests()
            queue.append(batch)
            condition.broadcast()
        }
        batch = Batch()
    }

    // MARK: Writer thread

    private func writeUntilDone() {
        while let (batch, writing) = nextBatch() {
            if !writing { sink.writing = false }
            do {
                try write(batch)
            } catch {
                condition.lock()
                failure = error
                condition.unlock()
                break
            }
        }
        condition.lock()
        writerDone = true
        condition.broadcast()
        condition.unlock()
    }

    private func nextBatch() -> (Batch, writing: Bool)? {
        condition.lock()
        defer { condition.unlock() }
        while queue.isEmpty && !inputEnded && !cancelled { condition.wait() }
        guard !cancelled, !queue.isEmpty else { return nil }
        let batch = queue.removeFirst()
        condition.broadcast()
        return (batch, !stopWriting)
    }

    /// Writes a batch in order: runs of requests without content together (the store inserts
    /// them with multi-row statements), anything else one by one.
    private func write(_ batch: Batch) throws {
        for segment in batch.segments {
            switch segment {
            case .requests(let requests, let lines):
                for (error, line) in zip(sink.writeRequests(requests), lines) {
                    if let error { try note(error, line: line) }
                }
            case .record(let record, let line):
                do {
                    try sink.write(record)
                } catch {
                    try note(error, line: line)
                }
            }
        }
    }

    /// A record the store refused (it contradicts what is stored) becomes a diagnostic at its
    /// line, as a record the reader refused does; any other error ends the ingest.
    private func note(_ error: Error, line: Int?) throws {
        guard case IngestError.invalidValue(let diagnostic) = error else { throw error }
        invalidCount += 1
        if problems.count < problemLimit { problems.append(diagnostic.located(file: path, line: line)) }
        if !skipInvalid { sink.writing = false }
    }
}
