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

    /// Field names are built only when a rule is broken: the OpenAI readers check every record of
    /// the ingest hot path, and their names are static text.
    static func check(
        _ tokens: TokenUsage, cachedField: @autoclosure () -> String, reasoningField: @autoclosure () -> String,
        audioInputField: @autoclosure () -> String = "audio input tokens",
        audioOutputField: @autoclosure () -> String = "audio output tokens"
    ) throws {
        try checkPart(tokens.audioInput, "audio", room: tokens.input, of: tokens.input, "input", field: audioInputField)
        try checkPart(
            tokens.audioOutput, "audio", room: tokens.output, of: tokens.output, "output", field: audioOutputField)
        try checkPart(
            tokens.cachedInput, "cached", room: tokens.input - tokens.cacheWrite, of: tokens.input, "input",
            field: cachedField)
        try checkPart(
            tokens.reasoning, "reasoning", room: tokens.output, of: tokens.output, "output", field: reasoningField)
    }

    /// `part` tokens may fill at most `room` of the `whole` tokens they are part of (cached input
    /// shares the input with cache writes).
    private static func checkPart(
        _ part: Int64, _ partName: String, room: Int64, of whole: Int64, _ wholeName: String, field: () -> String
    ) throws {
        guard part <= room else {
            throw IngestError.field(
                field(), "\(part) \(partName) tokens exceed the \(whole) \(wholeName) tokens they are part of")
        }
    }
}
