import DistillCore
import Ingest
import Store
import Testing

@Suite struct BatchOutputIngestTests {
    @Test func pricesSuccessesAsBatchAndCountsErrorsAsFailures() throws {
        let harness = try IngestHarness()
        let summary = try harness.ingestFixture("batch-output.jsonl")
        #expect(summary.kind == .batchOutput)
        #expect(summary.counts("requests", "gpt-4o-mini") == WriteCounts(inserted: 4))

        let success = try #require(try harness.request("chatcmpl-9758Iw"))
        #expect(success.isBatch && success.status == "ok" && success.failedCount == 0)
        #expect(success.tokens == TokenUsage(input: 24, output: 15))
        #expect(try harness.request("chatcmpl-9758Ix")?.tags == #"{"use_case":"support"}"#)

        for key in ["batch_req_x2", "batch_req_x3"] {
            let failure = try #require(try harness.request(key))
            #expect(failure.isBatch && failure.status == "failed" && failure.failedCount == 1)
            #expect(failure.tokens == .zero)
            #expect(failure.model == "gpt-4o-mini" && failure.createdAt == 1_711_475_099)
        }
        #expect(try harness.ingestFixture("batch-output.jsonl").totals == WriteCounts(unchanged: 4))
    }
}
