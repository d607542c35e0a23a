import DistillCore
import Store
import Testing
import TestSupport

@Suite struct DailyRollupTests {
    private func totals(_ database: Database, _ table: String) throws -> String {
        let day = table == "requests" ? "created_at / 86400" : "day"
        return try database.query(
            "SELECT \(day), sum(request_count), sum(input_tokens), sum(output_tokens) FROM \(table) GROUP BY 1 ORDER BY 1"
        ) { "\($0.int64(0)):\($0.int64(1))/\($0.int64(2))/\($0.int64(3))" }.joined(separator: " ")
    }

    @Test func rollupMatchesRequestsAfterInsertsUpdatesAndDeletes() throws {
        let folder = try TemporaryDirectory()
        let database = try Database(path: folder.path("a.sqlite"))
        let writer = try RecordWriter(database: database, source: "s")
        let rollup = DailyRollup(database: database)
        try database.transaction {
            for index in 0..<50 {
                var request = Fixtures.request("r\(index)", input: Int64(100 + index))
                request.createdAt = 1_795_392_000 + Int64(index) * 7_200  // every 2 hours: 49 × 2 h spans days 0...4
                try writer.write(request)
            }
            try rollup.refreshDirtyDays()
        }
        #expect(try totals(database, "request_daily") == totals(database, "requests"))
        #expect(try rollup.dirtyDayCount() == 0)
        try database.transaction {
            var moved = Fixtures.request("r0", input: 5_000)
            moved.createdAt = 1_795_392_000 + 3 * 86_400
            try writer.write(moved)
            try database.execute("DELETE FROM requests WHERE request_key = 'r1'")
            try rollup.refreshDirtyDays()
        }
        #expect(try totals(database, "request_daily") == totals(database, "requests"))
        #expect(try totals(database, "request_daily").split(separator: " ").count == 5)
    }

    @Test func pruningKeepsPastTotals() throws {
        let folder = try TemporaryDirectory()
        let database = try Database(path: folder.path("a.sqlite"))
        let writer = try RecordWriter(database: database, source: "s")
        let rollup = DailyRollup(database: database)
        try database.transaction {
            try writer.write(Fixtures.request("old"))
            try rollup.refreshDirtyDays()
        }
        let before = try totals(database, "request_daily")
        try database.transaction {
            try database.execute("DELETE FROM requests")
            try rollup.refreshDirtyDays(keepEmptyDays: true)
        }
        #expect(try totals(database, "request_daily") == before)
        #expect(!before.isEmpty)
    }

    /// Reported costs add exactly, digit by digit, and audio and one-hour cache-write tokens add
    /// like the other counts, whether the writer adds them or a day is re-aggregated. By hand:
    /// 0.00013499999999999997 + 0.000015 = 0.00014999999999999997 over 2 of the 3 requests; audio
    /// input 30 + 0 + 5 = 35, audio output 7 × 3 = 21, one-hour writes 10 × 3 = 30. Re-writing a
    /// request without a cost keeps its stored one.
    @Test func reportedCostAndAudioTokensAreRolledUpExactly() throws {
        let folder = try TemporaryDirectory()
        let database = try Database(path: folder.path("a.sqlite"))
        let writer = try RecordWriter(database: database, source: "s")
        func request(_ key: String, audioInput: Int64, cost: String?) -> RequestRecord {
            var request = Fixtures.request(key)
            request.tokens = TokenUsage(
                input: 100, cachedInput: 20, cacheWrite: 10, output: 50, audioInput: audioInput, audioOutput: 7,
                cacheWriteOneHour: 10)
            request.reportedCost = cost
            return request
        }
        func day() throws -> [String] {
            try database.query(
                """
                SELECT audio_input_tokens, audio_output_tokens, cache_write_1h_tokens, reported_cost, reported_cost_requests
                FROM request_daily
                """
            ) { row in (Int32(0)..<5).map { "\(row.value($0))" }.joined(separator: " ") }
        }
        try database.transaction {
            try writer.write(request("a", audioInput: 30, cost: "0.00013499999999999997"))
            try writer.write(request("b", audioInput: 0, cost: "1.5e-05"))
            try writer.write(request("c", audioInput: 5, cost: nil))
            try writer.refreshDailyRollups()
        }
        let expected = ["integer(35) integer(21) integer(30) text(\"0.00014999999999999997\") integer(2)"]
        #expect(try day() == expected)
        try database.transaction {
            var again = request("a", audioInput: 30, cost: nil)
            again.latencyMs = 12  // an update: the day is re-aggregated in SQL
            try writer.write(again)
            try writer.refreshDailyRollups()
        }
        #expect(try day() == expected)
        #expect(try database.scalar("SELECT reported_cost FROM requests WHERE request_key = 'a'")?.string == "0.00013499999999999997")
    }
}
