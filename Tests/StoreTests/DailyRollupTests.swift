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
}
