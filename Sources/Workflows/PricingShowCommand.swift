import CostModel
import DistillCore
import Pricing

/// `distill-roi pricing show MODEL`: how a name resolves, the price period in force at `--at`
/// with every tier, which file and line priced it, and the model's whole price history.
package enum PricingShowCommand {
    package static func run(model name: String, catalog: PriceCatalog, at instant: Int64) throws -> PricingCommandOutput {
        let day = UTCDate(unixSeconds: instant)
        guard let found = catalog.lookup(name) else {
            throw ApplicationError("`\(name)` has no entry in the price catalog (files: \(catalog.files.joined(separator: ", "))).", exitCode: 3)
        }
        let entry = found.entry
        let isFineTuned = found.isFineTuned
        let tables = isFineTuned ? entry.fineTuned?.tables ?? [] : entry.prices
        var lines = ["\(name) → \(isFineTuned ? "fine-tuned " : "")\(entry.id) (\(entry.provider), \(entry.currency)), entry at \(entry.location)"]
        lines.append("resolved by: \(found.steps.joined(separator: "; then "))")
        if !entry.aliases.isEmpty { lines.append("aliases: \(entry.aliases.joined(separator: ", "))") }
        if entry.matchesDatedSnapshots { lines.append("dated snapshots \(entry.id)-YYYY-MM-DD resolve here") }
        let shutdown = isFineTuned ? entry.fineTuned?.shutdown : entry.shutdown
        lines.append("shutdown: \(shutdown.map { "\($0)" } ?? "none announced")\(entry.shutdownSource.map { " (\($0))" } ?? "")")
        if let successor = entry.successor {
            lines.append("successor: \(successor)\(entry.successorSource.map { " (\($0))" } ?? "")")
        }
        if let note = entry.note { lines.append("note: \(note)") }
        lines.append("")
        if let table = tables.first(where: { $0.period.contains(day) }) {
            lines.append("in force on \(day): \(table.period), priced by \(table.location)")
            lines.append("source: \(table.source); as of \(table.asOf)")
            if let note = table.note { lines.append("note: \(note)") }
            var rows = [["tier", "input", "cached", "cache write", "cache write 1h", "output"]]
            func row(_ label: String, _ rates: TokenRates) -> [String] {
                [
                    label, rates.input.description, rates.cachedInput?.description ?? "-", rates.cacheWrite?.description ?? "-",
                    rates.cacheWriteOneHour?.description ?? "-", rates.output.description,
                ]
            }
            for tier in ServiceTier.allCases {
                guard let rates = table.tiers[tier] else { continue }
                rows.append(row(tier.rawValue, rates))
            }
            for rule in table.longContext {
                for tier in ServiceTier.allCases {
                    guard let rates = rule.tiers[tier] else { continue }
                    rows.append(row("\(tier.rawValue) >\(rule.aboveInputTokens)", rates))
                }
            }
            lines.append(PricingFormatting.table(rows, rightAligned: [1, 2, 3, 4, 5]))
            if !table.longContext.isEmpty {
                lines.append("a request with more input tokens than a `>N` row's N is priced whole at that row; a tier without such a row is unpriced there")
            }
        } else {
            lines.append("no \(isFineTuned ? "fine-tuned " : "")price in force on \(day)\n")
        }
        lines.append("history (standard tier):")
        for table in tables {
            lines.append("  \(table.period)  \(table.tiers[.default].map(PricingFormatting.rates) ?? "-")  \(table.location)")
        }
        if !entry.training.isEmpty {
            lines.append("training:")
            for price in entry.training {
                let method = [price.method?.rawValue, price.sizeBucket].compactMap { $0 }.joined(separator: ", ")
                let label = method.isEmpty ? "" : "  [\(method)]"
                lines.append("  \(price.period)  \(price.price)\(label)  \(price.location) (\(price.source))")
            }
        }
        if !entry.deployment.isEmpty {
            lines.append("dedicated deployment:")
            for price in entry.deployment {
                let gpus = price.gpus == 1 ? "" : " per GPU × \(price.gpus) GPUs"
                lines.append("  \(price.period)  \(price.perHour) per hour\(gpus)  \(price.location) (\(price.source))")
                if let throughput = price.throughput {
                    let floor = (try? SelfHostedServing(
                        hourlyRatePerGPU: price.perHour, gpus: price.gpus, hours: ExactDecimal(1), throughput: throughput, requests: 0,
                        tokens: 0))?.costPerMillionTokensAtFullUtilisation
                    let atFull = floor.map { ", \($0.formatted(places: 6)) \(entry.currency) per 1M tokens at full utilisation" } ?? ""
                    lines.append("    throughput \(throughput)\(atFull)")
                }
            }
        }
        return PricingCommandOutput(text: lines.joined(separator: "\n") + "\n")
    }
}
