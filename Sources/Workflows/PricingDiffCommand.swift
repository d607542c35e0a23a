import DistillCore
import Foundation
import Pricing

/// `distill-roi pricing diff --against FILE`: every model, tier and date where the catalog and a
/// litellm or genai-prices file differ, or where one side has no price. The file's format is
/// recognised from its shape (genai-prices: providers with `models`; litellm: one object keyed by
/// model name). Exit code 1 when anything differs, so a scheduled job can flag it.
package enum PricingDiffCommand {
    /// genai-prices records no start for a model's first price; the import starts those here, a
    /// date before any catalog price, and the diff compares them on the catalog's own dates.
    static let undatedStart = UTCDate(iso: "2000-01-01") ?? UTCDate(daysSinceEpoch: 0)

    package static func run(catalog: PriceCatalog, against file: String, provider: String, at instant: Int64) throws -> PricingCommandOutput {
        let text: String
        do {
            text = try String(contentsOfFile: file, encoding: .utf8)
        } catch {
            throw ApplicationError("cannot read \(file): \(error.localizedDescription).")
        }
        let day = UTCDate(unixSeconds: instant)
        let isLiteLLM = text.contains("\"litellm_provider\"")
        let imported =
            isLiteLLM
            ? try LiteLLMImporter(provider: provider, effectiveFrom: day, asOf: "\(day)").convert(text, file: file)
            : try GenAIPricesImporter(provider: provider, effectiveFrom: undatedStart, asOf: "\(day)").convert(text, file: file)
        let differences = PriceDifference.between(catalog, and: imported, on: day, undatedStart: isLiteLLM ? day : undatedStart)
        var lines = [
            "catalog vs \(file) (\(isLiteLLM ? "litellm, no history: compared on \(day)" : "genai-prices")), USD per 1M: input / cached / cache write / output",
        ]
        lines += differences.map(\.description)
        lines.append(
            differences.isEmpty
                ? "no differences in \(imported.models.count) models"
                : "\(differences.count) difference(s); \(imported.models.count) models in the file")
        return PricingCommandOutput(text: lines.joined(separator: "\n") + "\n", exitCode: differences.isEmpty ? 0 : 1)
    }
}
