import Foundation
import Testing
import TestSupport

/// A few end-to-end checks of the built `distill-roi` binary: exit codes and the JSON contract.
@Suite struct CommandLineTests {
    static let binary = PackageRoot.path + "/.build/debug/distill-roi"

    static func run(_ arguments: [String]) throws -> (status: Int32, output: String, error: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: PackageRoot.path)
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "DISTILL_ROI_PRICING")
        process.environment = environment
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outputData, as: UTF8.self), String(decoding: errorData, as: UTF8.self))
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: binary)))
    func quotesTheIssueExampleAsExactJSON() throws {
        let result = try Self.run([
            "pricing", "quote", "--model", "gpt-4o-mini-2024-07-18", "--input", "1000000", "--cached", "400000", "--output", "200000",
            "--json",
        ])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        #expect(object["total"] as? String == "0.24")
        #expect(object["currency"] as? String == "USD")
        #expect(object["resolved_model"] as? String == "gpt-4o-mini")
        #expect((object["price_period"] as? [String: Any])?["effective_from"] as? String == "2024-10-01")
        #expect((object["priced_by"] as? [String: Any])?["file"] as? String == "pricing/openai.yaml")
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: binary)))
    func exitsThreeForAnUnpricedModel() throws {
        let result = try Self.run(["pricing", "quote", "--model", "gpt-unknown", "--input", "10", "--output", "5", "--json"])
        #expect(result.status == 3)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        #expect(object["unpriced"] as? Bool == true)
        #expect((object["reason"] as? String)?.contains("gpt-unknown") == true)
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: binary)))
    func checkPassesTheShippedCatalogAndFailsABrokenOne() throws {
        #expect(try Self.run(["pricing", "check"]).status == 0)
        let directory = try TemporaryDirectory("pricing-cli-check")
        try directory.write("broken.yaml", "models:\n  - id: m\n    prices:\n      - effective_from: 2026-01-01\n        source: s\n        as_of: x\n        default: { input: -2, output: 1 }\n")
        let result = try Self.run(["pricing", "check", directory.url.path])
        #expect(result.status == 1)
        #expect(result.output.contains("broken.yaml:7: error:"))
    }
}
