import Testing
import Tokenizer

@Suite struct TokenEncodingTests {
    @Test(arguments: [
        ("gpt-4o-mini-2024-07-18", TokenEncoding.o200kBase), ("gpt-4o", .o200kBase), ("gpt-4.1-nano", .o200kBase),
        ("gpt-4.1-mini-2025-04-14", .o200kBase), ("o3-mini", .o200kBase), ("o4-mini", .o200kBase), ("gpt-5", .o200kBase),
        ("ft:gpt-4o-mini-2024-07-18:acme::abc123", .o200kBase), ("gpt-4", .cl100kBase), ("gpt-4-0613", .cl100kBase),
        ("gpt-4-turbo", .cl100kBase), ("gpt-3.5-turbo-0125", .cl100kBase), ("ft:gpt-3.5-turbo:acme::x", .cl100kBase),
        ("text-embedding-3-small", .cl100kBase), ("some-future-model", .o200kBase),
    ])
    func modelFamiliesUseTheirEncoding(model: String, encoding: TokenEncoding) {
        #expect(TokenEncoding.forModel(model) == encoding)
    }

    @Test(arguments: [("gpt-3.5-turbo", 16_385), ("ft:gpt-3.5-turbo-1106:org::id", 16_385), ("gpt-4o-mini", 65_536), ("gpt-4.1", 65_536)])
    func contextLimitsPerModel(model: String, limit: Int) {
        #expect(TrainingFileAnalyzer.contextLimit(forModel: model) == limit)
    }
}
