import DistillCore
import Testing

@testable import Workflows

/// What `StoredConversation` makes of stored prompt and answer JSON: each case feeds the text as
/// the ingest stores it and checks the exact messages written (canonical JSON: members sorted, no
/// spaces), or the rejection. Expected lines were written by hand from OpenAI's chat fine-tuning
/// format, not copied from the reader's output.
@Suite struct StoredConversationTests {
    /// The prompt's messages as one canonical JSON array, nil when the reader refuses them.
    private func prompt(_ text: String) -> String? {
        StoredConversation.prompt(fromMessages: text).map { JSONValue.array($0.messages).text(.canonical) }
    }

    private func answer(_ text: String) -> Result<String, StoredConversation.Rejection> {
        StoredConversation.answer(fromResponse: text).map { $0.text(.canonical) }
    }

    private static func choices(content: String) -> String {
        #"{"choices":[{"index":0,"finish_reason":"stop","message":{"role":"assistant","content":"\#(content)"}}]}"#
    }

    // MARK: LiteLLM's markers

    /// LiteLLM keeps a long string's head and tail around `... (litellm_truncated N chars)`: the
    /// answer is no longer what the model wrote.
    @Test func anAnswerLiteLLMCutIsTruncated() {
        #expect(answer(Self.choices(content: "Dear customer, ... (litellm_truncated 2048 chars) regards")) == .failure(.truncated))
        #expect(answer(#""Once upon... (litellm_truncated 12982 chars)""#) == .failure(.truncated))
    }

    /// With message logging off LiteLLM writes `redacted-by-litellm` in place of the text.
    @Test func anAnswerLiteLLMRedactedIsFailed() {
        #expect(answer(Self.choices(content: "redacted-by-litellm")) == .failure(.failed))
        #expect(answer(#""redacted-by-litellm""#) == .failure(.failed))
    }

    @Test func aPromptWithALiteLLMMarkerIsRefused() {
        #expect(prompt(#"[{"role":"system","content":"Rules: ... (litellm_truncated 900 chars) end"},{"role":"user","content":"Hi"}]"#) == nil)
        #expect(prompt(#"[{"role":"user","content":"redacted-by-litellm"}]"#) == nil)
        #expect(prompt(#"[{"role":"user","content":[{"type":"text","text":"redacted-by-litellm"},{"type":"image_url","image_url":{"url":"https://x/a.png"}}]}]"#) == nil)
    }

