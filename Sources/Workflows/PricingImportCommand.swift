import DistillCore
import Foundation
import Pricing

/// `distill-roi pricing import --from litellm|genai-prices FILE`: converts a package price database
/// into the `pricing/` YAML format on standard output (or `--output FILE`), for a person to review
/// and commit. Neither source has training prices, and litellm has no history, so the output
/// starts undated prices at `--effective-from` (default: today) and says what it left out.
package enum PricingImportCommand {
    package enum Source: String, CaseIterable, Sendable {
        case litellm
        case genaiPrices = "genai-prices"
    }

    package static func run(
        from source: Source, file: String, provider: String, effectiveFrom: String?, asOf: String?, output: String?
    ) throws -> PricingCommandOutput {
        let text: String
        do {
            text = try String(contentsOfFile: file, encoding: .utf8)
        } catch {
            throw ApplicationError("cannot read \(file): \(error.localizedDescription).")
        }
        let today = UTCDate(unixSeconds: Int64(Date().timeIntervalSince1970))
        let start: UTCDate
        if let effectiveFrom {
            guard let date = UTCDate(iso: effectiveFrom) else {
                throw ApplicationError("`--effective-from` must be a date written YYYY-MM-DD, not `\(effectiveFrom)`.")
            }
            start = date
        } else {
            start = today
        }
        let asOf = asOf ?? "\(today)"
        let catalog: ImportedCatalog
        switch source {
        case .litellm:
            catalog = try LiteLLMImporter(provider: provider, effectiveFrom: start, asOf: asOf).convert(text, file: file)
        case .genaiPrices:
            catalog = try GenAIPricesImporter(provider: provider, effectiveFrom: start, asOf: asOf).convert(text, file: file)
        }
        let yaml = catalog.yaml
        guard let output else { return PricingCommandOutput(text: yaml) }
        do {
            try yaml.write(toFile: output, atomically: true, encoding: .utf8)
        } catch {
            throw ApplicationError("cannot write \(output): \(error.localizedDescription).")
        }
        return PricingCommandOutput(text: "wrote \(catalog.models.count) models to \(output); review it, then run `distill-roi pricing check`.\n")
    }
}
