import Analytics
import DistillCore
import Foundation
import Ingest
import Store
import Testing
import TestSupport
import Tokenizer

@testable import Workflows

/// `dataset build` from each source whose request messages are stored at ingest time besides a
/// completion logged with its request: a Batch input file joined to its output, LiteLLM's spend
/// logs and standard logging payloads, Langfuse generations. Each fixture is hand-written in the
/// source's shape, ingested with `--store-content` into a real SQLite file, and the written
/// training lines are checked exactly (members sorted, no spaces: the canonical JSON).
@Suite struct DatasetSourcesTests {
    static let tokenizerData = TokenizerDataDirectory.resolve(currentDirectory: PackageRoot.path).path

    private func ingest(_ folder: TemporaryDirectory, _ name: String, _ text: String, options: FileIngestOptions) throws
        -> FileIngestSummary
    {
        let database = try Database(path: folder.path("db.sqlite"))
        return try FileIngester(database: database, options: options).ingest(path: try folder.write(name, text))
    }

    private func build(_ folder: TemporaryDirectory, redact: Bool = false) throws -> (DatasetBuildCommand.Summary, [String]) {
        var options = DatasetBuildCommand.Options(databasePath: folder.path("db.sqlite"), output: folder.path("train.jsonl"))
        options.environment = [TokenizerDataDirectory.environmentVariable: Self.tokenizerData]
        options.redact = redact
        let summary = try DatasetBuildCommand.run(options)
        let lines = try String(contentsOfFile: options.output, encoding: .utf8).split(separator: "\n").map(String.init)
        return (summary, lines)
    }

    // MARK: Batch

    /// q1 and q2 are in both files; q3 has no output line (its answer would be in the error file);
    /// q4's output has no input line, so it is stored without messages.
    static let batchInput = """
        {"custom_id":"q1","method":"POST","url":"/v1/chat/completions","body":{"model":"gpt-4o-mini","messages":[{"role":"system","content":"Classify."},{"role":"user","content":"Refund please"}]}}
        {"custom_id":"q2","method":"POST","url":"/v1/chat/completions","body":{"model":"gpt-4o-mini","messages":[{"role":"user","content":"Where is my order?"}]}}
        {"custom_id":"q3","method":"POST","url":"/v1/chat/completions","body":{"model":"gpt-4o-mini","messages":[{"role":"user","content":"Cancel it"}]}}

        """

    static func batchLine(_ number: Int, customID: String, answer: String) -> String {
        #"{"id":"batch_req_\#(number)","custom_id":"\#(customID)","response":{"status_code":200,"request_id":"req_\#(number)","body":{"id":"chatcmpl-b\#(number)","object":"chat.completion","created":1764547200,"model":"gpt-4o-mini-2024-07-18","choices":[{"index":0,"message":{"role":"assistant","content":"\#(answer)","refusal":null},"finish_reason":"stop"}],"usage":{"prompt_tokens":12,"completion_tokens":1,"total_tokens":13}}},"error":null}"#
    }

    static let batchOutput = [
        batchLine(1, customID: "q1", answer: "refund"), batchLine(2, customID: "q2", answer: "shipping"),
        batchLine(4, customID: "q4", answer: "other"),
    ].joined(separator: "\n") + "\n"

    @Test func batchInputJoinedToItsOutputByCustomID() throws {
        let folder = try TemporaryDirectory()
        let input = try folder.write("input.jsonl", Self.batchInput)
        let summary = try ingest(
            folder, "output.jsonl", Self.batchOutput, options: FileIngestOptions(storeContent: true, batchInput: input))
        #expect(summary.batchJoin == BatchJoin(inputPath: input, joined: 2, outputsWithoutInput: 1, inputsWithoutOutput: 1))
        #expect(
            summary.description.contains(
                "request messages from \(input): joined to 2 lines; 1 successful line has a custom_id not in it "
                    + "(stored without messages); 1 of its custom_ids has no line in this file"))

