import Foundation
import TestSupport

/// The catalog folders and this target's fixtures, found from the package root.
extension PackageRoot {
    static var pricing: String { path + "/pricing" }
    static var examples: String { path + "/pricing/examples" }

    static func fixture(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)").path
    }
}
