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
}
