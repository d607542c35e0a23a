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

    @Test func loadsLangfuseObservationsAsLangfuseWritesThem() throws {
        let harness = try IngestHarness()
        let summary = try harness.ingestFixture("langfuse-observations.csv")
        #expect(summary.kind == .langfuse)
        #expect(summary.totals == WriteCounts(inserted: 2) && summary.ignored == 1 && summary.skipped == 0)
        // usageDetails: input 612 excludes the 200 cache reads, output 40 excludes the 24 reasoning
        // tokens, so the stored input is 612 + 200 = 812 (of which 200 cached) and output 40 + 24 = 64.
        let answer = try #require(try harness.request("langfuse-obs-0002"))
        #expect(answer.model == "gpt-4o-2024-08-06")
        #expect(answer.tokens == TokenUsage(input: 812, cachedInput: 200, output: 64, reasoning: 24))
        // 12:00:00.200 → 12:00:01.700 is 1500 ms; the first token at 12:00:00.500 is 300 ms in.
        #expect(answer.latencyMs == 1500 && answer.timeToFirstTokenMs == 300 && answer.status == "ok")
        // Only the scalar metadata member: the nested OTel attributes and the message text are not tags.
        #expect(answer.tags == #"{"use_case":"support"}"#)
        #expect(try harness.request("langfuse-obs-0003")?.status == "failed")
    }
}
