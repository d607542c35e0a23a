import Foundation
import HTTP
import Ingest
import Store
import Testing
import TestSupport

/// The four endpoints pulled from the loopback server into a real SQLite file.
@Suite struct OpenAIIngestTests {
    static let completionsPath = "/v1/chat/completions"
    static let usagePath = "/v1/organization/usage/completions"
    static let costsPath = "/v1/organization/costs"
    static let jobsPath = "/v1/fine_tuning/jobs"

    /// The fixture totals, checked once here so every other test can compare against a clean run.
    @Test func allFourSourcesIngestTheFixtureTotals() throws {
        let harness = try OpenAIHarness()
        let results = try harness.pull()
        #expect(results.map(\.endpoint) == [.completions, .usage, .costs, .fineTuning])
        #expect(results.map(\.pages) == [4, 10, 10, 2])
        #expect(results.map(\.counts.inserted) == [12, 18, 21, 4])

        #expect(try harness.count("requests") == 12)
        #expect(try harness.sum("SELECT sum(input_tokens) FROM requests") == 1860)
        #expect(try harness.sum("SELECT sum(cached_input_tokens) FROM requests") == 120)
        #expect(try harness.sum("SELECT sum(output_tokens) FROM requests") == 306)
        #expect(try harness.count("tag_sets") == 2)
        // Pulled completions are rolled up daily in the page's transaction, as a file ingest does.
        #expect(try harness.count("request_daily_dirty") == 0)
        #expect(try harness.sum("SELECT sum(input_tokens) FROM request_daily") == 1860)

        #expect(try harness.count("usage_buckets") == 18)
        #expect(try harness.sum("SELECT sum(input_tokens) FROM usage_buckets") == 73_500)
        #expect(try harness.sum("SELECT sum(output_tokens) FROM usage_buckets") == 14_550)
        #expect(try harness.sum("SELECT sum(request_count) FROM usage_buckets") == 249)
        #expect(try harness.sum("SELECT count(*) FROM usage_buckets WHERE is_batch = 1 AND service_tier = 'batch'") == 4)

        #expect(try harness.count("billed_costs") == 21)
        let amounts = try harness.database.query("SELECT DISTINCT amount FROM billed_costs ORDER BY amount") { $0.string(0) }
        #expect(amounts == ["0.0025", "0.0375", "0.12"])

        #expect(try harness.count("fine_tuning_jobs") == 4)
        let running = try harness.database.query(
            "SELECT status, trained_tokens, epochs, metadata FROM fine_tuning_jobs WHERE id = 'ftjob-fx04'"
        ) { "\($0.string(0)) \($0.optionalInt64(1).map(String.init) ?? "null") \($0.int64(2)) \($0.string(3))" }
        #expect(running == [#"running null 3 {"team":"support"}"#])

        #expect(try harness.cursor("openai:chat/completions") == "1793775600 chatcmpl-fx0012")
        #expect(try harness.cursor("openai:organization/costs") == "1795996800")
        #expect(try harness.cursor("openai:organization/usage/completions?bucket_width=1d") == "1795996800")
        #expect(try harness.cursor("openai:fine_tuning/jobs") == "1793840400")

        let log = try IngestLog(database: harness.database).entries()
        #expect(log.map(\.status) == ["ok", "ok", "ok", "ok"])
        #expect(log.map(\.source) == results.map(\.endpoint.sourceName))
    }

    /// The request shapes the reference documents: parameters, pagination, keys per endpoint.
    @Test func sendsTheDocumentedParametersWithTheRightKeys() throws {
        let harness = try OpenAIHarness()
        try harness.pull()
        let requests = try harness.server.requests()
        #expect(requests.allSatisfy { $0.auth == "ok" })

        let completions = requests.filter { $0.path == Self.completionsPath }
        #expect(completions.map { $0.value("after") } == [nil, "chatcmpl-fx0003", "chatcmpl-fx0006", "chatcmpl-fx0009"])
        #expect(completions.allSatisfy { $0.value("order") == "asc" && $0.value("limit") == "3" })

        let usage = requests.filter { $0.path == Self.usagePath }
        #expect(usage.first?.values("group_by[]") == ["model", "project_id", "batch", "service_tier"])
        #expect(usage.first?.value("bucket_width") == "1d")
        #expect(usage.first?.value("start_time") == "1793491200")
        #expect(usage.first?.value("end_time") == "1796000000")
        #expect(usage.dropFirst().allSatisfy { $0.value("page") != nil })

        let costs = requests.filter { $0.path == Self.costsPath }
        #expect(costs.first?.values("group_by[]") == ["line_item", "project_id"])
        let jobs = requests.filter { $0.path == Self.jobsPath }
        #expect(jobs.map { $0.value("after") } == [nil, "ftjob-fx02"])
    }

