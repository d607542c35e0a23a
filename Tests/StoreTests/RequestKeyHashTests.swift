import Store
import Testing
import TestSupport

@Suite struct RequestKeyHashTests {
    /// The hash is stored in every database: these values (computed by an independent Python
    /// implementation of FNV-1a and MurmurHash3's finalizer) pin it, so changing the function,
    /// which would make every stored request unfindable, fails here instead of in the field.
    @Test func hashIsStable() {
        #expect(RequestKeyHash.of("") == -1_166_397_803_181_037_274)
        #expect(RequestKeyHash.of("chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG") == -3_073_996_532_419_007_430)
        #expect(RequestKeyHash.of("batch_req_123:ç€😀") == -4_482_368_658_448_782_092)
    }

    @Test func sqlFunctionEqualsSwift() throws {
        let folder = try TemporaryDirectory()
        let database = try Database(path: folder.path("a.sqlite"))
        for key in ["", "a", "chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG", "ç€😀", String(repeating: "x", count: 5_000)] {
            #expect(try database.scalar("SELECT distill_request_key_hash(?)", [key])?.int64 == RequestKeyHash.of(key))
        }
    }

    /// Another request already holding a key's hash (simulated: real 64-bit collisions cannot be
    /// found for a test) must not swallow the new request, and the new one must be found again by
    /// its key, also after the request holding the hash is deleted.
    @Test func aCollidingKeyIsStoredAndFoundByItsText() throws {
        let folder = try TemporaryDirectory()
        let database = try Database(path: folder.path("a.sqlite"))
        let writer = try RecordWriter(database: database, source: "s")
        try database.transaction {
            try writer.write(Fixtures.request("holder"))
            try database.execute(
                "UPDATE requests SET key_hash = ? WHERE request_key = 'holder'", [RequestKeyHash.of("newcomer")])
        }
        let later = try RecordWriter(database: database, source: "s")
        try database.transaction {
            #expect(try later.write(Fixtures.request("newcomer", input: 300)) == .inserted)
            #expect(try later.write(Fixtures.request("newcomer", input: 300)) == .unchanged)
            #expect(try later.write(Fixtures.request("newcomer", input: 400)) == .updated)
            try later.refreshDailyRollups()
        }
        #expect(try later.requestID(forKey: "newcomer") != later.requestID(forKey: "holder"))
        try database.transaction {
            try database.execute("DELETE FROM requests WHERE request_key = 'holder'")
            let afterDelete = try RecordWriter(database: database, source: "s")
            #expect(try afterDelete.write(Fixtures.request("newcomer", input: 400)) == .unchanged)
            try afterDelete.refreshDailyRollups()
        }
        #expect(
            try database.query("SELECT request_key, input_tokens, key_hash IS NULL FROM requests") {
                "\($0.string(0)) \($0.int64(1)) \($0.int64(2))"
            } == ["newcomer 400 1"])
        #expect(try database.scalar("SELECT sum(input_tokens) FROM request_daily")?.int64 == 400)
    }

    /// A store written by the version before key hashes keeps every request, id and content row.
    @Test func migrationHashesStoredKeysAndKeepsIDs() throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("old.sqlite")
        do {
            let old = try Database(path: path, migrate: false)
            try Migrator(migrations: Array(Migrator.standard.migrations.prefix(3))).migrate(old)
            try old.execute(
                """
                INSERT INTO sources (id, name) VALUES (1, 'old');
                INSERT INTO models (id, name) VALUES (1, 'gpt-4o');
                INSERT INTO requests (id, request_key, source_id, model_id, created_at, input_tokens)
                    VALUES (7, 'chatcmpl-a', 1, 1, 1795442709, 10), (9, 'chatcmpl-b', 1, 1, 1795442710, 20);
                INSERT INTO request_content (request_id, messages) VALUES (9, '[]');
                """)
        }
        let database = try Database(path: path)
        #expect(
            try database.query("SELECT id, request_key, key_hash FROM requests ORDER BY id") {
                "\($0.int64(0)) \($0.string(1)) \($0.int64(2))"
            } == [
                "7 chatcmpl-a \(RequestKeyHash.of("chatcmpl-a"))", "9 chatcmpl-b \(RequestKeyHash.of("chatcmpl-b"))",
            ])
        #expect(try database.scalar("SELECT request_id FROM request_content")?.int64 == 9)
        let writer = try RecordWriter(database: database, source: "new")
        #expect(try writer.requestID(forKey: "chatcmpl-b") == 9)
        #expect(try database.scalar("PRAGMA foreign_keys")?.int64 == 1)
        #expect(
            try database.scalar(
                "SELECT count(*) FROM sqlite_schema WHERE name IN ('requests_by_time', 'requests_unhashed', 'requests_mark_update', 'requests_mark_delete')"
            )?.int64 == 4)
    }

    @Test func migratingInsideATransactionIsRefused() throws {
        let folder = try TemporaryDirectory()
        let database = try Database(path: folder.path("a.sqlite"), migrate: false)
        #expect(throws: StoreError.self) {
            try database.transaction { try Migrator.standard.migrate(database) }
        }
    }
}