        let (built, lines) = try build(folder)
        #expect(
            Set(lines) == [
                #"{"messages":[{"content":"Classify.","role":"system"},{"content":"Refund please","role":"user"},{"content":"refund","role":"assistant"}]}"#,
                #"{"messages":[{"content":"Where is my order?","role":"user"},{"content":"shipping","role":"assistant"}]}"#,
            ])
        #expect(lines.count == Set(lines).count)  // no line written twice
        #expect(built.selection.skipped == [.noMessages: 1])
    }

    /// A `/v1/responses` batch: the input line's `instructions` lead as the system message, its
    /// `body.input` (a string) is the user's.
    @Test func responsesBatchInputIsTheInputMember() throws {
        let folder = try TemporaryDirectory()
        let input = try folder.write(
            "input.jsonl",
            #"{"custom_id":"r1","method":"POST","url":"/v1/responses","body":{"model":"gpt-4o-mini","instructions":"Answer in one word.","input":"Is Go compiled?"}}"# + "\n")
        let output =
            #"{"id":"batch_req_r1","custom_id":"r1","response":{"status_code":200,"request_id":"req_r1","body":{"id":"resp_r1","object":"response","created_at":1765322923,"status":"completed","model":"gpt-4o-mini-2024-07-18","output":[{"id":"msg_1","type":"message","status":"completed","role":"assistant","content":[{"type":"output_text","annotations":[],"text":"Yes."}]}],"usage":{"input_tokens":14,"input_tokens_details":{"cached_tokens":0},"output_tokens":2,"output_tokens_details":{"reasoning_tokens":0},"total_tokens":16}}},"error":null}"#
                + "\n"
        let summary = try ingest(folder, "output.jsonl", output, options: FileIngestOptions(storeContent: true, batchInput: input))
        #expect(summary.batchJoin == BatchJoin(inputPath: input, joined: 1))
        let (_, lines) = try build(folder)
        #expect(
            lines == [
                #"{"messages":[{"content":"Answer in one word.","role":"system"},{"content":"Is Go compiled?","role":"user"},{"content":"Yes.","role":"assistant"}]}"#
            ])
    }

    /// Line 2 of the input has no `body.messages`: the output file is refused naming the input's
    /// file, line and field, and the database stays empty.
    @Test func aBatchInputLineWithoutMessagesIsRefused() throws {
        let folder = try TemporaryDirectory()
        let input = try folder.write(
            "input.jsonl",
            #"{"custom_id":"q1","url":"/v1/chat/completions","body":{"messages":[{"role":"user","content":"Hi"}]}}"# + "\n"
                + #"{"custom_id":"q2","url":"/v1/chat/completions","body":{"model":"gpt-4o-mini"}}"# + "\n")
        #expect {
            try ingest(folder, "output.jsonl", Self.batchOutput, options: FileIngestOptions(storeContent: true, batchInput: input))
        } throws: { error in
            "\(error)".hasPrefix("\(input):2: body.messages: is missing")
        }
        let database = try Database(path: folder.path("db.sqlite"))
        #expect(try database.scalar("SELECT count(*) FROM requests")?.int64 == 0)
    }

    /// `custom_id`s repeat across batches: an input file of another batch (a Responses batch, or
    /// one asking gpt-4.1) refuses the output file at its first line, and nothing is stored.
    @Test(arguments: [
        (#"{"custom_id":"q1","url":"/v1/responses","body":{"model":"gpt-4o-mini","input":"Hi"}}"#, "is a /v1/responses request"),
        (#"{"custom_id":"q1","url":"/v1/chat/completions","body":{"model":"gpt-4.1","messages":[{"role":"user","content":"Hi"}]}}"#,
         "asks gpt-4.1"),
    ])
    func anInputFileOfAnotherBatchIsRefused(line: String, says: String) throws {
        let folder = try TemporaryDirectory()
        let input = try folder.write("input.jsonl", line + "\n")
        let output = folder.path("output.jsonl")
        #expect {
            try ingest(folder, "output.jsonl", Self.batchOutput, options: FileIngestOptions(storeContent: true, batchInput: input))
        } throws: { error in
            "\(error)".contains("\(output):1: custom_id: \"q1\" ") && "\(error)".contains(says)
                && "\(error)".contains("is --batch-input the input file of this batch?")
        }
        let database = try Database(path: folder.path("db.sqlite"))
        #expect(try database.scalar("SELECT count(*) FROM requests")?.int64 == 0)
    }

    @Test func batchInputNeedsBatchOutputAndStoreContent() throws {
        let folder = try TemporaryDirectory()
        let input = try folder.write("input.jsonl", Self.batchInput)
        #expect(throws: IngestError.invalidOption("--batch-input stores the requests' messages: pass --store-content with it.")) {
            try ingest(folder, "output.jsonl", Self.batchOutput, options: FileIngestOptions(batchInput: input))
        }
    }

    // MARK: LiteLLM

    /// l1: a spend-log row with `messages` and `response` as JSON text in strings (the prompt holds
    /// an e-mail address for `--redact`); l0: the `{}` LiteLLM writes when prompts are not logged,
    /// so no content; l2: a standard logging payload, `messages` a list and `response` the whole
    /// completion, answering with a tool call.
    static let liteLLMLog = [
        #"{"request_id":"chatcmpl-l1","call_type":"acompletion","startTime":"2025-01-24 09:20:46.847371","model":"gpt-4o","prompt_tokens":12,"completion_tokens":1,"total_tokens":13,"messages":"[{\"role\": \"user\", \"content\": \"Ping bo@example.com\"}]","response":"{\"id\": \"chatcmpl-l1\", \"object\": \"chat.completion\", \"choices\": [{\"finish_reason\": \"stop\", \"index\": 0, \"message\": {\"content\": \"Pong\", \"role\": \"assistant\", \"tool_calls\": null}}]}","status":"success"}"#,
        #"{"request_id":"chatcmpl-l0","call_type":"acompletion","startTime":"2025-01-24 09:21:00.000000","model":"gpt-4o","prompt_tokens":12,"completion_tokens":1,"total_tokens":13,"messages":"{}","response":"{}","status":"success"}"#,
        #"{"id":"chatcmpl-l2","call_type":"acompletion","status":"success","startTime":"2025-01-24 09:22:00.000000","model":"gpt-4o","prompt_tokens":20,"completion_tokens":5,"total_tokens":25,"messages":[{"role":"system","content":"Use tools."},{"role":"user","content":"Weather in Rome?"}],"response":{"id":"chatcmpl-l2","object":"chat.completion","choices":[{"finish_reason":"tool_calls","index":0,"message":{"content":null,"role":"assistant","tool_calls":[{"id":"call_1","type":"function","function":{"name":"weather","arguments":"{\"city\":\"Rome\"}"}}],"function_call":null}}]}}"#,
    ].joined(separator: "\n") + "\n"

    /// The spend-logs table as `\copy ... CSV HEADER` writes it: JSON text in quoted cells.
    static let liteLLMCSV = """
        request_id,startTime,model,prompt_tokens,completion_tokens,messages,response,status
        chatcmpl-l3,2025-01-24 09:23:00.000000,gpt-4o,9,1,"[{""role"": ""user"", ""content"": ""Hi""}]","{""choices"": [{""finish_reason"": ""stop"", ""index"": 0, ""message"": {""content"": ""Hello"", ""role"": ""assistant""}}]}",success

        """

    @Test func liteLLMMessagesAndResponseBecomeExamples() throws {
        let folder = try TemporaryDirectory()
        let options = FileIngestOptions(storeContent: true, redact: true)
        _ = try ingest(folder, "spend_logs.jsonl", Self.liteLLMLog, options: options)
        _ = try ingest(folder, "LiteLLM_SpendLogs.csv", Self.liteLLMCSV, options: options)
        let database = try Database(path: folder.path("db.sqlite"))
        #expect(try database.scalar("SELECT count(*) FROM requests")?.int64 == 4)
        #expect(try database.scalar("SELECT count(*) FROM request_content")?.int64 == 3)

        let (built, lines) = try build(folder)
        #expect(
            Set(lines) == [
                #"{"messages":[{"content":"Ping [email]","role":"user"},{"content":"Pong","role":"assistant"}]}"#,
                #"{"messages":[{"content":"Use tools.","role":"system"},{"content":"Weather in Rome?","role":"user"},{"content":null,"role":"assistant","tool_calls":[{"function":{"arguments":"{\"city\":\"Rome\"}","name":"weather"},"id":"call_1","type":"function"}]}]}"#,
                #"{"messages":[{"content":"Hi","role":"user"},{"content":"Hello","role":"assistant"}]}"#,
            ])
        #expect(lines.count == Set(lines).count)  // no line written twice
        #expect(built.selection.skipped.isEmpty)
    }

    @Test func liteLLMContentIsNotStoredWithoutStoreContent() throws {
        let folder = try TemporaryDirectory()
        _ = try ingest(folder, "spend_logs.jsonl", Self.liteLLMLog, options: FileIngestOptions())
        let database = try Database(path: folder.path("db.sqlite"))
        #expect(try database.scalar("SELECT count(*) FROM requests")?.int64 == 3)
        #expect(try database.scalar("SELECT count(*) FROM request_content")?.int64 == 0)
        // Nor anywhere else (tags): the whole file, WAL checkpointed, holds no word of the messages.
        _ = try database.scalar("PRAGMA wal_checkpoint(TRUNCATE)")
        let bytes = try #require(FileManager.default.contents(atPath: folder.path("db.sqlite")))
        #expect(bytes.range(of: Data("Ping".utf8)) == nil && bytes.range(of: Data("bo@example.com".utf8)) == nil)
    }

    // MARK: Langfuse

    static func observation(_ id: String, second: Int, input: String, output: String, type: String = "GENERATION") -> String {
        #"{"id":"\#(id)","traceId":"t1","type":"\#(type)","name":"chat","startTime":"2026-10-05T12:00:0\#(second).000Z","endTime":"2026-10-05T12:00:0\#(second).500Z","model":"gpt-4o-mini","usageDetails":{"input":10,"output":2,"total":12},"input":\#(input),"output":\#(output)}"#
    }

    /// g1: a message list answered by one assistant message object; g2: OpenTelemetry GenAI
    /// messages (parts) answered by a tool call whose arguments are an object; g3: text in, text
    /// out; g4: a GenAI answer cut at `length`; s1: a SPAN, not a model call (passed over).
    static let langfuseObservations = [
        observation(
            "g1", second: 1, input: #"[{"role":"user","content":"Capital of France?"}]"#,
            output: #"{"role":"assistant","content":"Paris"}"#),
        observation(
            "g2", second: 2,
            input: #"[{"role":"system","parts":[{"type":"text","content":"Look things up."}]},{"role":"user","parts":[{"type":"text","content":"Find x"}]}]"#,
            output: #"[{"role":"assistant","parts":[{"type":"tool_call","id":"call_7","name":"lookup","arguments":{"q":"x"}}],"finish_reason":"tool_call"}]"#),
        observation("g3", second: 3, input: #""Summarise this""#, output: #""Done.""#),
        observation(
            "g4", second: 4, input: #"[{"role":"user","parts":[{"type":"text","content":"Write a lot"}]}]"#,
            output: #"[{"role":"assistant","parts":[{"type":"text","content":"Once upon"}],"finish_reason":"length"}]"#),
        observation("s1", second: 5, input: #"{"q":"x"}"#, output: #""ok""#, type: "SPAN"),
    ].joined(separator: "\n") + "\n"

    @Test func langfuseGenerationsInputAndOutputBecomeExamples() throws {
        let folder = try TemporaryDirectory()
        let summary = try ingest(folder, "observations.jsonl", Self.langfuseObservations, options: FileIngestOptions(storeContent: true))
        #expect(summary.ignored == 1)
        let (built, lines) = try build(folder)
        #expect(
            Set(lines) == [
                #"{"messages":[{"content":"Capital of France?","role":"user"},{"content":"Paris","role":"assistant"}]}"#,
                #"{"messages":[{"content":"Look things up.","role":"system"},{"content":"Find x","role":"user"},{"content":null,"role":"assistant","tool_calls":[{"function":{"arguments":"{\"q\":\"x\"}","name":"lookup"},"id":"call_7","type":"function"}]}]}"#,
                #"{"messages":[{"content":"Summarise this","role":"user"},{"content":"Done.","role":"assistant"}]}"#,
            ])
        #expect(lines.count == Set(lines).count)  // no line written twice
        #expect(built.selection.skipped == [.truncated: 1])
    }

    /// LangGraph logs the tools it offers as `tool` messages without a `tool_call_id` (seen in a
    /// real Langfuse trace): the definition goes to the example's `tools`, the message is dropped.
    @Test func toolDefinitionsLoggedAsMessagesBecomeTheExamplesTools() throws {
        let folder = try TemporaryDirectory()
        let definition = #"{"type":"function","function":{"name":"lookup","parameters":{"type":"object"}}}"#
        let observation = Self.observation(
            "g1", second: 1,
            input: #"[{"role":"user","content":"Find x"},{"role":"tool","content":\#(definition)}]"#,
            output: #"{"role":"assistant","content":"x is 1"}"#)
        _ = try ingest(folder, "observations.jsonl", observation + "\n", options: FileIngestOptions(storeContent: true))
        let (_, lines) = try build(folder)
        #expect(
            lines == [
                #"{"messages":[{"content":"Find x","role":"user"},{"content":"x is 1","role":"assistant"}],"tools":[{"function":{"name":"lookup","parameters":{"type":"object"}},"type":"function"}]}"#
            ])
    }

    /// `--redact` masks strings, not JSON text: the logprob -0.0012345678 has 10 digits (a phone
    /// number to the text rule) and stays a number, so the stored answer is still JSON and the
    /// example is written, with the e-mail masked.
    @Test func redactionKeepsStoredContentJSON() throws {
        let folder = try TemporaryDirectory()
        let completion = #"{"id":"chatcmpl-r1","object":"chat.completion","created":1764547200,"model":"gpt-4o-mini-2024-07-18","request":{"messages":[{"role":"user","content":"Mail bo@example.com"}]},"choices":[{"index":0,"message":{"role":"assistant","content":"Sent.","refusal":null},"logprobs":{"content":[{"token":"Sent","logprob":-0.0012345678,"bytes":null,"top_logprobs":[]}]},"finish_reason":"stop"}],"usage":{"prompt_tokens":5,"completion_tokens":1,"total_tokens":6}}"#
        _ = try ingest(
            folder, "completions.jsonl", completion + "\n", options: FileIngestOptions(storeContent: true, redact: true))
        let database = try Database(path: folder.path("db.sqlite"))
        let stored = try database.query("SELECT response FROM request_content") { $0.string(0) }
        #expect(stored.count == 1 && stored[0].contains("-0.0012345678") && !stored[0].contains("[phone]"))
        let (_, lines) = try build(folder)
        #expect(lines == [#"{"messages":[{"content":"Mail [email]","role":"user"},{"content":"Sent.","role":"assistant"}]}"#])
    }

    /// LiteLLM cuts a long `messages` value in the middle, which leaves text that is not JSON: it
    /// is stored as it was and counted as unreadable, not reported as never logged.
    @Test func liteLLMMessagesCutMidJSONAreCountedUnreadable() throws {
        let folder = try TemporaryDirectory()
        let row = #"{"request_id":"chatcmpl-c1","call_type":"acompletion","startTime":"2025-01-24 09:20:46.847371","model":"gpt-4o","prompt_tokens":12,"completion_tokens":1,"total_tokens":13,"messages":"[{\"role\": \"user\", \"content\": \"Summarise... (litellm_truncated 4000 chars)","response":"{\"choices\": [{\"finish_reason\": \"stop\", \"index\": 0, \"message\": {\"content\": \"Done\", \"role\": \"assistant\"}}]}","status":"success"}"#
        _ = try ingest(folder, "spend_logs.jsonl", row + "\n", options: FileIngestOptions(storeContent: true))
        let database = try Database(path: folder.path("db.sqlite"))
        #expect(try database.query("SELECT messages FROM request_content") { $0.optionalString(0) } == [
            #"[{"role": "user", "content": "Summarise... (litellm_truncated 4000 chars)"#
        ])
        #expect {
            try build(folder)
        } throws: { error in
            "\(error)".contains("1 content not in a shape a trainer accepts")
        }
    }

    /// A logged Response keeps its system prompt in `instructions`, beside `input`: it leads the
    /// example as the system message.
    @Test func aResponsesInstructionsLeadTheExample() throws {
        let folder = try TemporaryDirectory()
        let response = #"{"id":"resp_i1","object":"response","created_at":1765322923,"status":"completed","model":"gpt-4o-mini-2024-07-18","instructions":"Answer in one word.","input":[{"role":"user","content":"Is Go compiled?"}],"output":[{"id":"msg_1","type":"message","status":"completed","role":"assistant","content":[{"type":"output_text","annotations":[],"text":"Yes."}]}],"usage":{"input_tokens":14,"input_tokens_details":{"cached_tokens":0},"output_tokens":2,"output_tokens_details":{"reasoning_tokens":0},"total_tokens":16}}"#
        _ = try ingest(folder, "responses.jsonl", response + "\n", options: FileIngestOptions(storeContent: true))
        let (_, lines) = try build(folder)
        #expect(
            lines == [
                #"{"messages":[{"content":"Answer in one word.","role":"system"},{"content":"Is Go compiled?","role":"user"},{"content":"Yes.","role":"assistant"}]}"#
            ])
    }

    /// The tools a request offered stay with its example: a chat Batch input's `body.tools` as
    /// they are, a logged Response's function tool converted to the chat shape, its built-in
    /// `web_search` left out (it has no chat equivalent).
    @Test func theToolsARequestOfferedStayWithItsExample() throws {
        let folder = try TemporaryDirectory()
        let chatTool = #"{"type":"function","function":{"name":"refund","parameters":{"type":"object"}}}"#
        let input = try folder.write(
            "input.jsonl",
            #"{"custom_id":"q1","url":"/v1/chat/completions","body":{"model":"gpt-4o-mini","messages":[{"role":"user","content":"Refund please"}],"tools":[\#(chatTool)]}}"# + "\n")
        _ = try ingest(
            folder, "output.jsonl", Self.batchLine(1, customID: "q1", answer: "refund") + "\n",
            options: FileIngestOptions(storeContent: true, batchInput: input))
        let response = #"{"id":"resp_t1","object":"response","created_at":1765322923,"status":"completed","model":"gpt-4o-mini-2024-07-18","tools":[{"type":"function","name":"lookup","description":"Finds x.","parameters":{"type":"object"},"strict":true},{"type":"web_search"}],"input":"Find x","output":[{"id":"msg_1","type":"message","status":"completed","role":"assistant","content":[{"type":"output_text","annotations":[],"text":"x is 1"}]}],"usage":{"input_tokens":14,"input_tokens_details":{"cached_tokens":0},"output_tokens":2,"output_tokens_details":{"reasoning_tokens":0},"total_tokens":16}}"#
        _ = try ingest(folder, "responses.jsonl", response + "\n", options: FileIngestOptions(storeContent: true))
        let (_, lines) = try build(folder)
        #expect(
            Set(lines) == [
                #"{"messages":[{"content":"Refund please","role":"user"},{"content":"refund","role":"assistant"}],"tools":[{"function":{"name":"refund","parameters":{"type":"object"}},"type":"function"}]}"#,
                #"{"messages":[{"content":"Find x","role":"user"},{"content":"x is 1","role":"assistant"}],"tools":[{"function":{"description":"Finds x.","name":"lookup","parameters":{"type":"object"}},"type":"function"}]}"#,
            ])
        #expect(lines.count == 2)
    }

    // MARK: OpenTelemetry

    static func span(_ id: String, start: Int, _ attributes: [(String, String)]) -> String {
        let tokens = #"{"key":"gen_ai.usage.input_tokens","value":{"intValue":"10"}},{"key":"gen_ai.usage.output_tokens","value":{"intValue":"2"}}"#
        let members = ([("gen_ai.request.model", "gpt-4o-mini")] + attributes)
            .map { key, value in #"{"key":"\#(key)","value":{"stringValue":\#(JSONValue.string(value).text(.canonical))}}"# }
            .joined(separator: ",") + "," + tokens
        return #"{"traceId":"t1","spanId":"\#(id)","name":"chat","startTimeUnixNano":"\#(start)000000000","endTimeUnixNano":"\#(start)500000000","attributes":[\#(members)]}"#
    }

    /// s1: the semantic conventions' `gen_ai.input.messages` / `gen_ai.output.messages` (parts, as
    /// OpenLLMetry writes them); s2: Traceloop's indexed prompt and completion; s3: a completion
    /// cut at `length` (left out as truncated).
    @Test func otelSpansMessagesBecomeExamples() throws {
        let folder = try TemporaryDirectory()
        let spans = [
            Self.span("s1", start: 1_764_547_200, [
                ("gen_ai.input.messages", #"[{"role": "user", "parts": [{"type": "text", "content": "Hi"}]}]"#),
                ("gen_ai.output.messages", #"[{"role": "assistant", "parts": [{"type": "text", "content": "Hello"}], "finish_reason": "stop"}]"#),
            ]),
            Self.span("s2", start: 1_764_547_201, [
                ("gen_ai.prompt.0.role", "system"), ("gen_ai.prompt.0.content", "Be brief."),
                ("gen_ai.prompt.1.role", "user"), ("gen_ai.prompt.1.content", "What is OTel?"),
                ("gen_ai.completion.0.role", "assistant"), ("gen_ai.completion.0.content", "Telemetry."),
                ("gen_ai.completion.0.finish_reason", "stop"),
            ]),
            Self.span("s3", start: 1_764_547_202, [
                ("gen_ai.prompt.0.role", "user"), ("gen_ai.prompt.0.content", "Write a lot"),
                ("gen_ai.completion.0.content", "Once upon"), ("gen_ai.completion.0.finish_reason", "length"),
            ]),
        ]
        let document = #"{"resourceSpans":[{"resource":{"attributes":[]},"scopeSpans":[{"spans":[\#(spans.joined(separator: ","))]}]}]}"#
        _ = try ingest(folder, "spans.otlp.json", document, options: FileIngestOptions(storeContent: true))
        let (built, lines) = try build(folder)
        #expect(
            Set(lines) == [
                #"{"messages":[{"content":"Hi","role":"user"},{"content":"Hello","role":"assistant"}]}"#,
                #"{"messages":[{"content":"Be brief.","role":"system"},{"content":"What is OTel?","role":"user"},{"content":"Telemetry.","role":"assistant"}]}"#,
            ])
        #expect(lines.count == 2)
        #expect(built.selection.skipped == [.truncated: 1])
    }
}