    @Test func aSecondRunFetchesNothingNew() throws {
        let harness = try OpenAIHarness()
        try harness.pull()
        let before = try harness.snapshot()
        let requestsBefore = try harness.server.requests().count
        let second = try harness.pull(since: nil)
        #expect(second.allSatisfy { $0.counts.inserted == 0 && $0.counts.updated == 0 })
        #expect(try harness.snapshot() == before)

        let rerun = try harness.server.requests().dropFirst(requestsBefore)
        let completions = rerun.filter { $0.path == Self.completionsPath }
        #expect(completions.map { $0.value("after") } == ["chatcmpl-fx0012"])
        #expect(rerun.first { $0.path == Self.usagePath }?.value("start_time") == "1795996800")
        #expect(rerun.filter { $0.path == Self.jobsPath }.count == 1)
        #expect(try IngestLog(database: harness.database).entries().count == 8)
    }

    /// Faults that retries cure: the database ends exactly as after a clean run. (A reset on a
    /// reused keep-alive connection is retried by libcurl itself on a fresh one, before any byte
    /// of the response, so the reset is injected on the run's first request.)
    @Test(arguments: [
        FixtureServer.Fault.status(429, on: usagePath, after: 1, headers: ["Retry-After": "2"]),
        .status(429, on: completionsPath, headers: ["x-ratelimit-reset-requests": "6m0s"]),
        .status(500, on: costsPath, times: 2),
        .status(503, on: jobsPath, after: 1),
        .kind("reset", on: completionsPath),
        .kind("truncate", on: usagePath),
        .kind("truncate", on: jobsPath, after: 1),
        .kind("slow", on: costsPath, after: 1, delay: 6),
    ])
    func faultsRetryToTheCleanTotals(fault: FixtureServer.Fault) throws {
        let clean = try OpenAIHarness()
        try clean.pull()
        let harness = try OpenAIHarness(faults: [fault])
        let results = try harness.pull(totalTimeout: 2)
        #expect(try harness.snapshot() == (try clean.snapshot()))
        #expect(results.map(\.counts.inserted) == [12, 18, 21, 4])
        #expect(harness.clock.sleeps.count == fault.times)
        #expect(harness.progressLines.contains { $0.hasPrefix("waiting ") })
    }

    /// Faults that outlast the retries, or that no retry can fix: a clear message, and nothing
    /// stored from the endpoint that failed.
    @Test(arguments: [
        (FixtureServer.Fault.status(500, on: usagePath, times: 9), "answered HTTP 500 (Internal Server Error) (2 attempts)"),
        (.kind("reset", on: usagePath, times: 9), "Cannot reach http://127.0.0.1"),
        (.kind("slow", on: usagePath, times: 9, delay: 3), "timed out (2 attempts)"),
        (.kind("truncate", on: usagePath, times: 9), "Cannot reach http://127.0.0.1"),
        (.status(403, on: usagePath), "answered HTTP 403 (Forbidden): Injected failure. The key lacks permission"),
        (.status(404, on: usagePath), "answered HTTP 404 (Not Found): Injected failure. Check the base URL"),
        (.status(400, on: usagePath), "answered HTTP 400 (Bad Request): Injected failure. The server rejected the request as sent."),
        (.kind("malformed", on: usagePath, drop: "has_more"), "GET /organization/usage/completions returned a page this tool cannot read (field has_more: is missing)"),
        (.kind("malformed", on: usagePath, drop: "data"), "(field data: is missing)"),
    ])
    func faultsThatPersistFailClearlyAndStoreNothing(fault: FixtureServer.Fault, message: String) throws {
        let harness = try OpenAIHarness(faults: [fault])
        let before = try harness.snapshot()
        let error = try #require(throws: (any Error).self) { try harness.pull([.usage], maxRetries: 1, totalTimeout: 1) }
        #expect("\(error)".contains(message))
        #expect(try harness.snapshot() == before)
        let log = try IngestLog(database: harness.database).entries()
        #expect(log.map(\.status) == ["failed"])
        #expect(log.first?.message == "\(error)")
    }

    /// A pull stopped after its first page keeps that page and its cursor; the rerun asks for what
    /// follows and ends with the same rows as a clean run.
    @Test(arguments: [completionsPath, usagePath, costsPath, jobsPath])
    func anInterruptedPullResumesToIdenticalTotals(path: String) throws {
        let clean = try OpenAIHarness()
        try clean.pull()
        let harness = try OpenAIHarness(faults: [.kind("malformed", on: path, after: 1, drop: "data")])
        #expect(throws: OpenAIIngestError.self) { try harness.pull() }
        let storedAfterFailure = try harness.snapshot()
        #expect(try storedAfterFailure != clean.snapshot())
        try harness.pull(since: nil)
        #expect(try harness.snapshot() == (try clean.snapshot()))
        #expect(try IngestLog(database: harness.database).entries().map(\.status).contains("failed"))
    }

