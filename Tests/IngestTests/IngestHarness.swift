import DistillCore
import Foundation
import Ingest
import Store
import TestSupport

/// A fresh database in its own folder, and the fixtures, for one test.
struct IngestHarness {
    let folder: TemporaryDirectory
    let database: Database

    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    init() throws {
        folder = try TemporaryDirectory("ingest")
        database = try Database(path: folder.path("distill-roi.sqlite"))
    }

    static func fixture(_ name: String) -> String {
        fixtures.appendingPathComponent(name).path
    }

    /// Ingests a fixture (or any path) with the given options.
    @discardableResult
    func ingest(_ path: String, _ options: FileIngestOptions = FileIngestOptions()) throws -> FileIngestSummary {
        try FileIngester(database: database, options: options).ingest(path: path)
    }

    @discardableResult
    func ingestFixture(_ name: String, _ options: FileIngestOptions = FileIngestOptions()) throws -> FileIngestSummary {
        try ingest(Self.fixture(name), options)
    }

    /// Writes a file into the test's folder and returns its path.
    func file(_ name: String, _ contents: String) throws -> String {
        try folder.write(name, contents)
    }

    func count(_ table: String) throws -> Int64 {
        try database.scalar("SELECT count(*) FROM \(table)")?.int64 ?? -1
    }

    func values(_ sql: String, _ arguments: [any SQLBindable] = []) throws -> [[SQLValue]] {
        try database.query(sql, arguments) { row in (0..<row.columnCount).map { row.value($0) } }
    }

    /// One request row by key, with the model name and tag set resolved.
    func request(_ key: String) throws -> StoredRequest? {
        try database.query(
            """
            SELECT m.name, r.created_at, r.is_batch, r.service_tier, r.request_count, r.failed_count, r.input_tokens,
                r.cached_input_tokens, r.cache_write_tokens, r.output_tokens, r.reasoning_tokens, r.latency_ms,
                r.time_to_first_token_ms, r.status, t.canonical, r.project, r.audio_input_tokens, r.audio_output_tokens,
                r.cache_write_1h_tokens, r.reported_cost
            FROM requests r JOIN models m ON m.id = r.model_id LEFT JOIN tag_sets t ON t.id = r.tag_set_id
            WHERE r.request_key = ?
            """, [key]
        ) { row in
            StoredRequest(
                model: row.string(0), createdAt: row.int64(1), isBatch: row.int64(2) == 1,
                serviceTier: row.optionalString(3), requestCount: row.int64(4), failedCount: row.int64(5),
                tokens: TokenUsage(
                    input: row.int64(6), cachedInput: row.int64(7), cacheWrite: row.int64(8), output: row.int64(9),
                    reasoning: row.int64(10), audioInput: row.int64(16), audioOutput: row.int64(17),
                    cacheWriteOneHour: row.int64(18)),
                latencyMs: row.optionalDouble(11), timeToFirstTokenMs: row.optionalDouble(12), status: row.string(13),
                tags: row.optionalString(14), project: row.optionalString(15), reportedCost: row.optionalString(19))
        }.first
    }

    struct StoredRequest: Equatable {
        var model: String
        var createdAt: Int64
        var isBatch: Bool
        var serviceTier: String?
        var requestCount: Int64
        var failedCount: Int64
        var tokens: TokenUsage
        var latencyMs: Double?
        var timeToFirstTokenMs: Double?
        var status: String
        var tags: String?
        var project: String?
        var reportedCost: String?
    }
}

extension FileIngestSummary {
    /// The counts of one table and model, for compact expectations.
    func counts(_ table: String, _ model: String) -> WriteCounts? {
        rows.first { $0.table == table && $0.model == model }?.counts
    }
}
