import CostModel
import DistillCore
import Foundation
import Testing
import TestSupport

@testable import Pricing

@Suite struct ImportTests {
    static let start = UTCDate(year: 2024, month: 1, day: 1)!

    static func fixture(_ name: String) throws -> String {
        try String(contentsOfFile: PackageRoot.fixture(name), encoding: .utf8)
    }

    /// Converts, then loads the YAML back through the catalog parser: the import is only useful if
    /// its output passes `pricing check`.
    static func roundTrip(_ imported: ImportedCatalog) throws -> PriceCatalog {
        let (catalog, diagnostics) = PriceCatalog.parse(files: [("imported.yaml", imported.yaml)])
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics)")
        return catalog
    }

    static func rates(_ catalog: PriceCatalog, _ model: String, _ date: String, _ tier: ServiceTier = .default) -> String? {
        guard let rates = catalog.resolve(model: model, at: Timestamp.parse(date) ?? 0, tier: tier).price?.rates else { return nil }
        return [rates.input, rates.cachedInput, rates.cacheWrite, rates.output].map { $0.map(\.description) ?? "-" }.joined(separator: "/")
    }

    @Test func convertsLitellmPerTokenPricesExactly() throws {
        let imported = try LiteLLMImporter(effectiveFrom: Self.start, asOf: "2026-11-29")
            .convert(try Self.fixture("litellm-1.110.2.excerpt.json"), file: "litellm.json")
        let catalog = try Self.roundTrip(imported)
        // 1.5e-07 / 7.5e-08 / 6e-07 per token → 0.15 / 0.075 / 0.6 per 1M.
        #expect(Self.rates(catalog, "gpt-4o-mini-2024-07-18", "2026-01-01") == "0.15/0.075/-/0.6")
        #expect(Self.rates(catalog, "gpt-4o-2024-05-13", "2026-01-01", .priority) == "8.75/-/-/26.25")
        #expect(Self.rates(catalog, "o4-mini", "2026-01-01", .flex) == "0.55/0.138/-/2.2")
        // Fine-tuned keys attach to their base entry, with litellm's batch rates (cached from the batch key).
        #expect(Self.rates(catalog, "ft:gpt-4o-2024-08-06:acme::1", "2026-01-01", .batch) == "2.225/0.9/-/12.5")
        #expect(Self.rates(catalog, "ft:gpt-4.1-nano-2025-04-14:acme::1", "2026-01-01") == "0.2/0.05/-/0.8")
        #expect(catalog.shutdownDate(model: "gpt-4.1-nano") == UTCDate(year: 2026, month: 10, day: 23))
        // No history: nothing before --effective-from, and no training prices.
        #expect(Self.rates(catalog, "gpt-4o", "2023-12-31") == nil)
        #expect(catalog.models.allSatisfy { $0.training.isEmpty })
        // What could not be converted is said, not dropped silently.
        #expect(imported.skipped.contains { $0.hasPrefix("ft:gpt-3.5-turbo ") })
        #expect(imported.yaml.contains("possibly mislabelled"))
        #expect(imported.yaml.contains("litellm has no training prices"))
    }

    @Test func convertsTheOlderLitellmFile() throws {
        // litellm 1.55.6 (Dec 2024): no cache-read price on ft:gpt-4o-2024-08-06 and no batch keys.
        let imported = try LiteLLMImporter(effectiveFrom: Self.start, asOf: "2024-12-17")
            .convert(try Self.fixture("litellm-1.55.6.excerpt.json"), file: "old.json")
        let catalog = try Self.roundTrip(imported)
        #expect(Self.rates(catalog, "ft:gpt-4o-2024-08-06:acme::1", "2024-12-01") == "3.75/-/-/15")
        #expect(catalog.resolve(model: "ft:gpt-4o-2024-08-06:acme::1", at: Timestamp.parse("2024-12-01")!, tier: .batch).price == nil)
    }

    @Test func convertsTheGenAIPricesProviderYAMLWithItsHistory() throws {
        let imported = try GenAIPricesImporter(effectiveFrom: Self.start, asOf: "2026-08-21")
            .convert(try Self.fixture("genai-prices-openai.excerpt.yml"), file: "openai.yml")
        let catalog = try Self.roundTrip(imported)
        // o3's dated cut survives: 10/40 before 2025-06-10, 2/8 from it.
        #expect(Self.rates(catalog, "o3-2025-04-16", "2025-06-09") == "10/0.5/-/40")
        #expect(Self.rates(catalog, "o3", "2025-06-10") == "2/0.5/-/8")
        // `equals` clauses become aliases; the `starts_with: ft:gpt-4o-2024-` entry becomes gpt-4o's
        // fine-tuned prices (no cached rate in genai-prices, so cached tokens pay the input rate).
        #expect(Self.rates(catalog, "gpt-4o-2024-11-20", "2026-01-01") == "2.5/1.25/-/10")
        #expect(Self.rates(catalog, "ft:gpt-4o-2024-08-06:acme::1", "2026-01-01") == "3.75/-/-/15")
        #expect(Self.rates(catalog, "ft:gpt-4o-mini-2024-07-18:acme::1", "2026-01-01") == "0.3/-/-/1.2")
        #expect(imported.skipped.contains { $0.hasPrefix("gpt-4o-mini-2024-07-18.ft-") })
    }

    @Test(arguments: ["genai-prices-0.2.3.excerpt.json", "genai-prices-data-v2.excerpt.json"])
    func convertsTheGenAIPricesJSONFeeds(fixture: String) throws {
        let imported = try GenAIPricesImporter(effectiveFrom: Self.start, asOf: "2026-11-29")
            .convert(try Self.fixture(fixture), file: fixture)
        let catalog = try Self.roundTrip(imported)
        #expect(Self.rates(catalog, "gpt-4.1-mini-2025-04-14", "2026-01-01") == "0.4/0.1/-/1.6")
        #expect(catalog.resolve(model: "ft:gpt-4.1-2025-04-14:acme::1", at: Timestamp.parse("2026-01-01")!, tier: .default).price == nil)
    }

    @Test func startsTierVariantsOnTheirVerificationDate() throws {
        // genai-prices 0.2.3 dates gpt-4.1's batch variant 2026-10-14: before it, batch is unpriced
        // here (genai-prices would silently charge the standard rate); from it, 1 / 0.5 / 4.
        let imported = try GenAIPricesImporter(effectiveFrom: Self.start, asOf: "2026-11-29")
            .convert(try Self.fixture("genai-prices-0.2.3.excerpt.json"), file: "wheel.json")
        let catalog = try Self.roundTrip(imported)
        #expect(Self.rates(catalog, "gpt-4.1", "2026-10-13", .batch) == nil)
        #expect(Self.rates(catalog, "gpt-4.1", "2026-10-14", .batch) == "1/0.5/-/4")
        #expect(Self.rates(catalog, "gpt-4.1", "2026-10-12", .priority) == "3.5/0.875/-/14")
        // 0.2.3 splits the 2024-05-13 snapshot out at 5 / 15.
        #expect(Self.rates(catalog, "gpt-4o-2024-05-13", "2026-01-01") == "5/-/-/15")
    }

    @Test func rejectsFilesThatAreNotTheSourceFormat() {
        #expect(throws: PricingError.self) {
            try LiteLLMImporter(effectiveFrom: Self.start, asOf: "x").convert("[1, 2]", file: "bad.json")
        }
        #expect(throws: PricingError.self) {
            try GenAIPricesImporter(effectiveFrom: Self.start, asOf: "x").convert("{\"id\": \"openai\"}", file: "bad.json")
        }
        #expect(throws: PricingError.self) {
            try LiteLLMImporter(effectiveFrom: Self.start, asOf: "x")
                .convert("{\"m\": {\"litellm_provider\": \"openai\", \"input_cost_per_token\": \"cheap\"}}", file: "bad.json")
        }
    }
}
