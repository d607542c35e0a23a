import DistillCore
import Ingest
import Store
import Testing

/// Together and Fireworks fine-tuning job exports, and one-time costs files.
@Suite struct FineTuningProvidersIngestTests {
    private static let jobColumns =
        "SELECT id, base_model, fine_tuned_model, status, method, trained_tokens, epochs, training_file, created_at, finished_at, metadata, charge FROM fine_tuning_jobs"

    @Test func togetherJobsKeepTheirActualCharge() throws {
        let harness = try IngestHarness()
        let summary = try harness.ingestFixture("together-fine-tunes.json")
        #expect(summary.kind == .fineTuneJobs && summary.totals == WriteCounts(inserted: 2))
        // total_price is in nanodollars: 1,008,000,000 → $1.008; 540,000,000.5 → $0.5400000005.
        // 2026-10-20T09:00:00Z = 1,792,486,800; finished = updated_at of a finished job.
        #expect(
            try harness.values(Self.jobColumns + " ORDER BY created_at") == [
                [
                    .text("ft-3c90c3cc-0d44-4b50-8888-8dd25736052a"),
                    .text("meta-llama/Meta-Llama-3.1-8B-Instruct-Reference"),
                    .text("acme/Meta-Llama-3.1-8B-Instruct-Reference-support-v1-3c90c3cc"), .text("succeeded"),
                    .text("supervised"), .integer(2_100_000), .integer(3), .text("file-7a1b2c3d"),
                    .integer(1_792_486_800), .integer(1_792_492_200),
                    .text(#"{"provider":"together","training_type":"Lora"}"#), .text("1.008"),
                ],
                [
                    .text("ft-9f8e7d6c-0000-4000-8000-000000000002"), .text("Qwen/Qwen2.5-7B-Instruct"),
                    .text("acme/Qwen2.5-7B-Instruct-support-v0-9f8e7d6c"), .text("cancelled"), .text("dpo"),
                    .integer(150_000), .integer(2), .text("file-7a1b2c3d"), .integer(1_792_569_600),
                    .integer(1_792_570_800), .text(#"{"provider":"together","training_type":"Full"}"#),
                    .text("0.5400000005"),
                ],
            ])
        #expect(try harness.ingestFixture("together-fine-tunes.json").totals == WriteCounts(unchanged: 2))
    }

    @Test func fireworksJobsHaveNoTokensOrCharge() throws {
        let harness = try IngestHarness()
        #expect(try harness.ingestFixture("fireworks-sft-jobs.json").totals == WriteCounts(inserted: 1))
        // 2026-10-22T12:00:00Z = 1,792,670,400; completed 16:45:30.250Z → 1,792,687,530.
        #expect(
            try harness.values(Self.jobColumns) == [
                [
                    .text("accounts/acme/supervisedFineTuningJobs/support-sft-1"),
                    .text("accounts/fireworks/models/llama-v3p1-8b-instruct"),
                    .text("accounts/acme/models/support-student-v3"), .text("succeeded"), .text("supervised"), .null,
                    .integer(2), .text("accounts/acme/datasets/support-distill-oct"), .integer(1_792_670_400),
                    .integer(1_792_687_530), .text(#"{"lora_rank":"16","provider":"fireworks"}"#), .null,
                ]
            ])
    }

    @Test func oneTimeCostsKeepExactAmountsAndTags() throws {
        let harness = try IngestHarness()
        let summary = try harness.ingestFixture("one-time-costs.csv")
        #expect(summary.kind == .oneTimeCosts && summary.totals == WriteCounts(inserted: 3))
        #expect(summary.format.hasSuffix("date → date, kind → kind, amount → amount, currency → currency, note → note, tags → tags, vendor → tag vendor"))
        // Days as Unix seconds of midnight UTC: 2026-10-15 = 1,792,022,400; the 17:30 time counts as its day.
        #expect(
            try harness.values("SELECT day, kind, amount, currency, note, tags FROM one_time_costs ORDER BY day") == [
                [
                    .integer(1_792_022_400), .text("data labelling"), .text("1200.50"), .text("USD"),
                    .text("support tickets batch 1"), .text(#"{"use_case":"support","vendor":"Scale"}"#),
                ],
                [
                    .integer(1_792_454_400), .text("engineering time"), .text("3000"), .text("USD"),
                    .text("two weeks of one engineer"), .text(""),
                ],
                [
                    .integer(1_792_886_400), .text("evaluation runs"), .text("250.125"), .text("EUR"),
                    .text("human review elsewhere"), .text(#"{"team":"cx","use_case":"support"}"#),
                ],
            ])
        #expect(try harness.ingestFixture("one-time-costs.csv").totals == WriteCounts(unchanged: 3))
        let corrected = try harness.file(
            "corrected.csv", "date,kind,amount,currency,note\n2026-10-20,engineering time,3500,USD,two weeks of one engineer\n")
        #expect(try harness.ingest(corrected, FileIngestOptions(kind: .oneTimeCosts)).totals == WriteCounts(updated: 1))
    }

    @Test func aMalformedAmountRejectsTheFile() throws {
        let harness = try IngestHarness()
        let path = try harness.file(
            "costs.csv", "date,kind,amount,currency\n2026-10-15,labelling,\"1,200\",USD\n2026-10-16,labelling,5,US\n")
        let error = #expect(throws: IngestError.self) { try harness.ingest(path) }
        #expect(
            error?.description == """
                \(path): 2 records are invalid, so nothing from this file was stored; fix the file, or pass --skip-invalid to store the valid records and skip the rest.
                  \(path):2: amount: must be a plain decimal number such as 1200.50 (no currency sign, grouping or minus), found "1,200"
                  \(path):3: currency: must be a three-letter ISO 4217 code such as USD or EUR, found "US"
                """)
        #expect(try harness.count("one_time_costs") == 0)
    }
}
