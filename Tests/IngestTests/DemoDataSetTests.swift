import Ingest
import Store
import Testing

/// The five files the demo generator writes, loaded in its order into one database: the contract
/// the demo relies on.
@Suite struct DemoDataSetTests {
    static let files = [
        "completions.jsonl", "batch-output.jsonl", "requests.csv", "eval-scores.jsonl", "fine-tuning-jobs.json",
    ]

    @Test func theDemoFilesLoadAndLoadAgainWithoutChange() throws {
        let harness = try IngestHarness()
        let kinds = try Self.files.map { try harness.ingestFixture($0).kind }
        #expect(kinds == [.completions, .batchOutput, .requests, .scores, .fineTuneJobs])
        #expect(try harness.count("requests") == 8)
        #expect(try harness.count("eval_scores") == 3 && harness.count("eval_runs") == 2)
        #expect(try harness.count("fine_tuning_jobs") == 2)
        #expect(try harness.count("ingest_log") == 5)
        let before = try harness.values("SELECT * FROM requests ORDER BY id")
        for file in Self.files {
            let summary = try harness.ingestFixture(file)
            #expect(summary.totals.inserted == 0 && summary.totals.updated == 0, "\(file) changed on a second load")
        }
        #expect(try harness.values("SELECT * FROM requests ORDER BY id") == before)
    }
}
