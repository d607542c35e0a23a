import Pricing

/// `distill-roi pricing check [DIR]`: validates catalog files and lists every problem as
/// `file:line: error: …`. Exit 1 when there is any error, so CI can gate on it.
package enum PricingCheckCommand {
    package static func run(directories: [String]) throws -> PricingCommandOutput {
        let (catalog, diagnostics) = try PriceCatalog.check(directories: directories)
        let errors = diagnostics.filter { $0.severity == .error }
        var lines = diagnostics.map(\.descriptionWithSeverity)
        let fileCount = catalog.files.count
        let summary = "\(catalog.models.count) models, \(catalog.currencyRates.count) currency rates in \(fileCount) file\(fileCount == 1 ? "" : "s") (\(directories.joined(separator: ", "))): "
        lines.append(summary + (errors.isEmpty ? "ok" : "\(errors.count) error\(errors.count == 1 ? "" : "s")"))
        return PricingCommandOutput(text: lines.joined(separator: "\n") + "\n", exitCode: errors.isEmpty ? 0 : 1)
    }
}
