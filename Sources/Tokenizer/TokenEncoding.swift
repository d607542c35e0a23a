/// A byte-pair encoding as tiktoken names it: a rank file plus a pre-tokenisation pattern.
///
/// Only the two encodings current OpenAI models use are supported; each splits text with its own
/// pattern from tiktoken's `tiktoken_ext/openai_public.py`, so they are cases here rather than
/// data, and the special tokens are left out because training text is counted as ordinary text.
package enum TokenEncoding: String, CaseIterable, Sendable, CustomStringConvertible {
    /// gpt-4o, gpt-4.1, the o-series and gpt-5.
    case o200kBase = "o200k_base"
    /// gpt-4, gpt-3.5-turbo and the ada-002 embeddings.
    case cl100kBase = "cl100k_base"

    package var description: String { rawValue }

    /// The rank file's name in the tokenizer data folder, as tiktoken names it.
    package var rankFileName: String { "\(rawValue).tiktoken" }

    /// How many ranked tokens the file holds (special tokens excluded); a file with another count
    /// is truncated or a different vocabulary, and would give wrong ids.
    var expectedTokenCount: Int {
        switch self {
        case .o200kBase: 199_998
        case .cl100kBase: 100_256
        }
    }

    /// The sha256 tiktoken expects of the rank file (`expected_hash` in `openai_public.py`); the
    /// fetch script checks it, and error messages quote it.
    package var expectedSHA256: String {
        switch self {
        case .o200kBase: "446a9538cb6c348e3516120d7c08b09f57c36495e2acfffe59a5bf8b0cfb1a2d"
        case .cl100kBase: "223921b76ee99bde995b7ff738513eef100fb51d18c93597a113bcffe865b2a7"
        }
    }

    var pretokenizer: Pretokenizer {
        switch self {
        case .o200kBase: .o200k
        case .cl100kBase: .cl100k
        }
    }
}
