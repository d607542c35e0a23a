import Foundation
import Pricing

/// Where the price catalog lives: the base directories, then every `--pricing DIR` in order (a
/// later file overrides an earlier one model by model).
///
/// The base is `$DISTILL_ROI_PRICING` (one directory, or several separated by `:`) when set;
/// otherwise `pricing/` in the working folder; otherwise the installed catalog
/// (`PREFIX/share/distill-roi/pricing` beside `PREFIX/bin/distill-roi`); otherwise the `pricing/`
/// folder of the package the executable was built in, so `.build/debug/distill-roi` works from any
/// folder (`PackageResource`).
package enum PricingLocation {
    package static let environmentVariable = "DISTILL_ROI_PRICING"

    package static func directories(
        extra: [String], environment: [String: String] = ProcessInfo.processInfo.environment,
        workingDirectory: String = FileManager.default.currentDirectoryPath,
        executablePath: String? = Bundle.main.executablePath
    ) throws -> [String] {
        if let value = environment[environmentVariable], !value.isEmpty {
            return value.split(separator: ":").map(String.init) + extra
        }
        let local = (workingDirectory as NSString).appendingPathComponent("pricing")
        // Relative, so every "priced by" location reads `pricing/openai.yaml:96`.
        if PackageResource.isDirectory(local) { return ["pricing"] + extra }
        if let packaged = packagedCatalog(executablePath: executablePath) { return [packaged] + extra }
        guard !extra.isEmpty else {
            throw PricingError.catalogNotFound(
                searched: [
                    "$\(environmentVariable)", local,
                    PackageResource.installedPath(of: "pricing", executablePath: executablePath) ?? "PREFIX/share/distill-roi/pricing",
                    "the source package of \(executablePath ?? "the executable")",
                ],
                installCommand: "make install PREFIX=\(PackageResource.installPrefix(executablePath: executablePath))")
        }
        return extra
    }

    /// Loads the catalog from `directories(extra:)`.
    package static func catalog(extra: [String]) throws -> PriceCatalog {
        try PriceCatalog.load(directories: directories(extra: extra))
    }

    static func packagedCatalog(executablePath: String?) -> String? {
        PackageResource.shippedDirectory(named: "pricing", executablePath: executablePath)
    }
}
