import CostModel
import DistillCore
import Pricing
import Testing
import TestSupport

/// The README's "From code" example, verbatim, so the library product's documented use keeps
/// compiling and keeps its figures.
@Suite struct LibraryExampleTests {
    @Test func readmeExample() throws {
        let pricingFolder = PackageRoot.pricing
        // --- README "From code" begins
        let catalog = try PriceCatalog.load(directories: [pricingFolder])
        let usage = TokenUsage(input: 1_000_000, cachedInput: 400_000, output: 200_000)
        let day = UTCDate(iso: "2026-11-29")!
        guard case .priced(let price) = catalog.resolve(model: "gpt-4o-mini-2024-07-18", at: day.unixSeconds, tier: .default)
        else { throw PricingExampleError.unpriced }
        let perRequest = try cost(of: usage, at: price.rates)  // 0.6 × 0.15 + 0.4 × 0.075 + 0.2 × 0.6 = $0.24
        let breakEven = BreakEven(
            savingsPerRequest: MoneyPerRequest(Money(decimalText: "0.005")!),
            oneTimeCost: OneTimeCost(training: Money(12), teacherDataGeneration: Money(4), evaluation: Money(1)))
        let payback = breakEven.payback(dailyVolume: 200, goLive: day)  // $17 ÷ $0.005 = 3,400 requests: 17 days
        // --- README "From code" ends
        #expect(perRequest == Money(decimalText: "0.24"))
        #expect(breakEven.requests == .after(3_400))
        #expect(payback.days == 17)
        #expect(price.location.file.hasSuffix("openai.yaml"))
    }
}

enum PricingExampleError: Error { case unpriced }
