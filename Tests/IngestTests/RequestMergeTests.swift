import DistillCore
import Ingest
import Store
import Testing

@Suite struct RequestMergeTests {
    @Test func tagsFromACompletionAndALogConvergeInEitherOrder() throws {
        for order in [[0, 1], [1, 0]] {
            let harness = try IngestHarness()
            let files = [
                try harness.file(
                    "completion.jsonl",
                    #"{"id":"chatcmpl-9","object":"chat.completion","created":1791201600,"model":"gpt-4o-2024-08-06","usage":{"prompt_tokens":10,"completion_tokens":2},"metadata":{"use_case":"support","purpose":"teacher"}}"#
                ),
                try harness.file(
                    "log.csv",
                    "request_id,timestamp,model,latency_ms,team\nchatcmpl-9,2026-10-05T12:00:01Z,gpt-4o,420,cx\n"),
            ]
            for index in order { try harness.ingest(files[index]) }
            for index in order + order { #expect(try harness.ingest(files[index]).totals.updated == 0) }
            let request = try #require(try harness.request("chatcmpl-9"))
            #expect(request.tags == #"{"purpose":"teacher","team":"cx","use_case":"support"}"#)
            #expect(
                request.model == "gpt-4o-2024-08-06" && request.createdAt == 1_791_201_600 && request.latencyMs == 420)
        }
    }

    @Test func aLogWithoutTokenDetailsKeepsTheCompletionsDetails() throws {
        for order in [[0, 1], [1, 0]] {
            let harness = try IngestHarness()
            let files = [
                IngestHarness.fixture("completions.jsonl"),
                try harness.file(
                    "log.csv",
                    "request_id,timestamp,model,input_tokens,output_tokens,latency_ms\n"
                        + "chatcmpl-EXAMPLE0001,1750000000,o4-mini-2025-04-16,2400,900,5100\n"),
            ]
            for index in order { try harness.ingest(files[index]) }
            for index in order { #expect(try harness.ingest(files[index]).totals.updated == 0) }
            let request = try #require(try harness.request("chatcmpl-EXAMPLE0001"))
            #expect(request.tokens == TokenUsage(input: 2400, cachedInput: 1920, output: 900, reasoning: 640))
            #expect(request.latencyMs == 5100)
        }
    }
}
