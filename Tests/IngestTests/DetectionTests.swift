import DistillCore
import Ingest
import Testing

@Suite struct DetectionTests {
    @Test(arguments: [
        ("completions.jsonl", FileKind.completions),
        ("completions.jsonl.gz", .completions),
        ("stored-completions-page.json", .completions),
        ("batch-output.jsonl", .batchOutput),
        ("requests.csv", .requests),
        ("quirks.csv", .requests),
        ("requests-log.jsonl", .requests),
        ("aggregates.csv", .requests),
        ("eval-scores.jsonl", .scores),
        ("scores-1-to-5.csv", .scores),
        ("otel-trace.json", .otel),
        ("fine-tuning-jobs.json", .fineTuneJobs),
        ("eval-run-export.json", .evalRuns),
        ("usage-page.json", .usageBuckets),
        ("costs-page.json", .billedCosts),
        ("litellm-spend-logs.csv", .requests),
        ("langfuse-observations.csv", .langfuse),
        ("anthropic-messages.jsonl", .anthropic),
        ("anthropic-batch-results.jsonl", .anthropic),
        ("gemini-responses.jsonl", .gemini),
        ("gemini-batch-results.jsonl", .gemini),
        ("together-fine-tunes.json", .fineTuneJobs),
        ("fireworks-sft-jobs.json", .fineTuneJobs),
        ("one-time-costs.csv", .oneTimeCosts),
        ("openai-compatible-servers.jsonl", .completions),
    ])
    func recognisesTheFormat(fixture: String, kind: FileKind) throws {
        let harness = try IngestHarness()
        let summary = try harness.ingestFixture(
            fixture, FileIngestOptions(skipInvalid: true, scoreScale: try ScoreScale(parsing: "0:5")))
        #expect(summary.kind == kind)
    }

    @Test func saysWhyAFileIsNotRecognised() throws {
        let harness = try IngestHarness()
        let path = try harness.file("odd.csv", "colour,size\nred,3\n")
        #expect(
            throws: IngestError.unrecognised(
                path: path,
                reason:
                    "its records have the fields colour, size, which match no known format (a request log needs a model "
                    + "and a timestamp; scores need an item id and a score or passed)")
        ) { try harness.ingest(path) }
        let empty = try harness.file("empty.jsonl", "\n")
        #expect(throws: IngestError.unrecognised(path: empty, reason: "it is empty")) { try harness.ingest(empty) }
        #expect(
            try harness.values("SELECT kind, status FROM ingest_log") == [
                [.text("unknown"), .text("failed")], [.text("unknown"), .text("failed")],
            ])
    }

    @Test func refusesCSVForAJSONKind() throws {
        let harness = try IngestHarness()
        let path = IngestHarness.fixture("requests.csv")
        // --kind was given, so the error does not suggest passing it.
        #expect(throws: IngestError.notOfKind(path: path, kind: "otel", reason: "it is CSV, and otel files are JSON")) {
            try harness.ingest(path, FileIngestOptions(kind: .otel))
        }
    }

    @Test func recognisesACompletionWithoutItsObjectMember() throws {
        let harness = try IngestHarness()
        let path = try harness.file(
            "bare.jsonl",
            #"{"id":"a","created":1791201600,"model":"m","usage":{"prompt_tokens":-1,"completion_tokens":1}}"# + "\n")
        #expect(
            throws: IngestError.fileRejected(
                path: path,
                firstProblems: [
                    Diagnostic(
                        file: path, line: 1, field: "usage.prompt_tokens", message: "must not be negative, found -1")
                ], invalidCount: 1)
        ) { try harness.ingest(path) }
    }

    @Test func readsAUsageObjectInARequestLog() throws {
        let harness = try IngestHarness()
        let path = try harness.file(
            "log.jsonl",
            #"{"timestamp":"2026-10-05T12:00:00Z","model":"gpt-4o","usage":{"input_tokens":7,"output_tokens":3},"team":"cx"}"#
                + "\n")
        #expect(try harness.ingest(path, FileIngestOptions(kind: .requests)).totals.inserted == 1)
        #expect(try harness.values("SELECT input_tokens, output_tokens FROM requests") == [[.integer(7), .integer(3)]])
    }
}
