import Foundation
import Testing
import TestSupport

/// Keys come from the environment only and must never reach the database, logs, reports, error
/// messages or any output: every command runs with recognisable fake keys, and everything it
/// wrote or printed is searched for them.
@Suite(.serialized) struct SecretsTests {
    static let apiKey = "sk-proj-FAKEKEYdistillroiTESTonly0123456789abcdef"
    static let adminKey = "sk-admin-FAKEADMINdistillroiTESTonly987654321"

    @Test func noCommandLeaksAKey() throws {
        let folder = try TemporaryDirectory()
        var environment = ProcessInfo.processInfo.environment
        environment["OPENAI_API_KEY"] = Self.apiKey
        environment["OPENAI_ADMIN_KEY"] = Self.adminKey
        // A closed port: the API commands fail, and their errors must not quote the key either.
        environment["OPENAI_BASE_URL"] = "http://127.0.0.1:9/v1"
        let database = folder.path("store.sqlite")
        let out = folder.path("reports")
        let files = folder.path("files")
        let commands: [[String]] = [
            ["demo", "--requests", "2000", "--db", database, "--out", out],
            ["demo", "--requests", "500", "--emit", files],
            ["ingest", "file", files + "/completions.jsonl", files + "/requests.csv", "--db", database],
            ["ingest", "openai", "all", "--db", database, "--max-retries", "0", "--base-url", "https://127.0.0.1:9/v1"],
            ["ingest", "openai", "completions", "--db", database, "--max-retries", "0"],
            ["pricing", "list"], ["pricing", "show", "gpt-4o"], ["pricing", "check"],
            ["pricing", "quote", "--model", "gpt-4o", "--input", "1000", "--output", "10", "--json"],
            ["report", "weekly", "--db", database, "--out", out],
            ["report", "finance", "--db", database, "--out", out],
            ["prune", "--older-than", "30d", "--today", "2026-11-29", "--dry-run", "--db", database],
            ["db", "info", "--db", database, "--json"],
            ["db", "info", "--db", folder.path("missing.sqlite")],
            ["no-such-command"],
        ]
        var transcript = ""
        for command in commands {
            let result = try ExternalProgram.run(PackageRoot.executable, command, environment: environment)
            transcript += result.standardOutput + result.standardError
        }
        // The API commands really ran and failed on the network, not on a missing key.
        #expect(transcript.contains("127.0.0.1"))
        for key in [Self.apiKey, Self.adminKey] {
            #expect(!transcript.contains(key), "a command printed the key")
            #expect(!transcript.contains(String(key.suffix(12))), "a command printed part of the key")
        }
        let enumerator = try #require(FileManager.default.enumerator(atPath: folder.url.path))
        var searched = 0
        for case let relative as String in enumerator {
            let path = folder.path(relative)
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            searched += 1
            for key in [Self.apiKey, Self.adminKey] {
                #expect(data.range(of: Data(key.utf8)) == nil, "\(relative) contains the key")
            }
        }
        #expect(searched > 10)  // the database, its WAL, every report and emitted file
    }
}
