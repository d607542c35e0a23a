import Foundation

/// Headless Chromium loads a rendered page for real: a screenshot for people to look at, and the
/// DOM after parsing, with the browser's console output for errors.
package enum HeadlessChromium {
    package struct Page {
        package let dom: String
        package let log: String
    }

    /// Writes `screenshot` (PNG) and returns the parsed DOM of the page at `htmlPath`.
    package static func load(_ htmlPath: String, screenshot: String, width: Int = 1200, height: Int = 2400) throws -> Page {
        let chromium = try ExternalProgram.locate("chromium")
        let profile = URL(fileURLWithPath: screenshot).deletingLastPathComponent().appendingPathComponent("chromium-profile").path
        let common = [
            "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
            "--user-data-dir=\(profile)", "--enable-logging=stderr", "--v=0",
        ]
        let shot = try ExternalProgram.run(
            chromium, common + ["--window-size=\(width),\(height)", "--screenshot=\(screenshot)", "file://\(htmlPath)"])
        let dom = try ExternalProgram.run(chromium, common + ["--dump-dom", "file://\(htmlPath)"])
        guard FileManager.default.fileExists(atPath: screenshot) else {
            throw ExternalProgram.Failure(description: "Chromium wrote no screenshot: \(shot.standardError)")
        }
        return Page(dom: dom.standardOutput, log: shot.standardError + dom.standardError)
    }
}
