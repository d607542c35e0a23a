import Foundation
import HTTP

#if canImport(Glibc)
import Glibc
#endif
import Ingest
import Store
import TestSupport

/// A database, a loopback server and an ingester wired together for one test.
final class OpenAIHarness {
    /// 2026-11-01: before every fixture row.
    static let since: Int64 = 1_793_491_200
    /// Small pages, so every endpoint paginates: 12 completions in 4 pages, 4 jobs in 2, buckets 3 a page.
    static let pageSize = 3

    let directory: TemporaryDirectory
    let server: FixtureServer
    let databasePath: String
    let database: Database
    let clock = ManualClock(now: 1_796_000_000)
    var progressLines: [String] = []

    init(
        faults: [FixtureServer.Fault] = [], directory: TemporaryDirectory? = nil, organization: String? = nil,
        project: String? = nil
    ) throws {
        let directory = try directory ?? TemporaryDirectory("openai")
        self.directory = directory
        server = try FixtureServer(in: directory, faults: faults, organization: organization, project: project)
        databasePath = directory.path("distill-\(UUID().uuidString).sqlite")
        database = try Database(path: databasePath)
    }

    var environment: [String: String] {
        [
            "OPENAI_API_KEY": FixtureServer.apiKey, "OPENAI_ADMIN_KEY": FixtureServer.adminKey,
            "OPENAI_BASE_URL": server.baseURL,
        ]
    }

    func ingester(
        environment: [String: String]? = nil, maxRetries: Int = 3, totalTimeout: Double = 10
    ) throws -> OpenAIIngester {
        let transport = try CurlTransport(timeouts: HTTPTimeouts(connectSeconds: 5, totalSeconds: totalTimeout))
        let http = HTTPClient(transport: transport, policy: RetryPolicy(maxRetries: maxRetries), clock: clock, jitter: { 0 })
        let requester = OpenAIRequester(environment: OpenAIEnvironment(environment: environment ?? self.environment), http: http)
        return OpenAIIngester(database: database, requester: requester, clock: clock) { [unowned self] line in
            progressLines.append(line)
        }
    }

    @discardableResult
    func pull(
        _ endpoints: [OpenAIEndpoint] = OpenAIIngester.allEndpoints, since: Int64? = OpenAIHarness.since,
        until: Int64? = nil, maxRetries: Int = 3, totalTimeout: Double = 10, options: OpenAIPullOptions? = nil
    ) throws -> [OpenAIPullResult] {
        var options = options ?? OpenAIPullOptions()
        options.since = since
        options.until = until
        options.pageSize = options.pageSize ?? Self.pageSize
        return try ingester(maxRetries: maxRetries, totalTimeout: totalTimeout).pull(endpoints, options: options)
    }

    /// Every stored row except the ingest log and the cursors' update times: what "the same
    /// database" means when comparing a faulty run with a clean one.
    func snapshot() throws -> [String: [String]] {
        let tables = [
            "models": "SELECT * FROM models ORDER BY name",
            "sources": "SELECT name FROM sources ORDER BY name",
            "tag_sets": "SELECT canonical FROM tag_sets ORDER BY canonical",
            "requests": """
                SELECT request_key, m.name, created_at, project, is_batch, service_tier, request_count, input_tokens,
                    cached_input_tokens, cache_write_tokens, output_tokens, reasoning_tokens, status, t.canonical
                FROM requests r JOIN models m ON m.id = r.model_id LEFT JOIN tag_sets t ON t.id = r.tag_set_id
                ORDER BY request_key
                """,
            "usage_buckets": """
                SELECT start_time, end_time, m.name, project, is_batch, service_tier, request_count, input_tokens,
                    cached_input_tokens, output_tokens
                FROM usage_buckets u JOIN models m ON m.id = u.model_id ORDER BY 1, 2, 3, 4, 5, 6
                """,
            "billed_costs": "SELECT start_time, end_time, line_item, project, amount, currency FROM billed_costs ORDER BY 1, 2, 3, 4",
            "fine_tuning_jobs": """
                SELECT id, base_model, fine_tuned_model, status, method, trained_tokens, epochs, training_file,
                    created_at, finished_at, metadata FROM fine_tuning_jobs ORDER BY id
                """,
            "ingest_cursors": "SELECT source, cursor FROM ingest_cursors ORDER BY source",
        ]
        var snapshot: [String: [String]] = [:]
        for (table, sql) in tables {
            snapshot[table] = try database.query(sql) { row in
                (0..<row.columnCount).map { "\(row.value($0))" }.joined(separator: "|")
            }
        }
        return snapshot
    }

    func count(_ table: String) throws -> Int {
        Int(try database.scalar("SELECT count(*) FROM \(table)")?.int64 ?? -1)
    }

    func sum(_ sql: String) throws -> Int64 {
        try database.scalar(sql)?.int64 ?? -1
    }

    func cursor(_ key: String) throws -> String? {
        try IngestLog(database: database).cursor(for: key)
    }

    /// The bytes of the database file and its WAL: everything the store has written to disk.
    func storedBytes() throws -> [UInt8] {
        var bytes: [UInt8] = []
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: databasePath + suffix) {
            bytes += try [UInt8](Data(contentsOf: URL(fileURLWithPath: databasePath + suffix)))
        }
        return bytes
    }
}

extension Array where Element == UInt8 {
    /// A byte search over unsafe buffers: the WAL of a test database is megabytes, too much for
    /// slice comparisons in a debug build.
    func contains(text: String) -> Bool {
        let needle = Array(text.utf8)
        return withUnsafeBufferPointer { haystack in
            guard let base = haystack.baseAddress, let first = needle.first, haystack.count >= needle.count else {
                return false
            }
            for start in 0...(haystack.count - needle.count) where haystack[start] == first {
                if memcmp(base + start, needle, needle.count) == 0 { return true }
            }
            return false
        }
    }
}
