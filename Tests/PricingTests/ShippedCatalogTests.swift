import CostModel
import DistillCore
import Testing
import TestSupport

@testable import Pricing

@Suite struct ShippedCatalogTests {
    static let catalog: PriceCatalog? = try? PriceCatalog.load(directories: [PackageRoot.pricing])

    static func at(_ date: String) -> Int64 { Timestamp.parse(date) ?? 0 }

    static func price(_ model: String, _ date: String = "2026-11-29", _ tier: ServiceTier = .default) throws -> ResolvedPrice {
        let catalog = try #require(catalog)
        let resolution = catalog.resolve(model: model, at: at(date), tier: tier)
        guard case .priced(let price) = resolution else {
            Issue.record("\(model) was not priced: \(resolution)")
            throw PricingError.importFailed(location: nil, reason: "unpriced")
        }
        return price
    }

    static func rates(_ model: String, _ date: String = "2026-11-29", _ tier: ServiceTier = .default) throws -> String {
        let rates = try price(model, date, tier).rates
        return [rates.input, rates.cachedInput, rates.cacheWrite, rates.output].map { $0.map(\.description) ?? "-" }
            .joined(separator: "/")
    }

    @Test func passesItsOwnCheck() throws {
        let (_, diagnostics) = try PriceCatalog.check(directories: [PackageRoot.pricing])
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics)")
        let (_, exampleDiagnostics) = try PriceCatalog.check(directories: [PackageRoot.examples])
        #expect(exampleDiagnostics.filter { $0.severity == .error }.isEmpty, "\(exampleDiagnostics)")
    }

    @Test func quotesTheIssueExampleAtExactly024() throws {
        // 600K × 0.15 + 400K × 0.075 + 200K × 0.60 = 0.09 + 0.03 + 0.12.
        let price = try Self.price("gpt-4o-mini-2024-07-18")
        #expect(price.model == "gpt-4o-mini")
        #expect(price.location.file.hasSuffix("pricing/openai.yaml"))
        let usage = TokenUsage(input: 1_000_000, cachedInput: 400_000, output: 200_000)
        #expect(try cost(of: usage, at: price.rates).exactDecimalString == "0.24")
    }

    @Test(arguments: [
        // (model, date, tier, input/cached/write/output)
        ("gpt-4o", "2024-06-01", ServiceTier.default, "5/-/-/15"),
        ("gpt-4o-2024-08-06", "2024-09-01", .default, "2.5/-/-/10"),
        ("gpt-4o", "2026-11-29", .default, "2.5/1.25/-/10"),
        ("gpt-4o-2024-05-13", "2026-01-01", .default, "5/-/-/15"),
        ("gpt-4o", "2026-11-29", .batch, "1.25/1.25/-/5"),
        ("gpt-4o", "2026-11-29", .priority, "4.25/2.125/-/17"),
        ("o3", "2025-06-09", .default, "10/2.5/-/40"),
        ("o3-2025-04-16", "2025-06-10", .default, "2/0.5/-/8"),
        ("o3", "2025-07-01", .flex, "1/0.25/-/4"),
        ("o4-mini", "2026-01-01", .flex, "0.55/0.138/-/2.2"),
        ("gpt-4.1-nano-2025-04-14", "2026-01-01", .priority, "0.2/0.05/-/0.8"),
        ("gpt-5", "2026-01-01", .batch, "0.625/0.0625/-/5"),
        ("gpt-5-mini-2025-08-07", "2026-01-01", .priority, "0.45/0.045/-/3.6"),
        ("gpt-5-nano-2025-08-07", "2026-01-01", .flex, "0.025/0.0025/-/0.2"),
    ])
    func pricesDatedSnapshotsTiersAndPeriods(model: String, date: String, tier: ServiceTier, expected: String) throws {
        #expect(try Self.rates(model, date, tier) == expected)
    }

    @Test(arguments: [
        ("ft:gpt-4o-mini-2024-07-18:acme:triage:AbC123", ServiceTier.default, "0.3/0.15/-/1.2"),
        ("ft:gpt-4o-mini-2024-07-18:acme:triage:AbC123", .batch, "0.15/0.075/-/0.6"),
        ("ft:gpt-4o-2024-08-06:acme::xyz", .batch, "2.225/0.9/-/12.5"),
        ("ft:gpt-4.1-2025-04-14:acme:s:1", .batch, "1.5/0.5/-/6"),
        ("ft:gpt-4.1-mini-2025-04-14:acme:s:1", .default, "0.8/0.2/-/3.2"),
        ("ft:gpt-4.1-nano-2025-04-14:acme:s:1", .default, "0.2/0.05/-/0.8"),
        ("ft:o4-mini-2025-04-16:acme:rft:1", .default, "4/1/-/16"),
    ])
    func pricesFineTunesAtTheirOwnRates(model: String, tier: ServiceTier, expected: String) throws {
        let price = try Self.price(model, "2026-01-01", tier)
        #expect(price.isFineTuned)
        #expect(try Self.rates(model, "2026-01-01", tier) == expected)
    }

    @Test(arguments: [
        // Reference §8, both peer libraries run on 1M prompt (400K cached), 1M completion (300K reasoning):
        ("gpt-4o", ServiceTier.default, "12"),  // 0.6 × 2.50 + 0.4 × 1.25 + 10.00
        ("gpt-4o", .batch, "6.25"),  // 0.6 × 1.25 + 0.4 × 1.25 (standard cached) + 5.00
        ("o4-mini", .default, "5.17"),  // 0.6 × 1.10 + 0.4 × 0.275 + 4.40
        ("ft:gpt-4o-mini-2024-07-18:acme::1", .default, "1.44"),  // litellm: 0.18 + 0.4 × 0.15 + 1.20
        ("ft:gpt-4.1-2025-04-14:acme::1", .default, "14.1"),  // litellm: 1.80 + 0.30 + 12.00
    ])
    func matchesThePeerLibrariesWorkedCheck(model: String, tier: ServiceTier, expected: String) throws {
        let price = try Self.price(model, "2026-11-29", tier)
        let usage = TokenUsage(input: 1_000_000, cachedInput: 400_000, output: 1_000_000, reasoning: 300_000)
        #expect(try cost(of: usage, at: price.rates).exactDecimalString == expected)
    }

    @Test(arguments: [
        "gpt-4o-2024-05-13-turbo", "claude-3-opus", "gpt-5-2025-09-01", "ft:gpt-4o-2024-05-13:acme::1", "ft:gpt-5:acme::1", "",
        "ft:unknown-model:acme::1",
    ])
    func leavesUnknownNamesUnpriced(model: String) throws {
        let catalog = try #require(Self.catalog)
        guard case .unpriced(let reason) = catalog.resolve(model: model, at: Self.at("2026-01-01"), tier: .default) else {
            Issue.record("\(model) should be unpriced")
            return
        }
        #expect(!reason.isEmpty)
    }

    @Test func leavesUnpublishedTiersAndDatesUnpriced() throws {
        let catalog = try #require(Self.catalog)
        // gpt-5-nano publishes no priority rate; GPT-5.6 Terra's tier rates before its 2026-07-30
        // cut are recorded by neither peer; gpt-4.1 did not exist in 2024.
        #expect(catalog.resolve(model: "gpt-5-nano", at: Self.at("2026-01-01"), tier: .priority).price == nil)
        #expect(catalog.resolve(model: "gpt-5.6-terra", at: Self.at("2026-07-01"), tier: .batch).price == nil)
        #expect(catalog.resolve(model: "gpt-4.1", at: Self.at("2024-12-31"), tier: .default).price == nil)
    }

    @Test func knowsTrainingPricesAndShutdownDates() throws {
        let catalog = try #require(Self.catalog)
        let now = Self.at("2026-01-01")
        #expect(catalog.trainingPrice(forBaseModel: "gpt-4o-mini-2024-07-18", at: now)?.price == .perMillionTokens(ExactDecimal(3)))
        #expect(catalog.trainingPrice(forBaseModel: "gpt-4o-2024-08-06", at: now)?.price == .perMillionTokens(ExactDecimal(25)))
        #expect(catalog.trainingPrice(forBaseModel: "gpt-4.1-nano-2025-04-14", at: now)?.price == .perMillionTokens(ExactDecimal("1.5")!))
        #expect(catalog.trainingPrice(forBaseModel: "o4-mini-2025-04-16", at: now)?.price == .perHour(ExactDecimal(100)))
        #expect(catalog.trainingPrice(forBaseModel: "gpt-5", at: now) == nil)
        #expect(catalog.shutdownDate(model: "ft:gpt-4.1-nano-2025-04-14:acme::1") == UTCDate(year: 2026, month: 10, day: 23))
        #expect(catalog.shutdownDate(model: "gpt-4o-mini") == UTCDate(year: 2027, month: 1, day: 14))
        #expect(catalog.shutdownDate(model: "gpt-5.2") == nil)
        // litellm 1.110.2 names gpt-6-luna as the successor of the fine-tunable 2027-01-14 bases.
        #expect(catalog.family(of: "gpt-4o-mini-2024-07-18")?.successor == "gpt-6-luna")
        #expect(catalog.family(of: "gpt-5.2")?.successor == nil)
    }

    @Test func citesASourceForEveryPrice() throws {
        let catalog = try #require(Self.catalog)
        let required = ["gpt-4o", "gpt-4o-2024-05-13", "gpt-4o-mini", "gpt-4.1", "gpt-4.1-mini", "gpt-4.1-nano", "o3", "o4-mini", "gpt-5", "gpt-5-mini", "gpt-5-nano"]
        for id in required { #expect(catalog.model(named: id) != nil, "\(id) missing") }
        for model in catalog.models {
            for table in model.prices + (model.fineTuned?.tables ?? []) {
                #expect(!table.source.isEmpty && !table.asOf.isEmpty, "\(model.id) at \(table.location)")
            }
            #expect((model.shutdown == nil) == (model.shutdownSource == nil), "\(model.id)")
        }
    }
}
