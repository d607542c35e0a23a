import CostModel
import DistillCore
import Pricing

/// `cost(of:at:)` over many daily aggregates (token sums per model, day and tier, as reports
/// price them), each cost added exactly into one `Money` total.
///
/// Rates are resolved from the catalog before timing: resolution is a lookup per (model, day,
/// tier), done once per distinct key; what is timed is the exact arithmetic on every aggregate.
enum AggregatePricing {
    private struct Aggregate {
        var rates: Int
        var usage: TokenUsage
    }

    private static let models = [
        "gpt-4o-2024-08-06", "gpt-4o-mini-2024-07-18", "ft:gpt-4o-mini-2024-07-18:acme:support:AbC123", "gpt-4.1",
        "gpt-4.1-mini", "o3", "o4-mini", "gpt-5", "gpt-5-mini",
    ]
    private static let tiers: [(ServiceTier, weight: Int64)] = [(.default, 4), (.batch, 1)]
    /// A year in which every model above has a price and none has shut down.
    private static let firstDay = UTCDate(year: 2025, month: 9, day: 1)
    private static let days = 365

    static func run(aggregateCount: Int, pricingDirectory: String, runs: Int) throws -> BenchmarkResult {
        guard let firstDay else { throw BenchmarkFailure("the benchmark's first day is not a date") }
        let catalog = try PriceCatalog.load(directories: [pricingDirectory])
        // One entry per (model, tier, day), in that order, so an aggregate names its rates by index.
        var rates: [TokenRates] = []
        for model in models {
            for (tier, _) in tiers {
                for day in 0..<days {
                    switch catalog.resolve(model: model, at: firstDay.adding(days: day).unixSeconds, tier: tier) {
                    case .priced(let price): rates.append(price.rates)
                    case .unpriced(let reason):
                        throw BenchmarkFailure("\(model) (\(tier)) has no price on \(firstDay.adding(days: day)): \(reason)")
                    }
                }
            }
        }

        var random = SeededRandom(seed: 8)
        let tierChoices = tiers.indices.map { ($0, weight: tiers[$0].weight) }
        var aggregates: [Aggregate] = []
        aggregates.reserveCapacity(aggregateCount)
        for _ in 0..<aggregateCount {
            let model = Int(random.next() % UInt64(models.count))
            let tier = random.pick(tierChoices)
            let day = Int(random.next() % UInt64(days))
            let input = random.next(in: 1_000...20_000_000)
            let output = random.next(in: 100...2_000_000)
            let usage = TokenUsage(
                input: input, cachedInput: random.next(in: 0...input / 2), output: output,
                reasoning: random.next(in: 0...output / 2))
            aggregates.append(Aggregate(rates: (model * tiers.count + tier) * days + day, usage: usage))
        }

        // Cost is linear in tokens, so pricing each rate's summed usage once must give exactly the
        // sum of the per-aggregate costs; a rounding or overflow bug would break the equality.
        var usageByRates = [TokenUsage](repeating: .zero, count: rates.count)
        for aggregate in aggregates { usageByRates[aggregate.rates] += aggregate.usage }
        var expected = Money.zero
        for (index, usage) in usageByRates.enumerated() { expected += try cost(of: usage, at: rates[index]) }
        guard expected > .zero else { throw BenchmarkFailure("the generated aggregates cost nothing") }

        let measurement = try Measurement.take(runs: runs) {
            var total = Money.zero
            for aggregate in aggregates { total += try cost(of: aggregate.usage, at: rates[aggregate.rates]) }
            guard total == expected else {
                throw BenchmarkFailure(
                    "the per-aggregate costs sum to \(total), but the summed tokens cost \(expected): pricing is not exact")
            }
        }
        return BenchmarkResult(
            name: "Aggregate pricing (exact Money)",
            input: "\(format(Double(aggregateCount))) daily aggregates, \(models.count) models × default/batch × \(days) days "
                + "at the rates in \(pricingDirectory)/ (PriceCatalog); their costs total \(expected.formatted(places: 2)) USD "
                + "(to the cent), exactly the cost of their summed tokens",
            work: [.init(unit: "aggregates", amount: Double(aggregateCount))],
            measurement: measurement)
    }
}
