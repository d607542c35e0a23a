import DistillCore
import Ingest
import Store
import Testing

/// Exports of tracing tools and gateways as they are written today (Langfuse, LiteLLM, OTel
/// instrumentations), on hand-written fixtures in the same shapes.
@Suite struct GatewayExportTests {
    /// A Langfuse trace download: one GENERATION, two SPANs, the trace's tags and metadata, and two
    /// scores (one on the trace, one of a categorical type that cannot be a number).
    static let traceDownload = #"""
        {"trace": {"id": "tr-9", "timestamp": "2026-10-06T08:00:00.000Z", "tags": ["rag", "team:search"],
          "metadata": "{\"tenant\":\"acme\",\"resourceAttributes\":{\"service.name\":\"bot\"}}",
          "scores": [
            {"id": "s1", "traceId": "tr-9", "observationId": null, "name": "helpfulness", "value": 4, "dataType": "NUMERIC",
             "timestamp": "2026-10-06T08:01:00.000Z"},
            {"id": "s2", "traceId": "tr-9", "observationId": null, "name": "tone", "value": null, "stringValue": "calm",
             "dataType": "CATEGORICAL", "timestamp": "2026-10-06T08:01:00.000Z"}]},
         "observations": [
          {"id": "sp-1", "traceId": "tr-9", "type": "SPAN", "startTime": "2026-10-06T08:00:00.000Z", "model": null},
          {"id": "gen-1", "traceId": "tr-9", "type": "GENERATION", "model": "gpt-4o-mini-2024-07-18",
           "startTime": "2026-10-06T08:00:00.100Z", "endTime": "2026-10-06T08:00:00.350Z",
           "completionStartTime": null,
           "usageDetails": {"input": 90, "prompt_details.cache_read": 10, "output": 30, "completion_details.reasoning": 5,
             "input_audio": 0, "total": 135},
           "costDetails": {"total": 0.0000315}, "metadata": {"ls_provider": "openai", "instructions": "Be brief."},
           "input": [{"role": "user", "content": "hello"}], "output": {"content": "hi"}, "level": "DEFAULT"},
          {"id": "ev-1", "traceId": "tr-9", "type": "EVENT", "startTime": "2026-10-06T08:00:00.400Z"}]}
        """#

    @Test func readsALangfuseTraceDownloadWithItsScores() throws {
        let harness = try IngestHarness()
        let path = try harness.file("trace.json", Self.traceDownload)
        let summary = try harness.ingest(path, FileIngestOptions(scoreScale: try ScoreScale(parsing: "1:5")))
        #expect(summary.kind == .langfuse)
        // SPAN and EVENT passed over, and the categorical score: 3 ignored, never an error.
        #expect(summary.ignored == 3 && summary.skipped == 0)
        let request = try #require(try harness.request("langfuse-gen-1"))
        // input 90 + 10 cache reads + 0 audio = 100 (10 cached); output 30 + 5 reasoning = 35.
        #expect(request.tokens == TokenUsage(input: 100, cachedInput: 10, output: 35, reasoning: 5))
        #expect(request.latencyMs == 250 && request.timeToFirstTokenMs == nil)
        #expect(try harness.values("SELECT reported_cost FROM requests") == [[.text("0.0000315")]])
        // 2026-10-06T08:00:00Z is 1_791_273_600.
        #expect(request.createdAt == 1_791_273_600)
        // Trace tags (a label, and key:value), scalar trace and observation metadata; not the
        // instructions, not the nested resource attributes.
        #expect(request.tags == #"{"ls_provider":"openai","rag":"true","team":"search","tenant":"acme"}"#)
        // The trace's score lands on its generation's model and time; 4 on 1..5 is (4 − 1) / 4 = 0.75.
        let scores = try harness.values(
            """
            SELECT r.id, r.model, r.created_at, s.item_id, s.grader, s.score
            FROM eval_scores s JOIN eval_runs r ON r.id = s.run_id
            """)
        #expect(
            scores == [
                [.text("langfuse-tr-9"), .text("gpt-4o-mini-2024-07-18"), .integer(1_791_273_600), .text("tr-9"),
                 .text("helpfulness"), .real(0.75)]
            ])
    }

    @Test func readsLangfuseObservationsAsJSONLines() throws {
        let harness = try IngestHarness()
        let path = try harness.file(
            "observations.jsonl",
            #"""
            {"id":"a","traceId":"t","type":"SPAN","startTime":"2026-10-05T12:00:00.000Z","model":null,"usageDetails":{}}
            {"id":"b","traceId":"t","type":"GENERATION","startTime":"2026-10-05T12:00:00.000Z","endTime":"2026-10-05T12:00:00.004Z","model":"gpt-4o","usageDetails":{"input":7,"output":3,"total":10},"output":{"role":"assistant","content":"secret answer"},"metadata":{"output":"x"}}
            """#)
        let summary = try harness.ingest(path)
        #expect(summary.kind == .langfuse && summary.totals == WriteCounts(inserted: 1) && summary.ignored == 1)
        let request = try #require(try harness.request("langfuse-b"))
        #expect(request.tokens == TokenUsage(input: 7, output: 3) && request.latencyMs == 4)
        // The answer is content: neither the output member nor a metadata member named output is a tag.
        #expect(request.tags == nil)
    }

    @Test func readsLiteLLMMetadataUsageTagsAndMicrosecondLatency() throws {
        let harness = try IngestHarness()
        let metadata =
            #"{""usage_object"": {""prompt_tokens"": 10, ""completion_tokens"": 20, ""prompt_tokens_details"": "#
            + #"{""cached_tokens"": 4}, ""completion_tokens_details"": {""reasoning_tokens"": 6}}, "#
            + #"""user_api_key_alias"": ""ops"", ""requester_metadata"": {""use_case"": ""triage"", ""purpose"": ""eval""}, "#
            + #"""model_map_information"": {""model_map_key"": ""gpt-4o""}}"#
        let path = try harness.file(
            "spend.csv",
            "request_id,spend,prompt_tokens,completion_tokens,startTime,endTime,model,metadata,request_tags,messages\n"
                + "chatcmpl-1,0.000225,10,20,2025-01-24 09:20:46.847371,2025-01-24 09:20:46.851954,gpt-4o,"
                + "\"\(metadata)\",\"[\"\"team:cx\"\", \"\"beta\"\"]\",\"[{\"\"role\"\": \"\"user\"\", \"\"content\"\": \"\"hi\"\"}]\"\n")
        try harness.ingest(path)
        let request = try #require(try harness.request("chatcmpl-1"))
        #expect(request.tokens == TokenUsage(input: 10, cachedInput: 4, output: 20, reasoning: 6))
        // 46.851954 − 46.847371 = 0.004583 s = 4.583 ms, not 4.
        #expect(request.latencyMs == 4.583)
        // spend is the reported cost, kept as written, and not a tag.
        #expect(try harness.values("SELECT reported_cost FROM requests") == [[.text("0.000225")]])
        #expect(
            request.tags
                == #"{"beta":"true","purpose":"eval","team":"cx","use_case":"triage","user_api_key_alias":"ops"}"#)
    }

    @Test func standardLoggingPayloadContentNeverBecomesATag() throws {
        let harness = try IngestHarness()
        let path = try harness.file(
            "payload.json",
            #"""
            {"id": "chatcmpl-2", "startTime": "2025-01-24 09:20:46.847371", "endTime": "2025-01-24 09:20:46.851954",
             "model": "gpt-4o", "prompt_tokens": 10, "completion_tokens": 20, "call_type": "acompletion",
             "messages": [{"role": "user", "content": "What is the plan?"}],
             "response": {"choices": [{"message": {"content": "The plan is secret."}}]},
             "metadata": {"requester_metadata": {"use_case": "planning"}, "user_api_key_hash": "abc123"},
             "model_parameters": {"tools": [{"type": "function"}]}}
            """#)
        try harness.ingest(path)
        let request = try #require(try harness.request("chatcmpl-2"))
        #expect(request.tags == #"{"call_type":"acompletion","use_case":"planning"}"#)
    }

    @Test func readsEveryOTelSpellingOfTokens() throws {
        func span(_ id: String, _ attributes: [(String, Int)], model: String = "gpt-5-mini") -> String {
            let rendered = attributes.map { #"{"key": "\#($0.0)", "value": {"intValue": "\#($0.1)"}}"# }
            return #"""
                {"traceId": "0af7651916cd43dd8448eb211c80319c", "spanId": "\#(id)", "startTimeUnixNano": "1791201600000000000",
                 "endTimeUnixNano": "1791201600500000000", "attributes": [{"key": "gen_ai.request.model", "value": {"stringValue": "\#(model)"}},
                 \#(rendered.joined(separator: ", "))]}
                """#
        }
        let spans = [
            span("0000000000000001", [
                ("gen_ai.usage.input_tokens", 100), ("gen_ai.usage.output_tokens", 50),
                ("gen_ai.usage.cache_read.input_tokens", 40), ("gen_ai.usage.reasoning_tokens", 20),
            ]),
            span("0000000000000002", [
                ("gen_ai.usage.prompt_tokens", 10), ("gen_ai.usage.completion_tokens", 5),
                ("gen_ai.usage.cache_read_input_tokens", 3), ("gen_ai.usage.cache_creation_input_tokens", 2),
            ]),
            span("0000000000000003", [
                ("llm.token_count.prompt", 7), ("llm.token_count.completion", 4),
                ("llm.token_count.completion_details.reasoning", 1),
            ]),
        ]
        let harness = try IngestHarness()
        let path = try harness.file(
            "spans.json",
            #"{"resourceSpans": [{"scopeSpans": [{"spans": [\#(spans.joined(separator: ", "))]}]}]}"#)
        try harness.ingest(path)
        let trace = "otel-0af7651916cd43dd8448eb211c80319c-"
        #expect(
            try harness.request(trace + "0000000000000001")?.tokens
                == TokenUsage(input: 100, cachedInput: 40, output: 50, reasoning: 20))
        #expect(
            try harness.request(trace + "0000000000000002")?.tokens
                == TokenUsage(input: 10, cachedInput: 3, cacheWrite: 2, output: 5))
        #expect(try harness.request(trace + "0000000000000003")?.tokens == TokenUsage(input: 7, output: 4, reasoning: 1))
    }

    @Test func aRequestLogWithoutModelAndTimeColumnsIsRefused() throws {
        let harness = try IngestHarness()
        let path = try harness.file("log.csv", "when,llm,in,out\n2026-10-05T12:00:00Z,gpt-4o,10,5\n")
        #expect(
            throws: IngestError.nothingRead(
                path: path, reason: "a request log needs a model and a time column, and its header is when,llm,in,out")
        ) { try harness.ingest(path, FileIngestOptions(kind: .requests)) }
        #expect(try harness.count("requests") == 0)
        // With --map the same file is recognised and read, detection included.
        let summary = try harness.ingest(
            path,
            FileIngestOptions(
                columnMap: ["when": "timestamp", "llm": "model", "in": "input_tokens", "out": "output_tokens"]))
        #expect(summary.kind == .requests && summary.totals == WriteCounts(inserted: 1))
    }

    @Test func aFileOfOnlyNonModelRecordsIsAnError() throws {
        let harness = try IngestHarness()
        let path = try harness.file(
            "spans.jsonl",
            #"{"id":"a","traceId":"t","type":"SPAN","startTime":"2026-10-05T12:00:00.000Z","model":null}"# + "\n")
        #expect(
            throws: IngestError.nothingRead(
                path: path, reason: "1 record was passed over as not model calls, read as langfuse")
        ) { try harness.ingest(path) }
    }

    @Test func modelCallsWithoutTokensAreCountedAndWarned() throws {
        let harness = try IngestHarness()
        let path = try harness.file(
            "log.csv",
            "timestamp,model,input_tokens,output_tokens,status\n2026-10-05T12:00:00Z,gpt-4o,0,0,ok\n"
                + "2026-10-05T12:00:01Z,gpt-4o,10,5,ok\n2026-10-05T12:00:02Z,gpt-4o,0,0,failed\n")
        let summary = try harness.ingest(path)
        // The failed call is not counted: a failure without tokens is expected.
        #expect(summary.zeroTokenCalls == 1)
        #expect(summary.description.contains("warning: 1 model call has 0 input and 0 output tokens"))
    }

    @Test func aLangfuseScoresExportSaysToUseTheTraceDownload() throws {
        let harness = try IngestHarness()
        let path = try harness.file(
            "scores.jsonl",
            #"{"id":"s","timestamp":"2026-10-05T12:00:00.000Z","traceId":"t","observationId":null,"name":"toxicity","value":0.8,"dataType":"NUMERIC"}"#
                + "\n")
        #expect(
            throws: IngestError.unrecognised(
                path: path,
                reason: "its records are Langfuse scores, which name a trace but not its model; ingest the trace "
                    + "download (trace-*.json), which carries the scores with their generations")
        ) { try harness.ingest(path) }
    }
}
