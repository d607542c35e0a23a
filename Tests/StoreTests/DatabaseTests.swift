import DistillCore
import Foundation
import Store
import Testing
import TestSupport

@Suite struct DatabaseTests {
    @Test func opensWithWALForeignKeysAndPrivateMode() throws {
        let folder = try TemporaryDirectory()
        let database = try Database(path: folder.path("a.sqlite"))
        #expect(try database.scalar("PRAGMA journal_mode")?.string == "wal")
        #expect(try database.scalar("PRAGMA foreign_keys")?.int64 == 1)
        let attributes = try FileManager.default.attributesOfItem(atPath: folder.path("a.sqlite"))
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
    }

    @Test func migratingTwiceIsANoOp() throws {
        let folder = try TemporaryDirectory()
        let database = try Database(path: folder.path("a.sqlite"))
        let schema = { try database.query("SELECT type, name, sql FROM sqlite_schema ORDER BY name") { "\($0.value(0)) \($0.value(1)) \($0.value(2))" } }
        let before = try schema()
        #expect(try Migrator.standard.currentVersion(database) == Migrator.standard.latestVersion)
        try Migrator.standard.migrate(database)
        try Migrator.standard.migrate(database)
        #expect(try schema() == before)
        #expect(try Migrator.standard.currentVersion(database) == Migrator.standard.latestVersion)
        // Reopening runs the migrator again: still the same schema.
        let reopened = try Database(path: folder.path("a.sqlite"))
        #expect(try reopened.query("SELECT type, name, sql FROM sqlite_schema ORDER BY name") { "\($0.value(0)) \($0.value(1)) \($0.value(2))" } == before)
    }

    @Test func refusesANewerSchema() throws {
        let folder = try TemporaryDirectory()
        let database = try Database(path: folder.path("a.sqlite"))
        try database.execute("PRAGMA user_version = 99")
        #expect(throws: StoreError.self) { try Database(path: folder.path("a.sqlite")) }
    }

    @Test func transactionThatThrowsLeavesTheDatabaseUnchanged() throws {
        struct Boom: Error {}
        let folder = try TemporaryDirectory()
        let database = try Database(path: folder.path("a.sqlite"))
        let writer = try RecordWriter(database: database, source: "test")
        try database.transaction { try writer.write(Fixtures.request("a")) }
        let before = try database.scalar("SELECT count(*) || '/' || sum(input_tokens) FROM requests")
        #expect(throws: Boom.self) {
            try database.transaction {
                let writer = try RecordWriter(database: database, source: "other")
                try writer.write(Fixtures.request("b"))
                try writer.write(Fixtures.request("a", input: 999))
                throw Boom()
            }
        }
        #expect(try database.scalar("SELECT count(*) || '/' || sum(input_tokens) FROM requests") == before)
        #expect(try database.scalar("SELECT count(*) FROM sources WHERE name = 'other'")?.int64 == 0)
        #expect(!database.isInTransaction)
    }

    @Test func nestedTransactionRollsBackOnlyItsOwnWork() throws {
        struct Boom: Error {}
        let folder = try TemporaryDirectory()
        let database = try Database(path: folder.path("a.sqlite"))
        let writer = try RecordWriter(database: database, source: "test")
        try database.transaction {
            try writer.write(Fixtures.request("outer"))
            try? database.transaction {
                try writer.write(Fixtures.request("inner"))
                throw Boom()
            }
        }
        #expect(try database.query("SELECT request_key FROM requests") { $0.string(0) } == ["outer"])
    }

    /// A COMMIT can fail (a full disk, a deferred constraint) and leave the transaction open: it
    /// must be rolled back, and the next transaction must work. A deferred foreign key is checked
    /// only at COMMIT, so the COMMIT itself fails here.
    @Test func failedCommitRollsBackAndLeavesTheConnectionUsable() throws {
        let folder = try TemporaryDirectory()
        let database = try Database(path: folder.path("a.sqlite"))
        try database.execute(
            """
            CREATE TABLE parent (id INTEGER PRIMARY KEY);
            CREATE TABLE child (parent_id INTEGER REFERENCES parent(id) DEFERRABLE INITIALLY DEFERRED);
            """)
        #expect {
            try database.transaction { try database.execute("INSERT INTO child VALUES (1)") }
        } throws: { error in
            (error as? StoreError)?.code == 787 && (error as? StoreError)?.sql == "COMMIT"  // SQLITE_CONSTRAINT_FOREIGNKEY
        }
        #expect(!database.isInTransaction)
        #expect(try database.scalar("SELECT count(*) FROM child")?.int64 == 0)

        try database.transaction {
            try database.execute("INSERT INTO parent VALUES (1)")
            try database.transaction { try database.execute("INSERT INTO child VALUES (1)") }
        }
        #expect(try database.scalar("SELECT count(*) FROM child")?.int64 == 1)
        #expect(!database.isInTransaction)
    }

    @Test func bulkWriteSettingsAreRestoredEvenOnThrow() throws {
        struct Boom: Error {}
        let folder = try TemporaryDirectory()
        let database = try Database(path: folder.path("a.sqlite"))
        let settings = {
            try ["cache_size", "foreign_keys", "temp_store"].map { try database.scalar("PRAGMA \($0)")?.int64 ?? -1 }
        }
        let before = try settings()
        #expect(try database.withBulkWriteSettings { try settings() } == [-49_152, 0, 2])
        #expect(try settings() == before)
        #expect(throws: Boom.self) {
            try database.withBulkWriteSettings { throw Boom() }
        }
        #expect(try settings() == before)
        #expect(before[1] == 1)
    }

    @Test func errorsCarryCodeMessageAndSQLButNotValues() throws {
        let folder = try TemporaryDirectory()
        let database = try Database(path: folder.path("a.sqlite"))
        do {
            try database.execute("INSERT INTO models (id, name) VALUES (?, ?)", [1, "secret-value"])
            try database.execute("INSERT INTO models (id, name) VALUES (?, ?)", [1, "secret-value"])
            Issue.record("expected a constraint error")
        } catch let error as StoreError {
            #expect(error.code == 1555)  // SQLITE_CONSTRAINT_PRIMARYKEY
            #expect(error.message.contains("UNIQUE constraint failed"))
            #expect(error.sql?.contains("INSERT INTO models") == true)
            #expect(!error.description.contains("secret-value"))
        }
    }

    @Test func checkConstraintsRejectImpossibleTokenCounts() throws {
        let folder = try TemporaryDirectory()
        let database = try Database(path: folder.path("a.sqlite"))
        let writer = try RecordWriter(database: database, source: "test")
        var request = Fixtures.request("a")
        request.tokens = TokenUsage(input: 10, cachedInput: 20, output: 1)
        #expect(throws: StoreError.self) { try writer.write(request) }
        request.tokens = TokenUsage(input: -1, output: 1)
        #expect(throws: StoreError.self) { try writer.write(request) }
    }

    @Test func bindsEmptyTextAsTextNotNull() throws {
        let folder = try TemporaryDirectory()
        let database = try Database(path: folder.path("a.sqlite"))
        #expect(try database.scalar("SELECT typeof(?)", [""])?.string == "text")
        #expect(try database.scalar("SELECT ?", ["héllo ✓"])?.string == "héllo ✓")
    }
}
