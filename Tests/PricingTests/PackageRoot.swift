import Foundation

/// Paths inside this package, found from this source file's location so tests never depend on the
/// working folder (and never read anything outside the repository).
enum PackageRoot {
    static let path: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    static var pricing: String { path + "/pricing" }
    static var examples: String { path + "/pricing/examples" }

    static func fixture(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)").path
    }
}
