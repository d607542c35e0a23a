import CostModel
import DistillCore
import Testing

@testable import Pricing

/// Importers keep long-context and cache-write rates, read JSON with surrogate-pair escapes, and
/// `PriceDifference` lists what differs (issue 15). Fixtures are hand-written in the sources'
/// shapes; numbers are gpt-5.4's and gpt-6-sol's as both peers publish them.
@Suite struct ImportLongContextTests {
    static let start = UTCDate(iso: "2026-03-05") ?? UTCDate(daysSinceEpoch: 0)

    /// genai-prices data.json shape: tiered prices `{base, tiers: [{start, price}]}`, a batch variant
    /// with its own tiers, a flat priority variant, and a 🐬 written as a surrogate pair.
    static let genAIPrices = #"""
        [{"id": "openai", "name": "OpenAI \ud83d\udc2c", "pricing_urls": ["https://example.test/pricing"], "models": [
          {"id": "gpt-5.4", "description": "dolphin \ud83d\udc2c and a literal \\ud83d", "match": {"or": [{"equals": "gpt-5.4"}, {"equals": "gpt-5.4-2026-03-05"}]},
           "prices": {"input_mtok": {"base": 2.5, "tiers": [{"start": 272000, "price": 5}]},
                      "cache_read_mtok": {"base": 0.25, "tiers": [{"start": 272000, "price": 0.5}]},
                      "output_mtok": {"base": 15, "tiers": [{"start": 272000, "price": 22.5}]}},
           "price_variants": [
             {"when": {"service_tier": "priority"}, "prices": {"input_mtok": 5, "cache_read_mtok": 0.5, "output_mtok": 30}},
             {"when": {"processing": "batch"}, "prices": {"input_mtok": {"base": 1.25, "tiers": [{"start": 272000, "price": 2.5}]},
                                                          "output_mtok": {"base": 7.5, "tiers": [{"start": 272000, "price": 11.25}]}}}]},
          {"id": "gpt-6-sol", "match": {"equals": "gpt-6-sol"},
           "prices": {"input_mtok": 2, "cache_write_mtok": 2.5, "cache_read_mtok": 0.2, "output_mtok": 10}}]}]
        """#

    /// litellm shape: per-token prices with `_above_272k_tokens` keys, and a surrogate pair.
    static let liteLLM = #"""
        {"gpt-5.4": {"litellm_provider": "openai", "mode": "chat", "comment": "\ud83d\udc2c",
          "input_cost_per_token": 2.5e-06, "cache_read_input_token_cost": 2.5e-07, "output_cost_per_token": 1.5e-05,
          "input_cost_per_token_above_272k_tokens": 5e-06, "cache_read_input_token_cost_above_272k_tokens": 5e-07,
          "output_cost_per_token_above_272k_tokens": 2.25e-05,
          "input_cost_per_token_batches": 1.25e-06, "output_cost_per_token_batches": 7.5e-06,
          "input_cost_per_token_above_272k_tokens_batches": 2.5e-06, "output_cost_per_token_above_272k_tokens_batches": 1.125e-05}}
        """#

    @Test func keepsGenAIPricesTiersAsLongContextRules() throws {
        let imported = try GenAIPricesImporter(effectiveFrom: Self.start, asOf: "2026-12-01").convert(Self.genAIPrices, file: "data.json")
        let (catalog, diagnostics) = PriceCatalog.parse(files: [("imported.yaml", imported.yaml)])
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics)\n\(imported.yaml)")
        let at = Timestamp.parse("2026-11-01") ?? 0
        let standard = try #require(catalog.resolve(model: "gpt-5.4", at: at, tier: .default).price)
        // Long: 5 / 0.5 / 22.5, as the tiers say.
        #expect(standard.rates(forInputTokens: 300_000).map { "\($0.input)/\($0.effectiveCachedInput)/\($0.output)" } == "5/0.5/22.5")
        // Batch tiers give input and output; cached comes from the standard tiered cache price
        // above the threshold (0.5), as genai-prices would compute it.
        let batch = try #require(catalog.resolve(model: "gpt-5.4", at: at, tier: .batch).price)
        #expect(batch.rates(forInputTokens: 300_000).map { "\($0.input)/\($0.effectiveCachedInput)/\($0.output)" } == "2.5/0.5/11.25")
        // The flat priority variant has no tiers: unpriced above 272K, never short-priced.
        let priority = try #require(catalog.resolve(model: "gpt-5.4", at: at, tier: .priority).price)
        #expect(priority.rates(forInputTokens: 300_000) == nil)
        #expect(catalog.resolve(model: "gpt-6-sol", at: at, tier: .default).price?.rates.cacheWrite == ExactDecimal("2.5"))
    }

    @Test func keepsLiteLLMAboveThresholdKeys() throws {
        let imported = try LiteLLMImporter(provider: "openai", effectiveFrom: Self.start, asOf: "2026-12-01")
            .convert(Self.liteLLM, file: "litellm.json")
        let (catalog, _) = PriceCatalog.parse(files: [("imported.yaml", imported.yaml)])
        let batch = try #require(catalog.resolve(model: "gpt-5.4", at: Timestamp.parse("2026-11-01") ?? 0, tier: .batch).price)
        // 2.5e-06 per token = 2.5 per 1M; 1.125e-05 = 11.25.
        #expect(batch.rates(forInputTokens: 272_001).map { "\($0.input)/\($0.output)" } == "2.5/11.25")
        #expect(!imported.yaml.contains("not converted"))
    }

    @Test(arguments: [
        (#""\ud83d\udc2c""#, #""\U0001F42C""#),
        (#""\\ud83d\\udc2c""#, #""\\ud83d\\udc2c""#),
        (#""\ud83d""#, #""\ud83d""#),
        (#""a\"\uD83D\uDE00b""#, #""a\"\U0001F600b""#),
    ])
    func rewritesOnlyRealSurrogatePairs(json: String, yaml: String) {
        #expect(SurrogatePairs.yamlEscaped(json) == yaml)
    }

    @Test func listsEveryDifferenceAndMissingPrice() throws {
        let catalogText = """
            provider: openai
            models:
              - id: gpt-5.4
                prices:
                  - effective_from: 2026-03-05
                    source: s
                    as_of: x
                    default: { input: 2.50, cached_input: 0.25, output: 15 }
                    batch: { input: 1.25, cached_input: 0.13, output: 7.5 }
              - id: only-here
                prices:
                  - { effective_from: 2026-01-01, source: s, as_of: x, default: { input: 1, output: 2 } }
            """
        let (catalog, _) = PriceCatalog.parse(files: [("openai.yaml", catalogText)])
        // As `pricing diff` does for litellm (no history): its prices start on the day compared.
        let day = UTCDate(iso: "2026-11-29") ?? Self.start
        let imported = try LiteLLMImporter(provider: "openai", effectiveFrom: day, asOf: "x").convert(Self.liteLLM, file: "litellm.json")
        let lines = PriceDifference.between(catalog, and: imported, on: day, undatedStart: day).map(\.description)
        #expect(lines == [
            // The batch cached rate: ours 0.13, litellm none (the standard 0.25 is inherited).
            "gpt-5.4  batch  2026-11-29  catalog 1.25 / 0.13 / 1.25 / 7.5  file 1.25 / 0.25 / 1.25 / 7.5",
            "gpt-5.4  default >272000  2026-11-29  catalog no price  file 5 / 0.5 / 5 / 22.5",
            "gpt-5.4  batch >272000  2026-11-29  catalog no price  file 2.5 / 0.5 / 2.5 / 11.25",
            "only-here  default  2026-11-29  catalog 1 / 1 / 1 / 2  file no price",
        ])
    }
}
