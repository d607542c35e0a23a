import Foundation
import Testing
import TestSupport

/// The done-when test of installation: `make install-files` (what `make install` runs after its
/// release build) into a temporary prefix, then every command a new user runs, from an unrelated
/// folder, with an environment of PATH and HOME alone. The prefix is outside the source package,
/// so the binary can only find its catalog, templates and rank files in PREFIX/share/distill-roi.
@Suite struct InstallTests {
    @Test func anInstalledBinaryWorksFromAnyFolderWithNoVariables() throws {
        let folder = try TemporaryDirectory("install")
        let prefix = folder.path("prefix")
        let make = try ExternalProgram.run(
            "make", ["-C", PackageRoot.path, "install-files", "PREFIX=\(prefix)", "BIN=\(PackageRoot.executable)"])
        #expect(make.status == 0, "\(make.standardError)")
        for installed in [
            "bin/distill-roi", "share/distill-roi/pricing/openai.yaml", "share/distill-roi/templates/weekly.html.mustache",
            "share/distill-roi/tiktoken/o200k_base.tiktoken", "share/bash-completion/completions/distill-roi",
            "share/zsh/site-functions/_distill-roi", "share/man/man1/distill-roi.1",
        ] {
            #expect(FileManager.default.fileExists(atPath: prefix + "/" + installed), "\(installed) is not installed")
        }
        let home = folder.path("home")
        let work = folder.path("work")
        for path in [home, work] { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) }
        let environment = ["PATH": "/usr/bin:/bin", "HOME": home]
        func run(_ arguments: [String]) throws -> ExternalProgram.Result {
            let result = try ExternalProgram.run(prefix + "/bin/distill-roi", arguments, environment: environment, currentDirectory: work)
            #expect(result.status == 0, "distill-roi \(arguments.joined(separator: " ")): \(result.standardError)")
            return result
        }

        let demo = try run(["demo", "--requests", "400", "--db", "demo.sqlite", "--out", "demo"])
        #expect(demo.standardOutput.contains("demo/estimate-"), "the estimate needs the installed rank files")

        try "timestamp,model,input_tokens,output_tokens\n2026-10-05T12:00:00Z,gpt-4o-2024-08-06,1000000,0\n"
            .write(toFile: work + "/log.csv", atomically: true, encoding: .utf8)
        let ingest = try run(["ingest", "file", "log.csv", "--db", "mine.sqlite"])
        #expect(ingest.standardOutput.contains("1 inserted"))

        let weekly = try run(["report", "weekly", "--db", "demo.sqlite", "--out", "weekly", "--format", "html,json"])
        #expect(weekly.standardOutput.contains("weekly/weekly-"))
        let finance = try run(["report", "finance", "--db", "demo.sqlite", "--out", "finance", "--format", "md"])
        #expect(finance.standardOutput.contains("finance/finance-"))

        let training = #"{"messages":[{"role":"user","content":"Where is my parcel?"},{"role":"assistant","content":"It ships today."}]}"#
        try (training + "\n").write(toFile: work + "/train.jsonl", atomically: true, encoding: .utf8)
        let estimate = try run([
            "estimate", "--training-file", "train.jsonl", "--teacher", "gpt-4o-2024-08-06", "--student", "gpt-4o-mini-2024-07-18",
            "--daily-requests", "100", "--input-tokens", "500", "--output-tokens", "100", "--out", "estimate", "--format", "json",
        ])
        #expect(estimate.standardOutput.contains("estimate/estimate-"))

        // gpt-4o-2024-08-06 input is $2.50 per 1M tokens (pricing/openai.yaml, from 2024-08-06), so
        // 1,000,000 input tokens cost exactly 2.5 USD, priced from the installed catalog.
        let quote = try run(["pricing", "quote", "--model", "gpt-4o-2024-08-06", "--input", "1000000", "--output", "0", "--at", "2026-10-05"])
        #expect(quote.standardOutput.contains("2.5 USD"), "\(quote.standardOutput)")
        #expect(quote.standardOutput.contains("priced by \(prefix)/share/distill-roi/pricing/openai.yaml:"), "\(quote.standardOutput)")
    }
}
