/// Applies ordered migrations, recording the count in `PRAGMA user_version`.
///
/// Each migration runs in its own transaction together with the version bump, as in GRDB's
/// `DatabaseMigrator`, so a failed migration leaves the previous version intact. Applied migrations
/// are never edited: a schema change is a new migration appended to the list.
public struct Migrator: Sendable {
    public struct Migration: Sendable {
        public let name: String
        public let sql: String
    }

    public let migrations: [Migration]

    public static let standard = Migrator(migrations: [
        Migration(name: "v1 initial schema", sql: Schema.version1),
        Migration(name: "v2 daily request roll-ups", sql: Schema.version2),
        Migration(name: "v3 inserted requests rolled up by their writer", sql: Schema.version3),
    ])

    public var latestVersion: Int { migrations.count }

    public func currentVersion(_ database: Database) throws -> Int {
        Int(try database.scalar("PRAGMA user_version")?.int64 ?? 0)
    }

    /// Brings the database to the latest version; running it again is a no-op.
    public func migrate(_ database: Database) throws {
        let current = try currentVersion(database)
        guard current <= latestVersion else {
            throw StoreError(
                code: 0,
                message: "the database has schema version \(current), newer than this distill-roi "
                    + "understands (\(latestVersion)); upgrade distill-roi")
        }
        for (index, migration) in migrations.enumerated() where index >= current {
            try database.transaction {
                try database.execute(migration.sql)
                try database.execute("PRAGMA user_version = \(index + 1)")
            }
        }
    }
}
