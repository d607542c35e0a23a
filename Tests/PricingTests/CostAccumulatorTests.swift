import TestSupport
import CostModel
import DistillCore
import Testing

@testable import Pricing

@Suite struct CostAccumulatorTests {
    static func catalog() throws -> PriceCatalog { try PriceCatalog.load(directories: [PackageRoot.pricing]) }

    @Test func aggregatePricingEqualsTheSumOfRequestPrices() throws {
        // Property over the shipped catalog: 4000 seeded random requests across models (priced,
        // fine-tuned, unknown), days from 2024-05-13 to 2026-11-29 and tiers. Σ tokens × price per
        // (model, period, tier) must equal Σ of each request priced on its own, to the 10⁻¹⁵.
        let catalog = try Self.catalog()
        var accumulator = CostAccumulator(catalog: catalog)
        var generator = SplitMix64(seed: 42)
        let models = ["gpt-4o-mini-2024-07-18", "ft:gpt-4o-mini-2024-07-18:acme:s:1", "gpt-4o", "o3", "gpt-5-nano", "gpt-unknown", "gpt-4.1"]
        let first = UTCDate(year: 2024, month: 5, day: 13)!.unixSeconds
        let span = UTCDate(year: 2026, month: 11, day: 29)!.unixSeconds - first
        var expected: Money = .zero
        var unpricedTokens: Int64 = 0
        for _ in 0..<4000 {
            let model = models[Int(generator.next() % UInt64(models.count))]
            let at = first + Int64(generator.next() % UInt64(span))
            let tier = ServiceTier.allCases[Int(generator.next() % 4)]
            let input = Int64(generator.next() % 100_000)
            let cached = Int64(generator.next() % UInt64(input + 1))
            let output = Int64(generator.next() % 20_000)
            let usage = TokenUsage(input: input, cachedInput: cached, output: output)
            switch catalog.resolve(model: model, at: at, tier: tier) {
            case .priced(let price): expected += try cost(of: usage, at: price.rates)
            case .unpriced: unpricedTokens += input + output
            }
            try accumulator.add(model: model, at: at, tier: tier, usage: usage)
        }
        #expect(try accumulator.totals()["USD"] == expected)
        #expect(accumulator.unpricedLines.reduce(0) { $0 + $1.usage.input + $1.usage.output } == unpricedTokens)
        #expect(accumulator.unpricedLines.contains { $0.model == "gpt-unknown" })
        #expect(try accumulator.pricedLines().count > 10)
    }

    @Test func splitsUsageAtAPriceChange() throws {
        // o3: 1M input + 1M output on 2025-06-09 at 10/40 = 50; the same on 2025-06-10 at 2/8 = 10.
        var accumulator = CostAccumulator(catalog: try Self.catalog())
        let usage = TokenUsage(input: 1_000_000, output: 1_000_000)
        try accumulator.add(model: "o3", at: Timestamp.parse("2025-06-09T23:59:59Z")!, tier: .default, usage: usage)
        try accumulator.add(model: "o3-2025-04-16", at: Timestamp.parse("2025-06-10T00:00:00Z")!, tier: .default, usage: usage, requests: 3)
        let lines = try accumulator.pricedLines()
        #expect(lines.map(\.cost.total.exactDecimalString) == ["50", "10"])
        #expect(lines.map(\.requests) == [1, 3])
        #expect(try accumulator.totals() == ["USD": Money(60)])
    }

    @Test func keepsUnpricedUsageByModelAndReason() throws {
        var accumulator = CostAccumulator(catalog: try Self.catalog())
        let usage = TokenUsage(input: 10, output: 5)
        try accumulator.add(model: "mystery", at: 0, tier: .default, usage: usage)
        try accumulator.add(model: "mystery", at: 86_400, tier: .default, usage: usage, requests: 2)
        #expect(accumulator.unpricedLines.count == 1)
        #expect(accumulator.unpricedLines.first?.usage == TokenUsage(input: 20, output: 10))
        #expect(accumulator.unpricedLines.first?.requests == 3)
        #expect(try accumulator.totals().isEmpty)
        #expect(throws: CostModelError.self) {
            try accumulator.add(model: "gpt-4o", at: 0, tier: .default, usage: TokenUsage(input: 1, cachedInput: 2, output: 0))
        }
    }
}
