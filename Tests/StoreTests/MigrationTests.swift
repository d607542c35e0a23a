import DistillCore
import Store
import Testing
import TestSupport

/// Upgrades of databases that earlier versions wrote: nothing lost, nothing left out of reports,
/// and the same schema as a database created today.
@Suite struct MigrationTests {
    /// Applied migrations are never edited (a database that ran one never runs it again): each
    /// migration's SQL is pinned by its hash. A schema change is a new migration.
    @Test func appliedMigrationsAreFrozen() {
        #expect(
            Migrator.standard.migrations.map { RequestKeyHash.of($0.sql) } == [
                -570_129_316_049_141_025, -827_338_135_727_220_044, 1_286_923_723_795_860_818,
                -4_762_720_373_704_206_486, -2_186_994_262_737_567_376, -3_211_837_630_437_196_671,
                3_392_254_673_847_552_361, 3_256_288_974_258_535_256,
            ])
    }

    @Test(arguments: 1...5) func upgradeKeepsEveryRow(from version: Int) throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("v\(version).sqlite")
        try LegacyStores.create(version: version, at: path)
        let legacy = try Database(path: path, migrate: false)
        let columns = try Self.columns(of: legacy)
        let before = try Self.contents(of: legacy, columns: columns)
        let upgraded = try Database(path: path)
        #expect(try Migrator.standard.currentVersion(upgraded) == Migrator.standard.latestVersion)
        #expect(try Self.contents(of: upgraded, columns: columns) == before)
        // Version 6's columns start as what the rows held: no audio, no one-hour writes, no reported cost.
        #expect(
            try upgraded.query(
                "SELECT sum(audio_input_tokens + audio_output_tokens + cache_write_1h_tokens), count(reported_cost) FROM requests"
            ) { "\($0.int64(0)) \($0.int64(1))" } == ["0 0"])
        #expect(
            try upgraded.query("SELECT request_key, key_hash FROM requests ORDER BY id") { $0.string(0) + " \($0.int64(1))" }
                == ["chatcmpl-a", "chatcmpl-b", "chatcmpl-c", "warehouse-1"].map { "\($0) \(RequestKeyHash.of($0))" })
        #expect(try upgraded.scalar("PRAGMA foreign_key_check") == nil)
        #expect(try upgraded.scalar("PRAGMA integrity_check")?.string == "ok")
    }

    @Test(arguments: 1...5) func upgradedSchemaEqualsAFreshOne(from version: Int) throws {
        let folder = try TemporaryDirectory()
        try LegacyStores.create(version: version, at: folder.path("old.sqlite"))
        let fresh = try Self.schema(of: Database(path: folder.path("fresh.sqlite")))
        #expect(try Self.schema(of: Database(path: folder.path("old.sqlite"))) == fresh)
        #expect(fresh.count > 20)
    }

    /// Version 2 created the roll-up empty and marked only days written after it, so requests
    /// stored by version 1 were in neither the roll-up nor a dirty day, and reports left them
    /// out; a later writer added only its own rows to such a day. Migration 5 marks those days.
    @Test(arguments: 1...5) func reportsSeeEveryUpgradedRequest(from version: Int) throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("old.sqlite")
        try LegacyStores.create(version: version, at: path)
        let database = try Database(path: path)
        #expect(try Self.readersView(database) == Self.aggregated(database))

        let writer = try RecordWriter(database: database, source: "new")
        try database.transaction {
            try writer.write(
                RequestRecord(
                    key: "chatcmpl-new", model: "gpt-4o-2024-08-06", createdAt: 1_795_450_000,
                    tokens: TokenUsage(input: 50, output: 5)))
            try writer.refreshDailyRollups()
        }
        #expect(try Self.rollup(database) == Self.aggregated(database))
        #expect(try database.scalar("SELECT count(*) FROM request_daily_dirty")?.int64 == 0)
    }

    /// Every table of a legacy store and its columns (`key_hash` left out: version 4 added it and
    /// computes it from the key), so the same columns are compared before and after an upgrade.
    private static func columns(of database: Database) throws -> [String: String] {
        var columns: [String: String] = [:]
        let tables = try database.query("SELECT name FROM sqlite_schema WHERE type = 'table'") { $0.string(0) }
        for name in tables {
            columns[name] = try database.query(
                "SELECT name FROM pragma_table_info(?) WHERE name != 'key_hash'", [name]
            ) { $0.string(0) }.joined(separator: ", ")
        }
        return columns
    }

    /// Every row of every table named in `columns`, by table, reading only those columns.
    private static func contents(of database: Database, columns: [String: String]) throws -> [String: [String]] {
        var contents: [String: [String]] = [:]
        for (name, list) in columns {
            contents[name] = try database.query("SELECT \(list) FROM \(name)") { row in
                (0..<row.columnCount).map { "\(row.value($0))" }.joined(separator: "|")
            }.sorted()
        }
        return contents
    }

    /// `sqlite_schema` without root pages (they depend on the order tables were created), with
    /// whitespace collapsed.
    private static func schema(of database: Database) throws -> [String] {
        try database.query("SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name") { row in
            (Int32(0)..<4).map { row.optionalString($0) ?? "NULL" }.joined(separator: " | ")
                .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
    }

    private static let groupColumns = """
        day, model_id, project, is_batch, service_tier, tag_set_id, request_count, failed_count, input_tokens,
            cached_input_tokens, cache_write_tokens, output_tokens, reasoning_tokens, latency_count
        """

    private static let aggregatedRequests = """
        SELECT created_at / 86400 - (created_at < 0 AND created_at % 86400 != 0) AS day, model_id,
            coalesce(project, '') AS project, is_batch, coalesce(service_tier, '') AS service_tier,
            coalesce(tag_set_id, 0) AS tag_set_id, sum(request_count) AS request_count,
            sum(failed_count) AS failed_count, sum(input_tokens) AS input_tokens,
            sum(cached_input_tokens) AS cached_input_tokens, sum(cache_write_tokens) AS cache_write_tokens,
            sum(output_tokens) AS output_tokens, sum(reasoning_tokens) AS reasoning_tokens,
            count(latency_ms) AS latency_count
        FROM requests GROUP BY 1, 2, 3, 4, 5, 6
        """

    private static func rows(_ database: Database, _ sql: String) throws -> [String] {
        try database.query(sql) { row in (Int32(0)..<14).map { "\(row.value($0))" }.joined(separator: "/") }.sorted()
    }

    /// What the roll-up must equal: the requests aggregated per day and group.
    private static func aggregated(_ database: Database) throws -> [String] {
        try rows(database, aggregatedRequests)
    }

    private static func rollup(_ database: Database) throws -> [String] {
        try rows(database, "SELECT \(groupColumns) FROM request_daily")
    }

    /// What readers see (`UsageQuery`): the roll-up for clean days, the requests themselves for
    /// days marked dirty.
    private static func readersView(_ database: Database) throws -> [String] {
        try rows(
            database,
            """
            SELECT \(groupColumns) FROM request_daily WHERE day NOT IN (SELECT day FROM request_daily_dirty)
            UNION ALL
            SELECT * FROM (\(aggregatedRequests)) WHERE day IN (SELECT day FROM request_daily_dirty)
            """)
    }
}