    @Test func completionsResumeAfterTheLastStoredPage() throws {
        let harness = try OpenAIHarness(faults: [.status(500, on: Self.completionsPath, after: 1, times: 9)])
        #expect(throws: HTTPError.self) { try harness.pull([.completions], maxRetries: 0) }
        #expect(try harness.count("requests") == 3)
        #expect(try harness.cursor("openai:chat/completions") == "1793613600 chatcmpl-fx0003")
    }

    @Test func noKeyReachesTheDatabaseTheLogOrAnyMessage() throws {
        let harness = try OpenAIHarness(faults: [.status(429, on: Self.usagePath, headers: ["Retry-After": "1"])])
        try harness.pull()
        var messages: [String] = harness.progressLines
        var wrongKeys = harness.environment
        wrongKeys["OPENAI_API_KEY"] = "sk-proj-WRONGKEY2222distillroi"
        for endpoint in OpenAIIngester.allEndpoints {
            do {
                _ = try harness.ingester(environment: wrongKeys).pull([endpoint], options: OpenAIPullOptions())
            } catch {
                messages.append("\(error)")
            }
        }
        #expect(messages.contains { $0.contains("Incorrect API key provided: sk-[redacted]") })
        messages += try IngestLog(database: harness.database).entries().compactMap(\.message)
        let stored = try harness.storedBytes()
        let serverLog = try [UInt8](Data(contentsOf: URL(fileURLWithPath: harness.server.logPath)))
        for key in [FixtureServer.apiKey, FixtureServer.adminKey, "sk-proj-WRONGKEY2222distillroi", "distillroi"] {
            #expect(!stored.contains(text: key))
            #expect(!serverLog.contains(text: key))
            #expect(!messages.contains { $0.contains(key) })
        }
    }

    @Test func aMissingKeyIsOneLineNamingTheVariableAndSendsNothing() throws {
        let harness = try OpenAIHarness()
        var environment = harness.environment
        environment["OPENAI_ADMIN_KEY"] = nil
        let error = try #require(throws: OpenAIIngestError.self) {
            try harness.ingester(environment: environment).pull(OpenAIIngester.allEndpoints, options: OpenAIPullOptions())
        }
        #expect(error.description == "OPENAI_ADMIN_KEY is not set: GET /organization/usage/completions needs an organization admin key in that environment variable.")
        #expect(try harness.server.requests().isEmpty)
    }

    @Test func organizationAndProjectHeadersAreSentWhenSet() throws {
        let harness = try OpenAIHarness(organization: "org-fx", project: "proj_fx")
        var environment = harness.environment
        environment["OPENAI_ORG_ID"] = "org-fx"
        environment["OPENAI_PROJECT_ID"] = "proj_fx"
        let results = try harness.ingester(environment: environment).pull(
            [.completions, .costs], options: OpenAIPullOptions(since: OpenAIHarness.since))
        #expect(results.map(\.counts.inserted) == [12, 21])
        #expect(try harness.server.requests().allSatisfy { $0.organization == "org-fx" && $0.project == "proj_fx" })
    }

    @Test func completionFiltersAreSentAndKeepTheirOwnCursor() throws {
        let harness = try OpenAIHarness()
        let options = OpenAIPullOptions(model: "gpt-4o-2024-08-06", metadata: ["feature": "faq-bot"])
        let results = try harness.pull([.completions], options: options)
        #expect(results.first?.counts.inserted == 4)
        let request = try #require(try harness.server.requests().first)
        #expect(request.value("model") == "gpt-4o-2024-08-06")
        #expect(request.value("metadata[feature]") == "faq-bot")
        #expect(try harness.cursor("openai:chat/completions?model=gpt-4o-2024-08-06&metadata[feature]=faq-bot") != nil)
        #expect(try harness.cursor("openai:chat/completions") == nil)
    }

    /// A backfill window stores what is in it and never moves a cursor back.
    @Test func untilLimitsTheWindowWithoutRewindingCursors() throws {
        let harness = try OpenAIHarness()
        try harness.pull()
        let cursors = try harness.snapshot()["ingest_cursors"]
        let november4: Int64 = 1_793_750_400
        let results = try harness.pull(since: OpenAIHarness.since, until: november4)
        #expect(results.map(\.counts.unchanged) == [10, 5, 6, 2])
        #expect(try harness.snapshot()["ingest_cursors"] == cursors)
    }

    @Test func hourlyBucketsKeepTheirOwnCursor() throws {
        let harness = try OpenAIHarness()
        let options = OpenAIPullOptions(bucketWidth: .hour, pageSize: 168)
        let results = try harness.pull([.usage], until: 1_794_182_400, options: options)
        #expect(results.first?.counts.inserted == 18)
        #expect(try harness.cursor("openai:organization/usage/completions?bucket_width=1h") == "1794182400")
        #expect(try harness.server.requests().first?.value("bucket_width") == "1h")
    }
}
