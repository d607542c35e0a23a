import Store

/// The consistency rules every token count obeys, with the API's semantics: cached and cache-write
/// tokens are part of the input, reasoning tokens part of the output. A record breaking them is a
/// broken export, and storing it would make every cost computed from it wrong.
enum TokenRule {
    static func check(_ tokens: TokenCounts, cachedField: String, reasoningField: String) throws {
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
