import Foundation
import Testing
import TestSupport

/// A few end-to-end checks of the built `distill-roi` binary: exit codes and the JSON contract.
@Suite struct CommandLineTests {
    static let binary = PackageRoot.path + "/.build/debug/distill-roi"

    static func run(_ arguments: [String], pricingVariable: String? = nil, in folder: String = PackageRoot.path) throws
        -> (status: Int32, output: String, error: String)
    {
        var environment = ProcessInfo.processInfo.environment
        environment["DISTILL_ROI_PRICING"] = pricingVariable
        let result = try ExternalProgram.run(binary, arguments, environment: environment, currentDirectory: folder)
        return (result.status, result.standardOutput, result.standardError)
    }

    @Test
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

    @Test
    func exitsThreeForAnUnpricedModel() throws {
        let result = try Self.run(["pricing", "quote", "--model", "gpt-unknown", "--input", "10", "--output", "5", "--json"])
        #expect(result.status == 3)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        #expect(object["unpriced"] as? Bool == true)
        #expect((object["reason"] as? String)?.contains("gpt-unknown") == true)
    }

    @Test
    func checkPassesTheShippedCatalogAndFailsABrokenOne() throws {
        #expect(try Self.run(["pricing", "check"]).status == 0)
        let directory = try TemporaryDirectory("pricing-cli-check")
        try directory.write("broken.yaml", "models:\n  - id: m\n    prices:\n      - effective_from: 2026-01-01\n        source: s\n        as_of: x\n        default: { input: -2, output: 1 }\n")
        let result = try Self.run(["pricing", "check", directory.url.path])
        #expect(result.status == 1)
        #expect(result.output.contains("broken.yaml:7: error:"))
    }

    @Test
    func readsTheEnvironmentVariableAndExtraDirectoriesInOrder() throws {
        // A negotiated file passed with --pricing overrides gpt-4o-mini: 1M input at 0.10 = 0.1.
        let directory = try TemporaryDirectory("pricing-cli-override")
        try directory.write("negotiated.yaml", """
            models:
              - id: gpt-4o-mini
                prices:
                  - { effective_from: 2026-01-01, source: contract, as_of: "2026-01-01", default: { input: 0.10, output: 0.40 } }
            """)
        let quote = ["pricing", "quote", "--model", "gpt-4o-mini", "--input", "1000000", "--output", "0", "--at", "2026-06-01", "--json"]
        let overridden = try Self.run(quote + ["--pricing", directory.url.path])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(overridden.output.utf8)) as? [String: Any])
        #expect(object["total"] as? String == "0.1")
        #expect(((object["priced_by"] as? [String: Any])?["file"] as? String)?.hasSuffix("negotiated.yaml") == true)
        // $DISTILL_ROI_PRICING replaces the default catalog: only the examples are known then.
        let examples = try Self.run(["pricing", "show", "support-student-v3"], pricingVariable: PackageRoot.examples)
        #expect(examples.status == 0)
        #expect(try Self.run(["pricing", "show", "gpt-4o"], pricingVariable: PackageRoot.examples).status == 3)
    }

    @Test
    func findsThePackagesCatalogFromAnyFolder() throws {
        // No ./pricing in a fresh folder: the binary walks up to the package it was built in.
        let folder = try TemporaryDirectory("pricing-cli-elsewhere")
        let result = try Self.run(["pricing", "check"], in: folder.url.path)
        #expect(result.status == 0)
        #expect(result.output.contains(PackageRoot.pricing))
    }
}
