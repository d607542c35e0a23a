/// Applies ordered migrations, recording the count in `PRAGMA user_version`.
///
/// Each migration runs in its own transaction together with the version bump, as in GRDB's
/// `DatabaseMigrator`, so a failed migration leaves the previous version intact. Applied migrations
/// are never edited: a schema change is a new migration appended to the list.
package struct Migrator: Sendable {
    package struct Migration: Sendable {
        package let name: String
        package let sql: String
    }

    package let migrations: [Migration]

    /// The standard list, or a prefix of it (tests build stores as an older version left them).
    package init(migrations: [Migration]) {
        self.migrations = migrations
    }

    package static let standard = Migrator(migrations: [
        Migration(name: "v1 initial schema", sql: Schema.version1),
        Migration(name: "v2 daily request roll-ups", sql: Schema.version2),
        Migration(name: "v3 inserted requests rolled up by their writer", sql: Schema.version3),
        Migration(name: "v4 requests found by a hash of their key", sql: Schema.version4),
        Migration(name: "v5 days left out of the roll-up marked for re-aggregation", sql: Schema.version5),
        Migration(name: "v6 audio tokens, one-hour cache writes and reported cost", sql: Schema.version6),
        Migration(name: "v7 long-context requests apart in the daily roll-up", sql: Schema.version7),
        Migration(name: "v8 one-time costs and fine-tuning charges", sql: Schema.version8),
    ])

    package var latestVersion: Int { migrations.count }

    private static func brokenReferenceCount(_ database: Database) throws -> Int {
        try database.query("PRAGMA foreign_key_check") { _ in 1 }.count
    }

    package func currentVersion(_ database: Database) throws -> Int {
        Int(try database.scalar("PRAGMA user_version")?.int64 ?? 0)
    }

    /// Brings the database to the latest version; running it again is a no-op.
    package func migrate(_ database: Database) throws {
        let current = try currentVersion(database)
        guard current <= latestVersion else {
            throw StoreError(
                code: 0,
                message: "the database has schema version \(current), newer than this distill-roi "
                    + "understands (\(latestVersion)); upgrade distill-roi")
        }
        guard current < latestVersion else { return }
        // A migration may rebuild a table other tables refer to: with foreign keys on, dropping
        // the old table would delete the rows that point at it. SQLite's documented procedure:
        // turn them off outside any transaction (inside one the pragma does nothing), check them
        // before committing.
        guard !database.isInTransaction else {
            throw StoreError(code: 0, message: "cannot migrate inside a transaction")
        }
        try database.execute("PRAGMA foreign_keys = OFF")
        defer { try? database.execute("PRAGMA foreign_keys = ON") }
        for (index, migration) in migrations.enumerated() where index >= current {
            try database.transaction {
                // Only references a migration breaks stop it, not any the store already had.
                let before = try Self.brokenReferenceCount(database)
                try database.execute(migration.sql)
                if try Self.brokenReferenceCount(database) > before {
                    throw StoreError(code: 0, message: "migration \(migration.name) would break a reference")
                }
                try database.execute("PRAGMA user_version = \(index + 1)")
            }
        }
    }
}
