import Foundation

/// The package's root folder, found from this source file's path, so tests can read the shipped
/// `pricing/` and `templates/` and run the built executable.
package enum PackageRoot {
    package static let path: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    package static func appending(_ relative: String) -> String { path + "/" + relative }

    /// The debug executable `swift build` produced beside the tests.
    package static var executable: String { appending(".build/debug/distill-roi") }
}
