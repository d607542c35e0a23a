import DistillCore
import Testing
import TestSupport

@testable import CostModel

@Suite struct CostTests {
    static func rates(_ input: String, _ cached: String?, _ write: String?, _ output: String) -> TokenRates {
        TokenRates(
            input: ExactDecimal(input)!, cachedInput: cached.flatMap { ExactDecimal($0) },
            cacheWrite: write.flatMap { ExactDecimal($0) }, output: ExactDecimal(output)!)
    }

    @Test func pricesTheIssueExampleExactly() throws {
        // gpt-4o-mini: 1M input of which 400K cached, 200K output at 0.15 / 0.075 / 0.60:
        // 600K × 0.15 = 0.09, 400K × 0.075 = 0.03, 200K × 0.60 = 0.12 → 0.24.
        let usage = TokenUsage(input: 1_000_000, cachedInput: 400_000, output: 200_000)
        let breakdown = try costBreakdown(of: usage, at: Self.rates("0.15", "0.075", nil, "0.60"))
        #expect(breakdown.uncachedInput.cost.exactDecimalString == "0.09")
        #expect(breakdown.cachedInput.cost.exactDecimalString == "0.03")
        #expect(breakdown.output.cost.exactDecimalString == "0.12")
        #expect(breakdown.total.exactDecimalString == "0.24")
    }

    @Test func matchesThePeerLibrariesWorkedCheck() throws {
        // Reference §8: 1M prompt (400K cached), 1M completion (300K reasoning).
        let usage = TokenUsage(input: 1_000_000, cachedInput: 400_000, output: 1_000_000, reasoning: 300_000)
        // gpt-4o: 0.6 × 2.50 + 0.4 × 1.25 + 1 × 10 = 1.50 + 0.50 + 10.00 = 12.
        #expect(try cost(of: usage, at: Self.rates("2.50", "1.25", nil, "10.00")).exactDecimalString == "12")
        // o4-mini: 0.6 × 1.10 + 0.4 × 0.275 + 1 × 4.40 = 0.66 + 0.11 + 4.40 = 5.17 (reasoning not added again).
        #expect(try cost(of: usage, at: Self.rates("1.10", "0.275", nil, "4.40")).exactDecimalString == "5.17")
    }

    @Test func chargesCacheWritesAtTheirOwnRate() throws {
        // 1000 input = 500 uncached + 200 cached + 300 written; rates 2 / 0.2 / 2.5 / 10 per 1M:
        // 500 × 2 = 1000, 200 × 0.2 = 40, 300 × 2.5 = 750, 100 × 10 = 1000 → 2790 per 1M = 0.00279.
        let usage = TokenUsage(input: 1000, cachedInput: 200, cacheWrite: 300, output: 100)
        let breakdown = try costBreakdown(of: usage, at: Self.rates("2", "0.2", "2.5", "10"))
        #expect(breakdown.cacheWrite.cost.exactDecimalString == "0.00075")
        #expect(breakdown.total.exactDecimalString == "0.00279")
    }

    @Test func chargesTheInputRateWhenNoCachedOrWriteRateIsPublished() throws {
        // gpt-4o-2024-05-13 has no cached price: all 1000 input tokens at 5 → 0.005, + 100 × 15 = 0.0015.
        let usage = TokenUsage(input: 1000, cachedInput: 400, cacheWrite: 100, output: 100)
        #expect(try cost(of: usage, at: Self.rates("5", nil, nil, "15")).exactDecimalString == "0.0065")
    }

    @Test(arguments: [
        TokenUsage(input: -1, output: 0),
        TokenUsage(input: 10, cachedInput: 11, output: 0),
        TokenUsage(input: 10, cachedInput: 6, cacheWrite: 5, output: 0),
        TokenUsage(input: 10, output: 5, reasoning: 6),
    ])
    func rejectsUsageThatContradictsTheAPINesting(usage: TokenUsage) {
        #expect(throws: CostModelError.self) { try cost(of: usage, at: Self.rates("1", nil, nil, "1")) }
    }

    @Test func aggregateCostEqualsTheSumOfRequestCosts() throws {
        // Property: for thousands of random requests over three price keys, Σ per-request cost equals
        // the cost of Σ tokens per key (cost is linear within one price).
        var generator = SplitMix64(seed: 0x5EED_2026)
        let keys = [
            Self.rates("0.15", "0.075", nil, "0.60"), Self.rates("2.225", "0.90", nil, "12.50"),
            Self.rates("1.75", "0.175", "2.1875", "14"),
        ]
        var perRequestSum = [Money](repeating: .zero, count: keys.count)
        var tokenSums = [TokenUsage](repeating: .zero, count: keys.count)
        for _ in 0..<5000 {
            let key = Int(generator.next() % UInt64(keys.count))
            let input = Int64(generator.next() % 200_000)
            let cached = input == 0 ? 0 : Int64(generator.next() % UInt64(input + 1))
            let write = input - cached == 0 ? 0 : Int64(generator.next() % UInt64(input - cached + 1))
            let output = Int64(generator.next() % 50_000)
            let reasoning = output == 0 ? 0 : Int64(generator.next() % UInt64(output + 1))
            let usage = TokenUsage(input: input, cachedInput: cached, cacheWrite: write, output: output, reasoning: reasoning)
            perRequestSum[key] += try cost(of: usage, at: keys[key])
            tokenSums[key] += usage
        }
        for index in keys.indices {
            #expect(try cost(of: tokenSums[index], at: keys[index]) == perRequestSum[index])
        }
        #expect(perRequestSum.allSatisfy { !$0.isZero })
    }
}
