import DistillCore
import Ingest
import Store
import Testing

@Suite struct InvalidRecordTests {
    private static let good =
        #"{"id":"chatcmpl-1","object":"chat.completion","created":1791201600,"model":"gpt-4o","usage":{"prompt_tokens":10,"completion_tokens":5}}"#
    private static let negative =
        #"{"id":"chatcmpl-2","object":"chat.completion","created":1791201600,"model":"gpt-4o","usage":{"prompt_tokens":-5,"completion_tokens":5}}"#
    private static let broken =
        #"{"id":"chatcmpl-3","object":"chat.completion","created":1791201600,"model":"gpt-4o","usage":{"prompt_tokens":10,"completion_tokens":5}"#

    @Test func aMalformedLineRejectsTheWholeFile() throws {
        let harness = try IngestHarness()
        let path = try harness.file(
            "mixed.jsonl",
            [
                Self.good, Self.negative, Self.good.replacingOccurrences(of: "chatcmpl-1", with: "chatcmpl-4"),
                Self.broken,
            ].joined(separator: "\n") + "\n")
        let error = #expect(throws: IngestError.self) { try harness.ingest(path) }
        #expect(
            error?.description == """
                \(path): 2 records are invalid, so nothing from this file was stored; fix the file, or pass --skip-invalid to store the valid records and skip the rest.
                  \(path):2: usage.prompt_tokens: must not be negative, found -5
                  \(path):4: not valid JSON at byte 135: the text ends inside an object
                """)
        #expect(try harness.count("requests") == 0 && harness.count("models") == 0)
        #expect(
            try harness.values("SELECT kind, status, rows_inserted, rows_rejected FROM ingest_log")
                == [[.text("completions"), .text("failed"), .integer(0), .integer(2)]])
    }

    @Test func skipInvalidStoresTheRestAndCountsTheSkipped() throws {
        let harness = try IngestHarness()
        let path = try harness.file("mixed.jsonl", [Self.good, Self.negative, Self.broken].joined(separator: "\n"))
        let summary = try harness.ingest(path, FileIngestOptions(skipInvalid: true))
        #expect(summary.totals == WriteCounts(inserted: 1) && summary.skipped == 2)
        #expect(summary.problems.map(\.line) == [2, 3])
        #expect(summary.description.contains("2 invalid records skipped:"))
        #expect(
            try harness.values("SELECT status, rows_inserted, rows_rejected FROM ingest_log")
                == [[.text("partial"), .integer(1), .integer(2)]])
    }

    @Test func quotesOnlyTheFirstFewProblems() throws {
        let harness = try IngestHarness()
        let lines = (0..<8).map { _ in Self.negative }
        let path = try harness.file("bad.jsonl", lines.joined(separator: "\n"))
        let error = #expect(throws: IngestError.self) { try harness.ingest(path) }
        guard case .fileRejected(_, let problems, let count)? = error else {
            Issue.record("expected a rejection")
            return
        }
        #expect(problems.count == 5 && count == 8)
        #expect(error?.description.hasSuffix("... and 3 more.") == true)
    }

    /// Values no real export produces: each is rejected with a rule the message states.
    @Test(arguments: [
        ("-5", "0", "100", "prompt_tokens", "must not be negative, found -5"),
        ("100", "150", "100", "cached_tokens", "150 cached tokens exceed the 100 input tokens they are part of"),
        ("100", "0", "NaN", "latency_ms", "must be a finite number, found NaN"),
        ("100", "0", "-3", "latency_ms", "must not be negative, found -3"),
        ("1.5", "0", "100", "prompt_tokens", "must be a whole number, found \"1.5\""),
    ])
    func rejectsExtremeValues(input: String, cached: String, latency: String, field: String, problem: String) throws {
        let harness = try IngestHarness()
        let path = try harness.file(
            "log.csv",
            "timestamp,model,prompt_tokens,cached_tokens,completion_tokens,latency_ms\n"
                + "2026-10-05T12:00:00Z,gpt-4o,\(input),\(cached),10,\(latency)\n")
        #expect(
            throws: IngestError.fileRejected(
                path: path, firstProblems: [Diagnostic(file: path, line: 2, field: field, message: problem)],
                invalidCount: 1)
        ) { try harness.ingest(path) }
    }

    @Test(arguments: [
        (
            "1999-12-31T23:59:59Z",
            "946684799 is not a plausible time (Unix seconds from 2000-01-01 to 2100-01-01 are accepted)"
        ),
        (
            "2100-01-01T00:00:00Z",
            "4102444800 is not a plausible time (Unix seconds from 2000-01-01 to 2100-01-01 are accepted)"
        ),
        ("5", "5 is not a plausible time (Unix seconds from 2000-01-01 to 2100-01-01 are accepted)"),
        ("yesterday", "\"yesterday\" is not a time (expected ISO 8601 such as 2026-10-05T12:00:00Z, or Unix seconds)"),
    ])
    func rejectsAbsurdTimestamps(time: String, problem: String) throws {
        let harness = try IngestHarness()
        let path = try harness.file("log.csv", "timestamp,model,prompt_tokens,completion_tokens\n\(time),gpt-4o,1,1\n")
        #expect(
            throws: IngestError.fileRejected(
                path: path,
                firstProblems: [Diagnostic(file: path, line: 2, field: "timestamp", message: problem)],
                invalidCount: 1)
        ) { try harness.ingest(path) }
    }

    @Test(arguments: [
        ("1791201600", Int64(1_791_201_600)),
        ("1791201600.9", 1_791_201_600),
        ("1791201600123", 1_791_201_600),
        ("1791201600123456", 1_791_201_600),
        ("1791201600123456789", 1_791_201_600),
        ("2026-10-05T14:00:00+02:00", 1_791_201_600),
        ("2026-10-05 12:00:00", 1_791_201_600),
    ])
    func readsTimesInEveryUnit(time: String, seconds: Int64) throws {
        let harness = try IngestHarness()
        let path = try harness.file("log.csv", "timestamp,model,prompt_tokens,completion_tokens\n\(time),gpt-4o,1,1\n")
        #expect(try harness.ingest(path).firstTime == seconds)
    }

    @Test func aReasoningCountAboveTheOutputIsRejected() throws {
        var reader = CompletionObjectReader()
        let text =
            #"{"id":"c","created":1791201600,"model":"o4-mini","usage":{"prompt_tokens":10,"completion_tokens":5,"completion_tokens_details":{"reasoning_tokens":6}}}"#
        #expect(
            throws: IngestError.invalidValue(
                Diagnostic(
                    field: "usage.completion_tokens_details.reasoning_tokens",
                    message: "6 reasoning tokens exceed the 5 output tokens they are part of"))
        ) { try reader.record(from: Array(text.utf8)) }
    }

    @Test func anUnclosedQuoteRejectsTheCSVFile() throws {
        let harness = try IngestHarness()
        let path = try harness.file(
            "log.csv", "timestamp,model,prompt_tokens,completion_tokens\n2026-10-05T12:00:00Z,\"gpt-4o,1,1\n")
        #expect(
            throws: IngestError.fileRejected(
                path: path,
                firstProblems: [
                    Diagnostic(
                        file: path, line: 2, field: "column 2",
                        message: "a quoted field is not closed before the end of the file")
                ], invalidCount: 1)
        ) { try harness.ingest(path, FileIngestOptions(skipInvalid: true)) }
        #expect(try harness.count("requests") == 0)
    }
}
