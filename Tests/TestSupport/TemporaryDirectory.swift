import Foundation

/// A fresh folder per test, removed when the value goes away: tests run in parallel and never
/// share a database or an output file.
package final class TemporaryDirectory: @unchecked Sendable {
    package let url: URL

    package init(_ label: String = "test") throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("distill-roi-\(label)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// Set `DISTILL_ROI_KEEP_TEST_OUTPUT=1` to keep every test's folder (reports, screenshots,
    /// databases) for a look after the run.
    deinit {
        if ProcessInfo.processInfo.environment["DISTILL_ROI_KEEP_TEST_OUTPUT"] == nil {
            try? FileManager.default.removeItem(at: url)
        }
    }

    package func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    @discardableResult
    package func write(_ name: String, _ contents: String) throws -> String {
        let path = path(name)
        try FileManager.default.createDirectory(
            at: URL(fileURLWithPath: path).deletingLastPathComponent(), withIntermediateDirectories: true)
        try contents.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}
