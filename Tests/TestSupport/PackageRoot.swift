import Foundation

/// The package's root folder, found from this source file's path, so tests can read the shipped
/// `pricing/` and `templates/` and run the built executable.
public enum PackageRoot {
    public static let path: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    public static func appending(_ relative: String) -> String { path + "/" + relative }

    /// The debug executable `swift build` produced beside the tests.
    public static var executable: String { appending(".build/debug/distill-roi") }
}
