import Foundation
import Pricing

/// Where the price catalog lives: the base directories, then every `--pricing DIR` in order (a
/// later file overrides an earlier one model by model).
///
/// The base is `$DISTILL_ROI_PRICING` (one directory, or several separated by `:`) when set;
/// otherwise `pricing/` in the working folder; otherwise the `pricing/` folder of the package the
/// executable was built in (found by walking up from the executable to a folder holding both
/// `Package.swift` and `pricing/`), so `.build/debug/distill-roi` works from any folder.
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
            throw PricingError.catalogNotFound(searched: ["$\(environmentVariable)", local, "the package of \(executablePath ?? "the executable")"])
        }
        return extra
    }

    /// Loads the catalog from `directories(extra:)`.
    package static func catalog(extra: [String]) throws -> PriceCatalog {
        try PriceCatalog.load(directories: directories(extra: extra))
    }

    static func packagedCatalog(executablePath: String?) -> String? {
        PackageResource.packagedDirectory(named: "pricing", executablePath: executablePath)
    }
}
