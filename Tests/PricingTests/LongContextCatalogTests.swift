import CostModel
import DistillCore
import Testing

@testable import Pricing

/// The `long_context` rule and `cache_write_1h` rates of the catalog format (pricing/README.md).
@Suite struct LongContextCatalogTests {
    /// OpenAI's shape (a scale on every tier; priority has no long-context rate) and Gemini's (an
    /// explicit higher table) side by side.
    static let text = """
        models:
          - id: scaled
            prices:
              - effective_from: 2026-01-01
                source: s
                as_of: x
                default: { input: 2.50, cached_input: 0.25, output: 15 }
                batch: { input: 1.25, cached_input: 0.125, output: 7.5 }
                priority: { input: 5, cached_input: 0.5, output: 30 }
                long_context:
                  - above_input_tokens: 272000
                    scale: { input: 2, output: 1.5 }
                    priority: { input: 9, output: 50 }
          - id: tabled
            prices:
              - effective_from: 2026-01-01
                source: s
                as_of: x
                default: { input: 1.25, cached_input: 0.31, cache_write: 1.5625, cache_write_1h: 2.5, output: 10 }
                batch: { input: 0.625, output: 5 }
                long_context:
                  - above_input_tokens: 200000
                    default: { input: 2.50, cached_input: 0.625, output: 15 }
        """

    static func price(_ model: String, _ tier: ServiceTier = .default) throws -> ResolvedPrice {
        let (catalog, diagnostics) = PriceCatalog.parse(files: [("a.yaml", text)])
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        return try #require(catalog.resolve(model: model, at: Timestamp.parse("2026-03-01") ?? 0, tier: tier).price)
    }

    static func d(_ text: String) -> ExactDecimal { ExactDecimal(text) ?? .zero }

    @Test func scalesEveryTierAboveTheThresholdAndNotAtIt() throws {
        let standard = try Self.price("scaled")
        // At exactly 272,000 input tokens the rule does not apply ("more than 272K").
        #expect(standard.rates(forInputTokens: 272_000) == standard.rates)
        // 2.50 × 2 = 5, 0.25 × 2 = 0.5 (cached takes the input factor), 15 × 1.5 = 22.5.
        #expect(standard.rates(forInputTokens: 272_001) == TokenRates(input: Self.d("5"), cachedInput: Self.d("0.5"), output: Self.d("22.5")))
        // Batch: 1.25 × 2 = 2.5, 0.125 × 2 = 0.25, 7.5 × 1.5 = 11.25.
        let batch = try Self.price("scaled", .batch)
        #expect(batch.rates(forInputTokens: 300_000) == TokenRates(input: Self.d("2.5"), cachedInput: Self.d("0.25"), output: Self.d("11.25")))
        // The explicit priority table wins over the scale; it has no cached rate, so it inherits
        // the long-context default's 0.5.
        let priority = try Self.price("scaled", .priority)
        #expect(priority.rates(forInputTokens: 300_000) == TokenRates(input: Self.d("9"), cachedInput: Self.d("0.5"), output: Self.d("50")))
    }

    @Test func leavesATierWithoutALongContextRateUnpriced() throws {
        // `tabled` publishes a batch table but its long-context rule has only `default`.
        let batch = try Self.price("tabled", .batch)
        #expect(batch.rates(forInputTokens: 200_000) == batch.rates)
        #expect(batch.rates(forInputTokens: 200_001) == nil)
        let standard = try Self.price("tabled")
        #expect(standard.rates(forInputTokens: 250_000)?.input == ExactDecimal("2.5"))
        #expect(standard.rates.cacheWriteOneHour == ExactDecimal("2.5"))
        #expect(standard.rates.cacheWrite == ExactDecimal("1.5625"))
    }

    @Test(arguments: [
        ("long_context:\n          - scale: { input: 2, output: 1.5 }", "missing the required key `above_input_tokens`"),
        ("long_context:\n          - above_input_tokens: 0\n            scale: { input: 2, output: 1.5 }", "whole number of tokens"),
        ("long_context:\n          - above_input_tokens: 1000", "needs a `scale` or a `default` table"),
        ("long_context:\n          - above_input_tokens: 1000\n            scale: { input: 1.0000000001, output: 1 }", "decimal number"),
        ("long_context:\n          - above_input_tokens: 1000\n            scale: { input: 0.3333, output: 1 }", "more than 9 decimals"),
        ("long_context:\n          - above_input_tokens: 1000\n            scale: { input: 2, output: 2 }\n          - above_input_tokens: 1000\n            scale: { input: 3, output: 3 }", "two long-context rules"),
    ])
    func rejectsMalformedRules(rule: String, words: String) {
        let text = """
            models:
              - id: m
                prices:
                  - effective_from: 2026-01-01
                    source: s
                    as_of: x
                    default: { input: 0.123456789, output: 1 }
                    \(rule)
            """
        let errors = PriceCatalog.parse(files: [("a.yaml", text)]).diagnostics.filter { $0.severity == .error }
        #expect(errors.contains { $0.message.contains(words) }, "\(errors)")
    }
}
