import DistillCore
import Foundation
import Ingest
import Store
import Testing

@Suite struct DocumentIngestTests {
    @Test func readsOTelGenAISpans() throws {
        let harness = try IngestHarness()
        let summary = try harness.ingestFixture("otel-trace.json")
        #expect(summary.kind == .otel && summary.ignored == 1)
        #expect(summary.totals == WriteCounts(inserted: 2))
        let span = try #require(try harness.request("chatcmpl-9J3uIL87gldCFtiIbyaOvTeYBRA3l"))
        #expect(span.model == "gpt-4-0613" && span.createdAt == 1_718_000_000)
        #expect(span.latencyMs == 1250 && span.tokens == TokenUsage(input: 52, output: 47))
        #expect(span.tags == #"{"service":"faq-bot"}"# && span.status == "ok")
        let failed = try #require(try harness.request("otel-5b8efff798038103d269b633813fc60d-eee19b7ec3c1b175"))
        #expect(failed.status == "failed" && failed.failedCount == 1 && failed.latencyMs == 400)
        #expect(failed.model == "gpt-4o-mini" && failed.tokens == TokenUsage(input: 10, output: 0))
        #expect(try harness.ingestFixture("otel-trace.json").totals == WriteCounts(unchanged: 2))
    }

    @Test func readsFineTuningJobs() throws {
        let harness = try IngestHarness()
        let summary = try harness.ingestFixture("fine-tuning-jobs.json")
        #expect(summary.kind == .fineTuneJobs && summary.totals == WriteCounts(inserted: 2))
        #expect(summary.format == "a JSON document of fine_tuning.job objects")
        #expect(
            try harness.values(
                "SELECT id, base_model, fine_tuned_model, status, method, trained_tokens, epochs, training_file, created_at, finished_at, metadata FROM fine_tuning_jobs ORDER BY created_at"
            ) == [
                [
                    .text("ftjob-abc123"), .text("gpt-4o-mini-2024-07-18"), .null, .text("queued"), .text("supervised"),
                    .null, .null,
                    .text("file-abc123"), .integer(1_721_764_800), .null, .text(#"{"key":"value"}"#),
                ],
                [
                    .text("ftjob-EXAMPLE"), .text("gpt-4.1-mini-2025-04-14"),
                    .text("ft:gpt-4.1-mini-2025-04-14:my-org:tone:EXAMPLE"),
                    .text("succeeded"), .text("dpo"), .integer(1_234_567), .integer(2), .text("file-TRAIN"),
                    .integer(1_746_130_590),
                    .integer(1_746_134_190), .text(#"{"project":"brand-voice"}"#),
                ],
            ])
        let page = try FineTuningJobsPageReader().read(
            Array(try Data(contentsOf: IngestHarness.fixtures.appendingPathComponent("fine-tuning-jobs.json"))))
        #expect(!page.hasMore && page.lastID == "ftjob-abc123")
    }

    @Test func readsAnEvalRunExport() throws {
        let harness = try IngestHarness()
        let summary = try harness.ingestFixture("eval-run-export.json")
        #expect(summary.kind == .evalRuns)
        #expect(
            try harness.values("SELECT id, eval_name, model, status, created_at FROM eval_runs")
                == [
                    [
                        .text("evalrun_EXAMPLE"), .text("eval_EXAMPLE"), .text("gpt-4.1-mini"), .text("completed"),
                        .integer(1_747_000_000),
                    ]
                ])
        #expect(
            try harness.values(
                "SELECT model, invocation_count, input_tokens, cached_input_tokens, output_tokens FROM eval_run_usage")
                == [[.text("gpt-4.1-mini"), .integer(50), .integer(21000), .integer(0), .integer(4100)]])
        #expect(
            try harness.values("SELECT item_id, grader, model, score, passed FROM eval_scores")
                == [
                    [
                        .text("137"), .text("String Check Grader"), .text("gpt-4.1-mini-2025-04-14"), .real(1),
                        .integer(1),
                    ]
                ])
        #expect(try harness.ingestFixture("eval-run-export.json").totals.inserted == 0)
    }

    @Test func readsAUsagePage() throws {
        let harness = try IngestHarness()
        let summary = try harness.ingestFixture("usage-page.json")
        #expect(summary.kind == .usageBuckets && summary.totals == WriteCounts(inserted: 2))
        let page = try UsagePageReader().read(
            Array(try Data(contentsOf: IngestHarness.fixtures.appendingPathComponent("usage-page.json"))))
        #expect(page.hasMore && page.nextPage == "page_AAAAAGdGxdEiJdKOAAAAAGcqsYA=")
        #expect(
            page.records == [
                UsageBucketRecord(
                    startTime: 1_736_640_000, endTime: 1_736_726_400, model: UsagePageReader.ungroupedModel,
                    requestCount: 150, inputTokens: 45949, outputTokens: 282),
                UsageBucketRecord(
                    startTime: 1_736_640_000, endTime: 1_736_726_400, model: "gpt-4o-mini-2024-07-18",
                    project: "proj_abc",
                    isBatch: true, serviceTier: "default", requestCount: 5, inputTokens: 5000, cachedInputTokens: 1800,
                    outputTokens: 1000),
            ])
    }

    @Test func keepsBilledAmountsAsExactDecimalText() throws {
        let harness = try IngestHarness()
        let summary = try harness.ingestFixture("costs-page.json")
        #expect(summary.kind == .billedCosts && summary.totals == WriteCounts(inserted: 2))
        #expect(
            try harness.values("SELECT line_item, project, amount, currency FROM billed_costs ORDER BY id") == [
                [.text("input_tokens"), .text("proj_abc"), .text("0.06"), .text("usd")],
                [.text(""), .text(""), .text("12.345678901234567890"), .text("usd")],
            ])
    }

    @Test func pageReadersNameTheFieldThatIsWrong() {
        let text =
            #"{"object":"page","data":[{"object":"bucket","start_time":1736640000,"end_time":1736726400,"results":[{"object":"organization.costs.result","amount":{"currency":"usd"}}]}],"has_more":false,"next_page":null}"#
        #expect(
            throws: IngestError.invalidValue(
                Diagnostic(field: "data[0].results[0].amount.value", message: "is missing"))
        ) {
            try CostsPageReader().read(Array(text.utf8))
        }
    }

    /// Malformed JSON is an invalid value like any other, located by its byte offset, naming no field.
    @Test func pageReadersReportMalformedJSONAsAnInvalidValue() {
        let message = "not valid JSON at byte 9: expected a member name in double quotes"
        #expect(throws: IngestError.invalidValue(Diagnostic(field: nil, message: message))) {
            try UsagePageReader().read(Array(#"{"a": 1,}"#.utf8))
        }
    }

    @Test func readsOTelExportsOnePerLineUnderTheGivenSourceName() throws {
        let harness = try IngestHarness()
        let document = try String(contentsOf: IngestHarness.fixtures.appendingPathComponent("otel-trace.json"), encoding: .utf8)
        let oneLine = document.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined()
        let path = try harness.file("spans.jsonl", oneLine + "\n" + oneLine + "\n")
        let summary = try harness.ingest(path, FileIngestOptions(source: "collector"))
        #expect(summary.kind == .otel && summary.format == "JSON Lines of OTLP/JSON trace exports")
        #expect(summary.totals == WriteCounts(inserted: 2, unchanged: 2) && summary.ignored == 2)
        #expect(try harness.values("SELECT s.name FROM requests r JOIN sources s ON s.id = r.source_id GROUP BY s.name")
            == [[.text("collector")]])
        #expect(try harness.values("SELECT source, kind FROM ingest_log") == [[.text("collector"), .text("otel")]])
    }
}
