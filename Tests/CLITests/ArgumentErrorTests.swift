import Foundation
import Testing
import TestSupport

/// Options are parsed into their types by the executable: a bad value is a usage error (exit 64)
/// that names the option and the value, before anything touches the database.
@Suite struct ArgumentErrorTests {
    @Test(arguments: [
        (["ingest", "file", "--kind", "nope", "x.csv"], ["--kind", "nope", "- batch-output"]),
        (["ingest", "file", "--map", "=x", "x.csv"], ["--map", "=x"]),
        (["ingest", "file", "--scale", "5:1", "x.csv"], ["--scale", "the minimum must be below the maximum"]),
        (["report", "weekly", "--week", "2026-48"], ["--week", "2026-48"]),
        (["report", "weekly", "--from", "2026-11-02"], ["--from and --to go together"]),
        (["report", "weekly", "--week", "last", "--from", "2026-11-02", "--to", "2026-11-08"], ["--week and --from/--to"]),
        (["report", "weekly", "--tag", "no-equals"], ["--tag", "no-equals"]),
        (["report", "finance", "--month", "2026-13"], ["--month", "2026-13"]),
        (["report", "weekly", "--format", "pdf"], ["--format", "pdf"]),
        (["estimate", "--training-file", "t.jsonl", "--teacher", "gpt-4o", "--student", "m", "--epochs", "0"], ["--epochs", "0"]),
        (["prune", "--older-than", "30"], ["--older-than", "30"]),
        (["pricing", "quote", "--model", "gpt-4o", "--input", "1", "--output", "1", "--tier", "gold"], ["--tier", "gold"]),
        (["tokens", "count", "--encoding", "p50k_base"], ["--encoding", "p50k_base"]),
    ])
    func badValuesAreUsageErrors(arguments: [String], mentions: [String]) throws {
        let folder = try TemporaryDirectory()
        let database = folder.path("db.sqlite")
        let result = try CLI.run(arguments + ["--db", database].filter { _ in arguments[0] != "pricing" && arguments[0] != "tokens" }, expectStatus: 64)
        for text in mentions {
            #expect(result.standardError.contains(text), "\(arguments): \(result.standardError)")
        }
        #expect(!FileManager.default.fileExists(atPath: database))
    }

    /// `auto`, the default, is accepted when written out, as the help and the docs say.
    @Test func kindAutoIsAccepted() throws {
        let folder = try TemporaryDirectory()
        let log = try folder.write("log.csv", "timestamp,model,input_tokens,output_tokens\n2026-10-05T12:00:00Z,gpt-4o,10,5\n")
        let result = try CLI.run(["ingest", "file", "--kind", "auto", log, "--db", folder.path("db.sqlite")])
        #expect(result.standardOutput.contains("requests gpt-4o: 1 inserted"))
    }
}
