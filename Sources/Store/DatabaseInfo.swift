/// What `distill-roi db info` shows: schema version, rows per table, time span, size on disk.
package struct DatabaseInfo: Sendable, Equatable {
    package struct TableCount: Sendable, Equatable {
        package let table: String
        package let rows: Int
    }

    package let path: String
    package let schemaVersion: Int
    package let tables: [TableCount]
    /// Earliest and latest request or usage-bucket time (Unix seconds), nil when empty.
    package let firstTimestamp: Int64?
    package let lastTimestamp: Int64?
    /// Pages × page size: the bytes the database occupies, excluding an unmerged WAL file.
    package let sizeBytes: Int64

    package static func read(from database: Database) throws -> DatabaseInfo {
        let names = try database.query(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
        ) { $0.string(0) }
        let tables = try names.map { name in
            TableCount(table: name, rows: Int(try database.scalar("SELECT count(*) FROM \"\(name)\"")?.int64 ?? 0))
        }
        let span = try database.query(
            """
            SELECT min(t), max(t) FROM (
                SELECT min(created_at) AS t FROM requests UNION ALL SELECT max(created_at) FROM requests
                UNION ALL SELECT min(start_time) FROM usage_buckets UNION ALL SELECT max(end_time) FROM usage_buckets)
            """
        ) { ($0.optionalInt64(0), $0.optionalInt64(1)) }.first
        let pages = try database.scalar("PRAGMA page_count")?.int64 ?? 0
        let pageSize = try database.scalar("PRAGMA page_size")?.int64 ?? 0
        return DatabaseInfo(
            path: database.path, schemaVersion: try Migrator.standard.currentVersion(database), tables: tables,
            firstTimestamp: span?.0 ?? nil, lastTimestamp: span?.1 ?? nil, sizeBytes: pages * pageSize)
    }
}
