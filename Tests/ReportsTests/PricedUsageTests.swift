import Analytics
import CostModel
import DistillCore
import Pricing
import Testing
import TestSupport

@testable import Reports

/// `PricedUsage` is how every report prices usage: one price per (day, model, tier) row, applied
/// to the row's summed tokens. These check that this is exact, that a price change splits the
/// money at the day it takes effect, and that unpriced usage is kept, never $0.
@Suite struct PricedUsageTests {
    static func catalog() throws -> PriceCatalog { try PriceCatalog.load(directories: [PackageRoot.appending("pricing")]) }

    func row(_ model: String, _ day: UTCDate, tier: String = "default", requests: Int64 = 1, tokens: TokenUsage) -> UsageRow {
        UsageRow(
            day: day, model: model, isBatch: false, serviceTier: tier, project: "", tagValue: nil, requests: requests,
            failed: 0, tokens: tokens, origin: .requests)
    }

    /// Property over the shipped catalog: 400 seeded random groups of up to 20 requests across
    /// models (priced, fine-tuned, unknown), days from 2024-05-13 to 2026-11-29 and tiers. A group's
    /// summed tokens priced once must equal the sum of its requests priced one by one, exactly.
    @Test func aDailyAggregateCostsExactlyTheSumOfItsRequests() throws {
        let catalog = try Self.catalog()
        var generator = SplitMix64(seed: 42)
        let models = ["gpt-4o-mini-2024-07-18", "ft:gpt-4o-mini-2024-07-18:acme:s:1", "gpt-4o", "o3", "gpt-5-nano", "gpt-unknown", "gpt-4.1"]
        let first = UTCDate(year: 2024, month: 5, day: 13)!
        let days = UTCDate(year: 2026, month: 11, day: 29)!.daysSinceEpoch - first.daysSinceEpoch
        var rows: [UsageRow] = []
        var expected: Money = .zero
        var unpricedTokens: Int64 = 0
        for _ in 0..<400 {
            let model = models[Int(generator.next() % UInt64(models.count))]
            let day = first.adding(days: Int(generator.next() % UInt64(days)))
            let tier = ServiceTier.allCases[Int(generator.next() % 4)]
            var total = TokenUsage.zero
            let count = Int64(1 + generator.next() % 20)
            for _ in 0..<count {
                let input = Int64(generator.next() % 100_000)
                let usage = TokenUsage(
                    input: input, cachedInput: Int64(generator.next() % UInt64(input + 1)), output: Int64(generator.next() % 20_000))
                total += usage
                switch catalog.resolve(model: model, at: day.unixSeconds, tier: tier) {
                case .priced(let price): expected += try cost(of: usage, at: price.rates)
                case .unpriced: unpricedTokens += usage.input + usage.output
                }
            }
            rows.append(row(model, day, tier: tier.rawValue, requests: count, tokens: total))
        }
        let priced = try PricedUsage.price(rows, with: catalog)
        #expect(priced.compactMap(\.cost).sum() == expected)
        let unpriced = PricedUsage.unpricedModels(priced)
        #expect(unpriced.reduce(0) { $0 + $1.tokens.input + $1.tokens.output } == unpricedTokens)
        #expect(unpriced.contains { $0.model == "gpt-unknown" })
        #expect(PricedUsage.pricesUsed(priced).count > 10)
    }

    @Test func aPriceChangeSplitsTheMoneyAtItsDay() throws {
        // o3: 1M input + 1M output on 2025-06-09 at 10/40 = 50; on 2025-06-10 at 2/8 = 10 each.
        let usage = TokenUsage(input: 1_000_000, output: 1_000_000)
        let rows = [
            row("o3", UTCDate(iso: "2025-06-09")!, tokens: usage),
            row("o3-2025-04-16", UTCDate(iso: "2025-06-10")!, requests: 3, tokens: usage),
        ]
        let priced = try PricedUsage.price(rows, with: try Self.catalog())
        #expect(priced.map { $0.cost?.exactDecimalString } == ["50", "10"])
        #expect(PricedTotals(priced).pricedCost == Money(60))
    }

    @Test func unpricedUsageIsKeptByModelWithItsTokensNeverAsZero() throws {
        let usage = TokenUsage(input: 10, output: 5)
        let rows = [
            row("mystery", UTCDate(iso: "2026-11-02")!, tokens: usage),
            row("mystery", UTCDate(iso: "2026-11-03")!, requests: 2, tokens: usage),
            row("gpt-4o", UTCDate(iso: "2026-11-03")!, tier: "gold", tokens: usage),
        ]
        let priced = try PricedUsage.price(rows, with: try Self.catalog())
        #expect(priced.allSatisfy { $0.cost == nil })
        let unpriced = PricedUsage.unpricedModels(priced)
        #expect(unpriced.map(\.model) == ["gpt-4o", "mystery"])
        #expect(unpriced[1].tokens == TokenUsage(input: 20, output: 10))
        #expect(unpriced[1].requests == 3)
        #expect(unpriced[0].reason == "unknown service tier \"gold\"")
        let totals = PricedTotals(priced)
        #expect(totals.unpricedRequests == 4)
        #expect(totals.cost == nil)
    }
}