    /// Only the exact marker counts: a user asking about the flag is a prompt like any other.
    @Test func namingLiteLLMsFlagIsNotAMarker() {
        #expect(
            prompt(#"[{"role":"user","content":"What does (litellm_truncated N chars) mean?"}]"#)
                == #"[{"content":"What does (litellm_truncated N chars) mean?","role":"user"}]"#)
        #expect(answer(Self.choices(content: "It marks a cut: (litellm_truncated 12 chars long)")) == .success(#"{"content":"It marks a cut: (litellm_truncated 12 chars long)","role":"assistant"}"#))
    }

    // MARK: LangChain tool calls

    /// LangChain's own `tool_calls` (`args` an object) become OpenAI's, the arguments as JSON text.
    @Test func langChainToolCallsBecomeOpenAIs() {
        let message = #"{"role":"assistant","content":"","tool_calls":[{"name":"lookup","args":{"q":"x","n":2},"id":"call_1","type":"tool_call"},{"name":"now","args":{},"id":"call_2","type":"tool_call"}]}"#
        let expected = #"{"content":"","role":"assistant","tool_calls":[{"function":{"arguments":"{\"n\":2,\"q\":\"x\"}","name":"lookup"},"id":"call_1","type":"function"},{"function":{"arguments":"{}","name":"now"},"id":"call_2","type":"function"}]}"#
        #expect(answer(message) == .success(expected))
        #expect(prompt(#"[{"role":"user","content":"Find x"},\#(message)]"#) == #"[{"content":"Find x","role":"user"},\#(expected)]"#)
    }

    /// When `additional_kwargs.tool_calls` is valid it is the provider's own record and wins (its
    /// arguments text kept byte for byte, spaces included); when it is not, LangChain's calls are used.
    @Test func validAdditionalKwargsCallsArePreferred() {
        let langChain = #"[{"name":"lookup","args":{"q":"x"},"id":"call_1","type":"tool_call"}]"#
        let valid = #"{"role":"assistant","content":null,"additional_kwargs":{"tool_calls":[{"id":"call_1","type":"function","function":{"name":"lookup","arguments":"{\"q\": \"x\"}"}}]},"tool_calls":\#(langChain)}"#
        #expect(answer(valid) == .success(#"{"content":null,"role":"assistant","tool_calls":[{"function":{"arguments":"{\"q\": \"x\"}","name":"lookup"},"id":"call_1","type":"function"}]}"#))
        let withoutID = #"{"role":"assistant","content":null,"additional_kwargs":{"tool_calls":[{"type":"function","function":{"name":"lookup","arguments":"{\"q\": \"x\"}"}}]},"tool_calls":\#(langChain)}"#
        #expect(answer(withoutID) == .success(#"{"content":null,"role":"assistant","tool_calls":[{"function":{"arguments":"{\"q\":\"x\"}","name":"lookup"},"id":"call_1","type":"function"}]}"#))
    }

    /// A call in neither shape, or without an id or a name, cannot be written: the message is unusable.
    @Test func anUnconvertibleToolCallMakesTheMessageUnusable() {
        let calls = [
            #"[{"tool":"lookup","input":{"q":"x"}}]"#, #"[{"name":"lookup","args":{"q":"x"},"type":"tool_call"}]"#,
            #"[{"id":"call_1","type":"function","function":{"arguments":"{}"}}]"#, #""lookup(x)""#,
        ]
        for call in calls {
            let message = #"{"role":"assistant","content":null,"tool_calls":\#(call)}"#
            #expect(answer(message) == .failure(.unreadable), "\(call)")
            #expect(prompt(#"[{"role":"user","content":"Find x"},\#(message)]"#) == nil, "\(call)")
        }
    }

    // MARK: What a trainer accepts

    /// `developer` is the Responses API's system role; a trainer knows only `system`.
    @Test func developerBecomesSystem() {
        #expect(
            prompt(#"[{"role":"developer","content":"Be brief."},{"role":"user","content":"Hi"}]"#)
                == #"[{"content":"Be brief.","role":"system"},{"content":"Hi","role":"user"}]"#)
    }

    /// Mixed content keeps its parts in the chat format: `input_text` → `text`, `input_image` (a
    /// URL string and `detail`) → `image_url` (`{"url", "detail"}`); chat parts are kept.
    @Test func responsesContentPartsBecomeChatParts() {
        let input = #"[{"type":"message","role":"user","content":[{"type":"input_text","text":"What is this?"},{"type":"input_image","image_url":"https://example.com/cat.png","detail":"low"}]}]"#
        #expect(
            prompt(input)
                == #"[{"content":[{"text":"What is this?","type":"text"},{"image_url":{"detail":"low","url":"https://example.com/cat.png"},"type":"image_url"}],"role":"user"}]"#)
        let chat = #"[{"role":"user","content":[{"type":"image_url","image_url":{"url":"data:image/png;base64,AAAA"}},{"type":"text","text":"And this?"}]}]"#
        #expect(
            prompt(chat)
                == #"[{"content":[{"image_url":{"url":"data:image/png;base64,AAAA"},"type":"image_url"},{"text":"And this?","type":"text"}],"role":"user"}]"#)
    }

    /// Each message here would make a trainer refuse the whole file, so its prompt is unusable.
    @Test(arguments: [
        #"{"role":"function","name":"lookup","content":"42"}"#,
        #"{"role":"tool","content":"42"}"#,
        #"{"role":"tool","tool_call_id":7,"content":"42"}"#,
        #"{"role":"tool","tool_call_id":"","content":"42"}"#,
        #"{"role":"user","content":[{"type":"input_text","text":"Read"},{"type":"input_image","file_id":"file-1","detail":"auto"}]}"#,
        #"{"role":"user","content":[{"type":"text","text":"Hear"},{"type":"input_audio","input_audio":{"data":"AAAA","format":"wav"}}]}"#,
        #"{"role":"user","content":null}"#,
        #"{"role":"user","content":{"text":"Hi"}}"#,
        #"{"role":"user","content":[]}"#,
        #"{"role":"assistant","content":null}"#,
        #"{"role":"assistant","content":7}"#,
        #"{"role":"user","content":"Hi","tool_calls":[{"id":"call_1","type":"function","function":{"name":"f","arguments":"{}"}}]}"#,
        #"{"role":"user","content":"Hi","name":7}"#,
    ])
    func aMessageATrainerRefusesMakesThePromptUnusable(message: String) {
        #expect(prompt(#"[{"role":"system","content":"Help."},\#(message),{"role":"user","content":"Go on"}]"#) == nil)
    }

    /// The same check on the answer: content a trainer cannot take as an assistant's is unreadable.
    @Test func anAnswerATrainerRefusesIsUnreadable() {
        #expect(answer(#"{"role":"assistant","content":7}"#) == .failure(.unreadable))
        #expect(answer(#"{"role":"assistant","content":[{"type":"output_text","text":"See"},{"type":"image_url","image_url":{"url":"https://x/a.png"}}]}"#) == .failure(.unreadable))
    }

    // MARK: Responses input items

    /// One turn's text and parallel calls are logged as a `message` item and consecutive
    /// `function_call` items; the chat format has them as one assistant message, followed by one
    /// `tool` message per output. A call after a `tool` message starts a new assistant message.
    @Test func parallelFunctionCallsAreOneAssistantMessage() {
        let input = """
            [{"role":"user","content":"Weather in Rome and Oslo?"},\
            {"type":"message","role":"assistant","content":[{"type":"output_text","text":"Checking both."}]},\
            {"type":"function_call","call_id":"call_1","name":"weather","arguments":"{\\"city\\":\\"Rome\\"}"},\
            {"type":"function_call","call_id":"call_2","name":"weather","arguments":"{\\"city\\":\\"Oslo\\"}"},\
            {"type":"function_call_output","call_id":"call_1","output":"sunny"},\
            {"type":"function_call_output","call_id":"call_2","output":"snow"},\
            {"type":"function_call","call_id":"call_3","name":"units","arguments":"{}"},\
            {"type":"function_call_output","call_id":"call_3","output":"C"}]
            """
        let expected = """
            [{"content":"Weather in Rome and Oslo?","role":"user"},\
            {"content":"Checking both.","role":"assistant","tool_calls":[\
            {"function":{"arguments":"{\\"city\\":\\"Rome\\"}","name":"weather"},"id":"call_1","type":"function"},\
            {"function":{"arguments":"{\\"city\\":\\"Oslo\\"}","name":"weather"},"id":"call_2","type":"function"}]},\
            {"content":"sunny","role":"tool","tool_call_id":"call_1"},{"content":"snow","role":"tool","tool_call_id":"call_2"},\
            {"content":null,"role":"assistant","tool_calls":[{"function":{"arguments":"{}","name":"units"},"id":"call_3","type":"function"}]},\
            {"content":"C","role":"tool","tool_call_id":"call_3"}]
            """
        #expect(prompt(input) == expected)
    }

    /// A reasoning model's next request carries its `reasoning` items back in `input`; they are
    /// left out, and the calls around them still merge.
    @Test func reasoningInputItemsAreSkipped() {
        let input = """
            [{"role":"user","content":"Time in Rome?"},\
            {"type":"reasoning","id":"rs_1","summary":[{"type":"summary_text","text":"Need the clock."}],"encrypted_content":"gAAA"},\
            {"type":"function_call","call_id":"call_1","name":"clock","arguments":"{}"},\
            {"type":"reasoning","id":"rs_2","summary":[]},\
            {"type":"function_call","call_id":"call_2","name":"zone","arguments":"{}"},\
            {"type":"function_call_output","call_id":"call_1","output":"12:00"},\
            {"type":"function_call_output","call_id":"call_2","output":"CET"}]
            """
        let expected = """
            [{"content":"Time in Rome?","role":"user"},{"content":null,"role":"assistant","tool_calls":[\
            {"function":{"arguments":"{}","name":"clock"},"id":"call_1","type":"function"},\
            {"function":{"arguments":"{}","name":"zone"},"id":"call_2","type":"function"}]},\
            {"content":"12:00","role":"tool","tool_call_id":"call_1"},{"content":"CET","role":"tool","tool_call_id":"call_2"}]
            """
        #expect(prompt(input) == expected)
        #expect(prompt(#"[{"type":"reasoning","id":"rs_1","summary":[]}]"#) == nil)
    }

    // MARK: How an answer ended

    /// Anthropic says how a message ended in `stop_reason`: `max_tokens` (and the context window
    /// filling up) cut it, `refusal` is not an answer; `end_turn` is a whole answer, its text parts
    /// joined.
    @Test func anthropicStopReasons() {
        func message(_ stopReason: String) -> String {
            #"{"id":"msg_1","type":"message","role":"assistant","model":"claude-sonnet-4-5","content":[{"type":"text","text":"The answer is"}],"stop_reason":"\#(stopReason)","stop_sequence":null}"#
        }
        #expect(answer(message("max_tokens")) == .failure(.truncated))
        #expect(answer(message("model_context_window_exceeded")) == .failure(.truncated))
        #expect(answer(message("refusal")) == .failure(.failed))
        #expect(answer(message("end_turn")) == .success(#"{"content":"The answer is","role":"assistant"}"#))
    }

    /// A Response cut at `max_output_tokens` says so at the top (`status`, `incomplete_details`)
    /// while its message item may still read `completed`.
    @Test func anIncompleteResponseIsTruncated() {
        func response(status: String, details: String) -> String {
            #"{"id":"resp_1","object":"response","status":"\#(status)","incomplete_details":\#(details),"output":[{"type":"message","status":"completed","role":"assistant","content":[{"type":"output_text","text":"Step one","annotations":[]}]}]}"#
        }
        #expect(answer(response(status: "incomplete", details: #"{"reason":"max_output_tokens"}"#)) == .failure(.truncated))
        #expect(answer(response(status: "incomplete", details: "null")) == .failure(.truncated))
        #expect(answer(response(status: "completed", details: #"{"reason":"content_filter"}"#)) == .failure(.truncated))
        #expect(answer(response(status: "completed", details: "null")) == .success(#"{"content":"Step one","role":"assistant"}"#))
    }
}
