import CostModel
import DistillCore
import Pricing

/// `distill-roi pricing list`: every model with the standard prices in force now (or `--at`), its
/// fine-tuned and training prices, shutdown date and the file that priced it.
package enum PricingListCommand {
    package static func run(catalog: PriceCatalog, at instant: Int64) throws -> PricingCommandOutput {
        let day = UTCDate(unixSeconds: instant)
        var rows = [["model", "input / cached / write / output", "fine-tuned", "training", "shutdown", "priced by"]]
        for model in catalog.models.sorted(by: { $0.id < $1.id }) {
            let standard = model.table(on: day)?.tiers[.default].map(PricingFormatting.rates) ?? "no price on \(day)"
            let fineTuned = model.fineTuned?.tables.first { $0.period.contains(day) }?.tiers[.default].map(PricingFormatting.rates) ?? "-"
            let training = model.training.first { $0.period.contains(day) }?.price.description ?? "-"
            let source = model.table(on: day)?.location ?? model.location
            rows.append([model.id, standard, fineTuned, training, model.shutdown.map { "\($0)" } ?? "-", "\(source)"])
        }
        let header = "Prices per 1M tokens in force on \(day), standard tier (`pricing show MODEL` for every tier and period).\n\n"
        return PricingCommandOutput(text: header + PricingFormatting.table(rows))
    }
}
