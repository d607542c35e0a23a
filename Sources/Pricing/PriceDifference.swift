import CostModel
import DistillCore

/// One model, tier and date where the catalog and an imported price file disagree, or where one
/// side has no price: what `pricing diff` lists for a maintainer to act on.
public struct PriceDifference: Hashable, Sendable, CustomStringConvertible {
    public let model: String
    /// `default`, `batch`, ... or `default >272000` for a long-context table.
    public let tier: String
    public let day: UTCDate
    /// `in / cached / cache write / out`, or nil when that side has no price.
    public let catalog: String?
    public let file: String?

    public var description: String {
        "\(model)  \(tier)  \(day)  catalog \(catalog ?? "no price")  file \(file ?? "no price")"
    }

    /// Every difference between `catalog` and `imported` on the days either side changes a price
    /// and on `day`. A file price starting on `undatedStart` (the importer's stand-in for "no date
    /// recorded") is compared from the catalog's own dates only, so the stand-in itself is not
    /// reported as a day the catalog lacks a price.
    public static func between(_ catalog: PriceCatalog, and imported: ImportedCatalog, on day: UTCDate, undatedStart: UTCDate)
        -> [PriceDifference]
    {
        var differences: [PriceDifference] = []
        var seen = Set<String>()
        for model in imported.models {
            for name in [model.id] + model.aliases where seen.insert(name).inserted {
                differences += compare(name, periods: model.prices, catalog: catalog, day: day, undatedStart: undatedStart)
            }
        }
        for entry in catalog.models where entry.provider == imported.provider || imported.provider.isEmpty {
            let names = [entry.id] + entry.aliases
            guard !names.contains(where: seen.contains) else { continue }
            guard let table = entry.table(on: day) else { continue }
            for (tier, rates) in table.tiers.sorted(by: { $0.key < $1.key }) {
                differences.append(PriceDifference(model: entry.id, tier: tier.rawValue, day: day, catalog: text(rates), file: nil))
            }
        }
        return differences
    }

    private static func compare(
        _ name: String, periods: [ImportedCatalog.Period], catalog: PriceCatalog, day: UTCDate, undatedStart: UTCDate
    ) -> [PriceDifference] {
        let found = catalog.lookup(name).flatMap { $0.isFineTuned ? nil : $0.entry }
        var days = Set(periods.map(\.effectiveFrom).filter { $0 != undatedStart })
        days.insert(day)
        for table in found?.prices ?? [] where table.period.effectiveFrom >= (periods.map(\.effectiveFrom).min() ?? day) {
            days.insert(table.period.effectiveFrom)
        }
        var differences: [PriceDifference] = []
        for date in days.sorted() {
            let filePeriod = periods.filter { $0.effectiveFrom <= date }.max { $0.effectiveFrom < $1.effectiveFrom }
            // As the catalog would read the imported YAML: tiers inherit the standard cached rate.
            let fileTiers = CatalogFileParser.inheritingStandardCacheRates(filePeriod?.tiers ?? [:])
            let table = found?.table(on: date)
            for tier in ServiceTier.allCases {
                let ours = table?.tiers[tier].map(text)
                let theirs = fileTiers[tier].map(text)
                if ours != theirs {
                    differences.append(PriceDifference(model: name, tier: tier.rawValue, day: date, catalog: ours, file: theirs))
                }
            }
            let thresholds = Set((table?.longContext.map(\.aboveInputTokens) ?? []) + (filePeriod?.longContext.keys.map { $0 } ?? []))
            for threshold in thresholds.sorted() {
                for tier in ServiceTier.allCases {
                    let ours = table?.longContext.first { $0.aboveInputTokens == threshold }?.tiers[tier].map(text)
                    let theirs = filePeriod?.longContext[threshold].map(CatalogFileParser.inheritingStandardCacheRates)?[tier].map(text)
                    if ours != theirs {
                        differences.append(
                            PriceDifference(model: name, tier: "\(tier.rawValue) >\(threshold)", day: date, catalog: ours, file: theirs))
                    }
                }
            }
        }
        return differences
    }

    /// Rates as compared: a missing cached or cache-write rate is charged at the input rate, so
    /// `2.5 / - ` and `2.5 / 2.5` bill the same and are not a difference.
    static func text(_ rates: TokenRates) -> String {
        "\(rates.input) / \(rates.effectiveCachedInput) / \(rates.effectiveCacheWrite) / \(rates.output)"
    }
}
