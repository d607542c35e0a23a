import DistillCore

/// The consistency rules every token count obeys, with the API's semantics: cached and cache-write
/// tokens are part of the input, reasoning tokens part of the output. A record breaking them is a
/// broken export, and storing it would make every cost computed from it wrong.
enum TokenRule {
    /// The largest count one record may hold: ten trillion tokens ($1.5 million of gpt-4o-mini input
    /// in one row) is more than any organisation's daily use of one model, so a larger number is a
    /// unit or parsing mistake. The bound also keeps sums exact: SQLite's checked `sum()` reaches
    /// Int64.max only after 922,337 records at the bound on one day.
    static let maximumCount: Int64 = 10_000_000_000_000

    /// `value` if it is at most `maximumCount`.
    static func bounded(_ value: Int64, field: String) throws -> Int64 {
        guard value <= maximumCount else {
            throw IngestError.field(field, "must be at most 10000000000000 (ten trillion per record), found \(value)")
        }
        return value
    }

    static func check(
        _ tokens: TokenUsage, cachedField: String, reasoningField: String, audioInputField: String = "audio input tokens",
        audioOutputField: String = "audio output tokens"
    ) throws {
        if tokens.audioInput > tokens.input {
            throw IngestError.field(
                audioInputField,
                "\(tokens.audioInput) audio tokens exceed the \(tokens.input) input tokens they are part of")
        }
        if tokens.audioOutput > tokens.output {
            throw IngestError.field(
                audioOutputField,
                "\(tokens.audioOutput) audio tokens exceed the \(tokens.output) output tokens they are part of")
        }
        if tokens.cachedInput > tokens.input - tokens.cacheWrite {
            throw IngestError.field(
                cachedField,
                "\(tokens.cachedInput) cached tokens exceed the \(tokens.input) input tokens they are part of")
        }
        if tokens.reasoning > tokens.output {
            throw IngestError.field(
                reasoningField,
                "\(tokens.reasoning) reasoning tokens exceed the \(tokens.output) output tokens they are part of")
        }
    }
}
