import DistillCore
import Ingest
import Store
import Testing

/// The recipes of docs/ingest.md for exports teams already have, run on fixtures in their real
/// column layout.
@Suite struct RecipeTests {
    @Test func loadsLiteLLMSpendLogs() throws {
        let harness = try IngestHarness()
        let summary = try harness.ingestFixture(
            "litellm-spend-logs.csv",
            FileIngestOptions(
                kind: .requests, columnMap: ["*": "-", "team_id": "tag:team", "end_user": "tag:customer"]))
        #expect(summary.totals == WriteCounts(inserted: 2) && summary.skipped == 0)
        let ok = try #require(try harness.request("chatcmpl-lite-0001"))
        #expect(ok.model == "gpt-4o-mini-2024-07-18" && ok.createdAt == 1_791_201_600)
        #expect(ok.tokens == TokenUsage(input: 300, output: 50))
        #expect(ok.latencyMs == 1250 && ok.timeToFirstTokenMs == 300 && ok.status == "ok")
        #expect(ok.tags == #"{"customer":"customer-42","team":"team-cx"}"#)
        let failed = try #require(try harness.request("chatcmpl-lite-0002"))
        #expect(failed.status == "failed" && failed.failedCount == 1 && failed.latencyMs == 30000)
    }

    @Test func loadsLangfuseObservations() throws {
        let harness = try IngestHarness()
        let summary = try harness.ingestFixture(
            "langfuse-observations.csv",
            FileIngestOptions(
                kind: .requests, columnMap: ["*": "-", "level": "status", "name": "tag:feature"]))
        #expect(summary.totals == WriteCounts(inserted: 2) && summary.ignored == 1 && summary.skipped == 0)
        let answer = try #require(try harness.request("obs-0002"))
        #expect(answer.model == "gpt-4o-2024-08-06" && answer.tokens == TokenUsage(input: 812, output: 64))
        #expect(answer.latencyMs == 1500 && answer.timeToFirstTokenMs == 300 && answer.status == "ok")
        #expect(answer.tags == #"{"feature":"answer"}"#)
        #expect(try harness.request("obs-0003")?.status == "failed")
    }
}
