import Foundation

#if canImport(Glibc)
import Glibc
#endif
import Store
import Testing
import TestSupport

/// `distill-roi ingest openai` as a user runs it: the built binary, its exit code and its output.
@Suite struct CommandLineTests {
    struct Run {
        let status: Int32
        let standardOutput: String
        let standardError: String
    }

    /// `swift build --build-tests` puts the executable beside the test bundle.
    static let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        .appendingPathComponent("distill-roi").path

    func run(_ arguments: [String], environment: [String: String]) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = arguments
        var inherited = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"]
        inherited.merge(environment) { $1 }
        process.environment = inherited
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, standardOutput: String(decoding: outputData, as: UTF8.self),
            standardError: String(decoding: errorData, as: UTF8.self))
    }

    @Test func pullsEverySourceThenReportsFailuresInOneLineWithoutKeys() throws {
        #expect(FileManager.default.isExecutableFile(atPath: Self.binary), "build the package first: swift build --build-tests")
        let directory = try TemporaryDirectory("cli")
        let server = try FixtureServer(in: directory)
        let database = directory.path("distill.sqlite")
        let keys = ["OPENAI_API_KEY": FixtureServer.apiKey, "OPENAI_ADMIN_KEY": FixtureServer.adminKey]
        let arguments = ["ingest", "openai", "all", "--db", database, "--base-url", server.baseURL]

        let first = try run(arguments + ["--since", "2026-11-01"], environment: keys)
        #expect(first.status == 0)
        #expect(first.standardError.isEmpty)
        #expect(first.standardOutput.hasPrefix("completions  12 rows: 12 new, 0 updated, 0 unchanged (1 page); cursor chatcmpl-fx0012"))
        #expect(first.standardOutput.contains("\ncosts        21 rows: 21 new"))

        let second = try run(arguments, environment: keys)
        #expect(second.status == 0)
        #expect(second.standardOutput.contains("completions  0 rows: 0 new"))

        var wrongKey = keys
        wrongKey["OPENAI_API_KEY"] = "sk-proj-WRONGKEY3333distillroi"
        let unauthorized = try run(arguments, environment: wrongKey)
        #expect(unauthorized.status == 1)
        #expect(unauthorized.standardError.hasPrefix("error: GET \(server.baseURL)/chat/completions answered HTTP 401 (Unauthorized)"))

        let missing = try run(arguments, environment: ["OPENAI_API_KEY": FixtureServer.apiKey])
        #expect(missing.status == 1)
        #expect(missing.standardError == "error: OPENAI_ADMIN_KEY is not set: GET /organization/usage/completions needs an organization admin key in that environment variable.\n")

        let badDate = try run(arguments + ["--since", "last week"], environment: keys)
        // Option values are parsed by the executable: a usage error (64) naming option and value.
        #expect(badDate.status == 64)
        #expect(badDate.standardError.contains("The value 'last week' is invalid for '--since <since>'"))

        let badPair = try run(arguments + ["--metadata", "feature"], environment: keys)
        #expect(badPair.status == 64)
        #expect(badPair.standardError.contains("The value 'feature' is invalid for '--metadata <key=value>'"))
        let badWidth = try run(arguments + ["--bucket-width", "1w"], environment: keys)
        #expect(badWidth.status == 64)
        #expect(badWidth.standardError.contains("The value '1w' is invalid for '--bucket-width <bucket-width>'. Please provide one of '1d' and '1h'."))
        let schemeless = try run(["ingest", "openai", "costs", "--db", database, "--base-url", "127.0.0.1:\(server.port)/v1"], environment: keys)
        #expect(schemeless.standardError.hasPrefix("error: The base URL 127.0.0.1:\(server.port)/v1 must start with https://"))

        for run in [first, second, unauthorized, missing, schemeless] {
            #expect(run.status == 0 || run.status == 1)
            #expect(run.standardError.split(separator: "\n").count <= 1)
        }
        for run in [first, second, unauthorized, missing, badDate, badPair, badWidth, schemeless] {
            for key in [FixtureServer.apiKey, FixtureServer.adminKey, "sk-proj-WRONGKEY3333distillroi", "distillroi"] {
                #expect(!run.standardOutput.contains(key) && !run.standardError.contains(key))
            }
        }
    }

    /// libcurl reads `http_proxy` itself: with the loopback server as the proxy, a base URL on a
    /// host that does not exist still reaches it (a proxy gets the absolute URL as its target).
    @Test func requestsGoThroughTheProxyFromTheEnvironment() throws {
        let directory = try TemporaryDirectory("cli-proxy")
        let server = try FixtureServer(in: directory)
        let environment = [
            "OPENAI_API_KEY": FixtureServer.apiKey, "http_proxy": "http://127.0.0.1:\(server.port)",
            "no_proxy": "",
        ]
        let arguments = [
            "ingest", "openai", "fine-tuning", "--db", directory.path("distill.sqlite"),
            "--base-url", "http://api.distill-roi.invalid/v1",
        ]
        let result = try run(arguments, environment: environment)
        #expect(result.status == 0)
        #expect(result.standardOutput.hasPrefix("fine-tuning  4 rows: 4 new"))
        #expect(try server.requests().map(\.path) == ["/v1/fine_tuning/jobs"])
    }

    /// The hardest interruption: SIGKILL while the second page of a pull is in flight. The rerun
    /// resumes after the first page and ends with exactly the rows of an uninterrupted pull.
    @Test func aKilledPullResumesToTheSameRows() throws {
        let directory = try TemporaryDirectory("cli-kill")
        let keys = ["OPENAI_ADMIN_KEY": FixtureServer.adminKey]
        // Hourly buckets: 168 a page, so the pull from 1 November takes several pages.
        func arguments(_ server: FixtureServer, _ database: String, since: Bool = true) -> [String] {
            ["ingest", "openai", "usage", "--bucket-width", "1h", "--db", database, "--base-url", server.baseURL]
                + (since ? ["--since", "2026-11-01"] : [])
        }
        let cleanServer = try FixtureServer(in: directory)
        let cleanDatabase = directory.path("clean.sqlite")
        #expect(try run(arguments(cleanServer, cleanDatabase), environment: keys).status == 0)

        let usagePath = "/v1/organization/usage/completions"
        let server = try FixtureServer(in: directory, faults: [.kind("slow", on: usagePath, after: 1, delay: 60)])
        let database = directory.path("killed.sqlite")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = arguments(server, database)
        process.environment = keys
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(30)
        while try server.requests(to: "/organization/usage/completions").count < 2, Date() < deadline {
            usleep(20_000)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)

        let rows = "SELECT count(*), sum(input_tokens), sum(output_tokens), sum(request_count) FROM usage_buckets"
        func totals(_ path: String) throws -> [String] {
            try Database(path: path).query(rows) { row in (Int32(0)..<4).map { "\(row.value($0))" } }.first ?? []
        }
        let afterKill = try totals(database)
        #expect(afterKill != (try totals(cleanDatabase)))
        let cursorKey = "openai:organization/usage/completions?bucket_width=1h"
        #expect(try IngestLog(database: Database(path: database)).cursor(for: cursorKey) == "1794096000")

        let resumed = try run(arguments(server, database, since: false), environment: keys)
        #expect(resumed.status == 0)
        #expect(try totals(database) == (try totals(cleanDatabase)))
        let requests = try server.requests(to: "/organization/usage/completions")
        #expect(requests.count > 2)
        #expect(requests[2].value("start_time") == "1794096000")
    }
}
