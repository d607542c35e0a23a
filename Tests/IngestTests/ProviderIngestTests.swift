import DistillCore
import Ingest
import Store
import Testing

/// Anthropic and Gemini responses and batch results, and traffic from OpenAI-compatible servers.
/// Expected counts are worked out from the fixtures by hand in each test's comments; times are the
/// fixtures' ISO times as Unix seconds (2026-11-02T10:00:00Z = 1,793,613,600).
@Suite struct ProviderIngestTests {
    @Test func anthropicMessagesCountCacheReadsAndWritesAsInput() throws {
        let harness = try IngestHarness()
        let summary = try harness.ingestFixture("anthropic-messages.jsonl")
        #expect(summary.kind == .anthropic && summary.totals == WriteCounts(inserted: 2))
        // input_tokens 100 excludes the cache: input = 100 + 2,000 written + 3,000 read = 5,100;
        // of the 2,000 written, cache_creation says 500 are kept one hour.
        let cached = try #require(try harness.request("msg_01AbCdEf"))
        #expect(cached.model == "claude-sonnet-4-5-20250929" && cached.createdAt == 1_793_613_600)
        #expect(
            cached.tokens == TokenUsage(input: 5_100, cachedInput: 3_000, cacheWrite: 2_000, output: 50, cacheWriteOneHour: 500))
        #expect(cached.serviceTier == "standard" && !cached.isBatch && cached.tags == #"{"use_case":"support"}"#)
        // Of the 2,000 written, ephemeral_1h_input_tokens 500 are one-hour writes (1,500 five-minute).
        #expect(
            try harness.values("SELECT cache_write_1h_tokens FROM requests WHERE request_key = 'msg_01AbCdEf'")
                == [[.integer(500)]])
        // Wrapped in the logger's envelope, time in Unix seconds (10:01:00Z), no cache members.
        let plain = try #require(try harness.request("msg_02GhIjKl"))
        #expect(plain.model == "claude-haiku-4-5" && plain.createdAt == 1_793_613_660)
        #expect(plain.tokens == TokenUsage(input: 20, output: 10) && plain.tags == nil)
        #expect(try harness.ingestFixture("anthropic-messages.jsonl").totals == WriteCounts(unchanged: 2))
    }

    @Test func anthropicBatchResultsAreBatchAndFailuresAreCountedNotUsage() throws {
        let harness = try IngestHarness()
        let summary = try harness.ingestFixture("anthropic-batch-results.jsonl")
        #expect(summary.totals == WriteCounts(inserted: 4))
        // 10 uncached + 40 cache reads = 50 input, 40 of them cached.
        let first = try #require(try harness.request("msg_b1"))
        #expect(first.isBatch && first.serviceTier == "batch" && first.createdAt == 1_793_664_000)
        #expect(first.tokens == TokenUsage(input: 50, cachedInput: 40, output: 5))
        // Failed results take the batch's model and its latest time (00:02:00Z).
        for key in ["anthropic-batch-ticket-3", "anthropic-batch-ticket-4"] {
            let failed = try #require(try harness.request(key))
            #expect(failed.status == "failed" && failed.failedCount == 1 && failed.isBatch)
            #expect(failed.model == "claude-sonnet-4-5-20250929" && failed.createdAt == 1_793_664_120)
            #expect(failed.tokens == .zero)
        }
    }

    @Test func anthropicCacheWritesThatDoNotAddUpAreRejected() throws {
        let harness = try IngestHarness()
        let path = try harness.file(
            "bad.jsonl",
            #"{"timestamp":"2026-11-02T10:00:00Z","id":"msg_x","type":"message","model":"claude-haiku-4-5","usage":{"input_tokens":1,"cache_creation_input_tokens":10,"cache_creation":{"ephemeral_5m_input_tokens":3,"ephemeral_1h_input_tokens":4},"output_tokens":1}}"#
                + "\n" + #"{"id":"msg_y","type":"message","model":"claude-haiku-4-5","usage":{"input_tokens":1,"output_tokens":1}}"#
                + "\n")
        let error = #expect(throws: IngestError.self) { try harness.ingest(path) }
        #expect(
            error?.description == """
                \(path): 2 records are invalid, so nothing from this file was stored; fix the file, or pass --skip-invalid to store the valid records and skip the rest.
                  \(path):1: usage.cache_creation.ephemeral_1h_input_tokens: 3 five-minute and 4 one-hour cache writes do not add up to cache_creation_input_tokens 10
                  \(path):2: has no time: an Anthropic message carries none, so log one beside it (timestamp, @timestamp, created_at, createTime, ...)
                """)
        #expect(try harness.count("requests") == 0)
    }

    @Test func geminiOutputIsCandidatesPlusThoughts() throws {
        let harness = try IngestHarness()
        let summary = try harness.ingestFixture("gemini-responses.jsonl")
        #expect(summary.kind == .gemini && summary.totals == WriteCounts(inserted: 2))
        // output = 80 candidates + 120 thoughts = 200; the 1,000 cached are part of the 1,200 prompt.
        let flash = try #require(try harness.request("resp-g1"))
        #expect(flash.model == "gemini-2.5-flash" && flash.createdAt == 1_793_617_200)
        #expect(flash.tokens == TokenUsage(input: 1_200, cachedInput: 1_000, output: 200, reasoning: 120))
        #expect(flash.tags == #"{"use_case":"support"}"#)
        // Vertex's own createTime (11:05:00.123456Z, the second counts); input = 50 prompt + 5 tool-use prompt.
        let pro = try #require(try harness.request("resp-g2"))
        #expect(pro.model == "gemini-2.5-pro" && pro.createdAt == 1_793_617_500)
        #expect(pro.tokens == TokenUsage(input: 55, output: 10))
    }

    @Test func geminiBatchResults() throws {
        let harness = try IngestHarness()
        #expect(try harness.ingestFixture("gemini-batch-results.jsonl").totals == WriteCounts(inserted: 3))
        let first = try #require(try harness.request("resp-b1"))
        #expect(first.isBatch && first.tokens == TokenUsage(input: 30, output: 16, reasoning: 4))
        // No responseId: keyed by the line's key.
        let second = try #require(try harness.request("gemini-batch-row-2"))
        #expect(second.isBatch && second.createdAt == 1_793_664_120 && second.tokens == TokenUsage(input: 25, output: 8))
        let failed = try #require(try harness.request("gemini-batch-row-3"))
        #expect(failed.status == "failed" && failed.model == "gemini-2.5-flash" && failed.createdAt == 1_793_664_120)
        #expect(failed.tokens == .zero)
    }

    @Test func geminiCachedTokensBeyondThePromptAreRejected() throws {
        let harness = try IngestHarness()
        let path = try harness.file(
            "bad.jsonl",
            #"{"timestamp":"2026-11-02T11:00:00Z","usageMetadata":{"promptTokenCount":10,"cachedContentTokenCount":11,"candidatesTokenCount":1},"modelVersion":"gemini-2.5-flash","responseId":"r"}"#
                + "\n")
        let error = #expect(throws: IngestError.self) { try harness.ingest(path) }
        #expect(error?.description.hasSuffix(
            "\(path):1: usageMetadata.cachedContentTokenCount: 11 cached tokens exceed the 10 prompt tokens they are part of") == true)
    }

    /// vLLM (extra members, null details), Ollama (`fp_ollama`) and TGI (an empty `id`) chat completions.
    @Test func openAICompatibleServersLoadThroughTheCompletionReader() throws {
        let harness = try IngestHarness()
        let summary = try harness.ingestFixture("openai-compatible-servers.jsonl")
        #expect(summary.kind == .completions && summary.totals == WriteCounts(inserted: 3))
        let vllm = try #require(try harness.request("chatcmpl-8f2c1e0b9a7d4c3b"))
        #expect(vllm.model == "support-student-v3" && vllm.tokens == TokenUsage(input: 210, output: 50))
        let ollama = try #require(try harness.request("chatcmpl-417"))
        #expect(ollama.model == "llama3.2:3b" && ollama.tokens == TokenUsage(input: 31, output: 2))
        let tgi = try harness.values(
            "SELECT request_key, input_tokens, output_tokens FROM requests WHERE request_key LIKE 'completion-%'")
        #expect(tgi.count == 1 && tgi.first?[1] == .integer(12) && tgi.first?[2] == .integer(20))
        #expect(try harness.ingestFixture("openai-compatible-servers.jsonl").totals == WriteCounts(unchanged: 3))
    }
}
