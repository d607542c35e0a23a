import Foundation
import Testing
import TestSupport

/// Hand-worked `pricing quote` totals for the 2026 catalog (issue 15), run through the built
/// binary so tier names (`fast`), prefixes and aliases are parsed as a user types them. Each
/// expected total is worked out in its comment from the rates in pricing/openai.yaml: tokens ×
/// USD per 1M, with `--input` including cached and cache-write tokens.
@Suite struct QuoteTableTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let model: String
        let tier: String
        let at: String
        let input: Int
        let cached: Int
        let cacheWrite: Int
        let output: Int
        let total: String
        var testDescription: String { "\(model) \(tier) \(at) \(input) in" }
    }

    static let cases: [Case] = [
        // 80,000 × 2.50 + 20,000 × 0.25 + 10,000 × 15 = 0.2 + 0.005 + 0.15
        Case(model: "gpt-5.4", tier: "default", at: "2026-11-01", input: 100_000, cached: 20_000, cacheWrite: 0, output: 10_000, total: "0.355"),
        // batch 1.25 / 0.13 / 7.5: 0.1 + 0.0026 + 0.075
        Case(model: "gpt-5.4", tier: "batch", at: "2026-11-01", input: 100_000, cached: 20_000, cacheWrite: 0, output: 10_000, total: "0.1776"),
        // flex publishes the same rates as batch
        Case(model: "gpt-5.4", tier: "flex", at: "2026-11-01", input: 100_000, cached: 20_000, cacheWrite: 0, output: 10_000, total: "0.1776"),
        // priority 5 / 0.5 / 30: 0.4 + 0.01 + 0.3
        Case(model: "gpt-5.4", tier: "priority", at: "2026-11-01", input: 100_000, cached: 20_000, cacheWrite: 0, output: 10_000, total: "0.71"),
        // `fast` is priority
        Case(model: "gpt-5.4", tier: "fast", at: "2026-11-01", input: 100_000, cached: 20_000, cacheWrite: 0, output: 10_000, total: "0.71"),
        // long context, 300,000 > 272,000 input: the whole request at 5 / 0.5 / 22.5:
        // 200,000 × 5 + 100,000 × 0.5 + 20,000 × 22.5 = 1.0 + 0.05 + 0.45 (short rates would give 0.825)
        Case(model: "gpt-5.4", tier: "default", at: "2026-11-01", input: 300_000, cached: 100_000, cacheWrite: 0, output: 20_000, total: "1.5"),
        // exactly 272,000 is not "more than": short rates, 272,000 × 2.5 = 0.68
        Case(model: "gpt-5.4", tier: "default", at: "2026-11-01", input: 272_000, cached: 0, cacheWrite: 0, output: 0, total: "0.68"),
        // an alias (the dated snapshot) prices as gpt-5.4
        Case(model: "gpt-5.4-2026-03-05", tier: "default", at: "2026-11-01", input: 100_000, cached: 20_000, cacheWrite: 0, output: 10_000, total: "0.355"),
        // cache writes after the Sol cut, 4 / 0.4 / 5 / 20: 40,000 × 4 + 40,000 × 0.4 + 20,000 × 5 + 5,000 × 20
        // = 0.16 + 0.016 + 0.1 + 0.1
        Case(model: "gpt-5.6-sol", tier: "default", at: "2026-11-01", input: 100_000, cached: 40_000, cacheWrite: 20_000, output: 5_000, total: "0.376"),
        // before the cut, 5 / 0.5 / 6.25 / 30: 0.2 + 0.02 + 0.125 + 0.15
        Case(model: "gpt-5.6-sol", tier: "default", at: "2026-08-01", input: 100_000, cached: 40_000, cacheWrite: 20_000, output: 5_000, total: "0.495"),
        // gpt-5.6 is GPT-5.6 Sol's short name
        Case(model: "gpt-5.6", tier: "default", at: "2026-11-01", input: 100_000, cached: 40_000, cacheWrite: 20_000, output: 5_000, total: "0.376"),
        // an `openai/` name (OpenRouter): 600,000 × 0.15 + 400,000 × 0.075 + 200,000 × 0.60 = 0.09 + 0.03 + 0.12
        Case(model: "openai/gpt-4o-mini", tier: "default", at: "2026-11-01", input: 1_000_000, cached: 400_000, cacheWrite: 0, output: 200_000, total: "0.24"),
        // `azure/` and its own-priced codex mini: 1M × 0.25 + 1M × 2
        Case(model: "azure/gpt-5.1-codex-mini", tier: "default", at: "2026-11-01", input: 1_000_000, cached: 0, cacheWrite: 0, output: 1_000_000, total: "2.25"),
        // gpt-5-chat at gpt-5 rates: 1M × 1.25 + 100,000 × 10
        Case(model: "gpt-5-chat", tier: "default", at: "2026-06-01", input: 1_000_000, cached: 0, cacheWrite: 0, output: 100_000, total: "2.25"),
        // gpt-5.2 priority 3.50 / 28 and flex 0.875 / 7, 1M in and out each
        Case(model: "gpt-5.2", tier: "priority", at: "2026-11-01", input: 1_000_000, cached: 0, cacheWrite: 0, output: 1_000_000, total: "31.5"),
        Case(model: "gpt-5.2", tier: "flex", at: "2026-11-01", input: 1_000_000, cached: 0, cacheWrite: 0, output: 1_000_000, total: "7.875"),
        // gpt-6-luna batch, long: 400,000 × (0.05 × 2) + 100,000 × (0.25 × 1.5) = 0.04 + 0.0375
        Case(model: "gpt-6-luna", tier: "batch", at: "2026-11-01", input: 400_000, cached: 0, cacheWrite: 0, output: 100_000, total: "0.0775"),
        // o3 flex before the 2025-06-10 cut, 5 / 1.25 / 20: 500,000 × 5 + 500,000 × 1.25 + 1M × 20 = 2.5 + 0.625 + 20
        Case(model: "o3", tier: "flex", at: "2025-05-01", input: 1_000_000, cached: 500_000, cacheWrite: 0, output: 1_000_000, total: "23.125"),
        // o3 batch before the cut, 5 / 20 with the standard cached 2.50: 2.5 + 1.25 + 20
        Case(model: "o3-2025-04-16", tier: "batch", at: "2025-05-01", input: 1_000_000, cached: 500_000, cacheWrite: 0, output: 1_000_000, total: "23.75"),
    ]

    @Test(arguments: cases)
    func quotesExactly(_ quote: Case) throws {
        let result = try CommandLineTests.run([
            "pricing", "quote", "--model", quote.model, "--tier", quote.tier, "--at", quote.at, "--input", "\(quote.input)",
            "--cached", "\(quote.cached)", "--cache-write", "\(quote.cacheWrite)", "--output", "\(quote.output)", "--json",
        ])
        #expect(result.status == 0, "\(result.error)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        #expect(object["total"] as? String == quote.total)
    }

    @Test func leavesALongPriorityRequestUnpricedWhereNoLongRateIsPublished() throws {
        // gpt-5.4 publishes no priority rate above 272K input tokens: unpriced, never short-priced.
        let result = try CommandLineTests.run([
            "pricing", "quote", "--model", "gpt-5.4", "--tier", "priority", "--at", "2026-11-01", "--input", "300000", "--output", "1",
            "--json",
        ])
        #expect(result.status == 3)
        #expect(result.output.contains("above 272000 input tokens"))
    }
}
