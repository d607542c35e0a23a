import DistillCore
import Ingest
import Store
import Testing

@Suite struct ScoresIngestTests {
    @Test func loadsScoresAndCreatesTheirRuns() throws {
        let harness = try IngestHarness()
        let summary = try harness.ingestFixture("eval-scores.jsonl")
        #expect(summary.kind == .scores)
        #expect(summary.counts("eval scores", "gpt-4o-2024-08-06") == WriteCounts(inserted: 2))
        #expect(summary.counts("eval runs", "gpt-4o-2024-08-06") == WriteCounts(inserted: 1))
        #expect(
            try harness.values("SELECT id, eval_name, model, created_at FROM eval_runs ORDER BY id") == [
                [
                    .text("eval-support-student"), .text("eval-support-student"),
                    .text("ft:gpt-4o-mini-2024-07-18:acme:support:AbC123"), .integer(1_791_288_000),
                ],
                [
                    .text("eval-support-teacher"), .text("eval-support-teacher"), .text("gpt-4o-2024-08-06"),
                    .integer(1_791_201_600),
                ],
            ])
        #expect(
            try harness.values(
                "SELECT item_id, grader, score, passed FROM eval_scores WHERE run_id = 'eval-support-teacher' ORDER BY item_id"
            ) == [
                [.text("item-0001"), .text("rubric"), .real(0.83), .integer(1)],
                [.text("item-0002"), .text("rubric"), .real(0.5), .integer(0)],
            ])
        let again = try harness.ingestFixture("eval-scores.jsonl")
        #expect(again.totals == WriteCounts(unchanged: 5))
    }

    @Test func mapsAnotherScoreRangeWithScale() throws {
        let harness = try IngestHarness()
        let summary = try harness.ingestFixture(
            "scores-1-to-5.csv", FileIngestOptions(scoreScale: try ScoreScale(parsing: "1:5")))
        #expect(summary.kind == .scores && summary.totals.inserted == 3)
        #expect(
            try harness.values("SELECT item_id, grader, score, passed FROM eval_scores ORDER BY item_id") == [
                [.text("42"), .text("helpfulness"), .real(0.75), .integer(1)],
                [.text("43"), .text("helpfulness"), .real(0), .integer(0)],
            ])
        #expect(try harness.values("SELECT id, eval_name FROM eval_runs") == [[.text("student-v2"), .text("support")]])
    }

    @Test func rejectsScoresOutsideTheRangeWithoutScale() throws {
        let harness = try IngestHarness()
        let path = IngestHarness.fixture("scores-1-to-5.csv")
        #expect(
            throws: IngestError.fileRejected(
                path: path,
                firstProblems: [
                    Diagnostic(
                        file: path, line: 2, field: "score",
                        message: "4.0 is outside 0...1; pass --scale MIN:MAX to map another range")
                ], invalidCount: 1)
        ) {
            try harness.ingest(path)
        }
        #expect(try harness.count("eval_scores") == 0 && harness.count("eval_runs") == 0)
    }

    @Test(arguments: ["5:1", "x", "1:", "nan:1"])
    func rejectsAnInvalidScale(text: String) {
        #expect(throws: IngestError.self) { try ScoreScale(parsing: text) }
    }
}
