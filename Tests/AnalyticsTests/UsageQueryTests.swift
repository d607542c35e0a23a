import Analytics
import DistillCore
import Store
import Testing
import TestSupport

@Suite struct UsageQueryTests {
    let day0 = UTCDate(year: 2026, month: 11, day: 23)!

    private func request(_ key: String, model: String, day: Int, input: Int64, tags: [String: String]) -> RequestRecord {
        RequestRecord(
            key: key, model: model, createdAt: day0.adding(days: day).unixSeconds + 3600,
            tokens: TokenUsage(input: input, cachedInput: 10, output: 5), latencyMs: Double(input), status: "ok",
            tags: tags)
    }

    private func seeded(_ folder: TemporaryDirectory) throws -> Database {
        let database = try Database(path: folder.path("a.sqlite"))
        let writer = try RecordWriter(database: database, source: "test")
        try database.transaction {
            try writer.write(request("a", model: "teacher", day: 0, input: 100, tags: ["use_case": "support"]))
            try writer.write(request("b", model: "teacher", day: 0, input: 200, tags: ["use_case": "extract"]))
            try writer.write(request("c", model: "student", day: 1, input: 300, tags: ["use_case": "support"]))
            // The usage API also reports day 0 for the teacher (already in requests: ignored) and
            // day 2 (no requests: used).
            for day in [0, 2] {
                try writer.write(UsageBucketRecord(
                    startTime: day0.adding(days: day).unixSeconds, endTime: day0.adding(days: day + 1).unixSeconds,
                    model: "teacher", requestCount: 7, inputTokens: 7_000, outputTokens: 70))
            }
            try writer.refreshDailyRollups()
        }
        return database
    }

    @Test func requestsWinOverUsageBucketsPerDayAndModel() throws {
        let folder = try TemporaryDirectory()
        let database = try seeded(folder)
        let rows = try UsageQuery(database: database).usage(in: DayRange(start: day0, end: day0.adding(days: 7)))
        let summary = rows.map { "\($0.day) \($0.model) \($0.requests) \($0.tokens.input) \($0.origin.rawValue)" }
        #expect(summary == [
            "2026-11-23 teacher 2 300 requests",
            "2026-11-24 student 1 300 requests",
            "2026-11-25 teacher 7 7000 usage buckets",
        ])
    }

    /// Version 1 stored requests before the daily roll-up existed; after an upgrade they count in
    /// usage (migration 5 marks their days for re-aggregation; before it they were left out).
    @Test func requestsStoredBeforeTheRollUpExistedAreCounted() throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("v1.sqlite")
        do {
            let old = try Database(path: path, migrate: false)
            try Migrator(migrations: Array(Migrator.standard.migrations.prefix(1))).migrate(old)
            try old.execute(
                """
                INSERT INTO sources (id, name) VALUES (1, 'old');
                INSERT INTO models (id, name) VALUES (1, 'teacher');
                INSERT INTO requests (request_key, source_id, model_id, created_at, input_tokens, output_tokens)
                    VALUES ('a', 1, 1, \(day0.unixSeconds + 3600), 100, 5),
                        ('b', 1, 1, \(day0.adding(days: 1).unixSeconds + 3600), 200, 5);
                """)
        }
        let rows = try UsageQuery(database: Database(path: path)).usage(in: DayRange(start: day0, end: day0.adding(days: 7)))
        #expect(rows.map { "\($0.day) \($0.model) \($0.requests) \($0.tokens.input)" } == [
            "2026-11-23 teacher 1 100", "2026-11-24 teacher 1 200",
        ])
    }

    @Test func dailyAndHourlyBucketsOfTheSameDayAreNotBothCounted() throws {
        let folder = try TemporaryDirectory()
        let database = try seeded(folder)
        let writer = try RecordWriter(database: database, source: "hourly")
        let day = day0.adding(days: 2).unixSeconds
        for hour in 0..<24 {
            try writer.write(UsageBucketRecord(
                startTime: day + Int64(hour) * 3600, endTime: day + Int64(hour + 1) * 3600, model: "teacher",
                requestCount: 1, inputTokens: 1_000, outputTokens: 10))
        }
        let rows = try UsageQuery(database: database).usage(in: DayRange(start: day0.adding(days: 2), end: day0.adding(days: 3)))
        #expect(rows.map(\.tokens.input) == [7_000])  // the daily bucket, not 7,000 + 24,000
    }

    @Test func tagFilterAndGroupingUseMetadata() throws {
        let folder = try TemporaryDirectory()
        let database = try seeded(folder)
        let query = UsageQuery(database: database)
        let week = DayRange(start: day0, end: day0.adding(days: 7))
        let support = try query.usage(in: week, filters: [TagFilter(key: "use_case", value: "support")])
        #expect(support.map(\.tokens.input) == [100, 300])
        #expect(support.allSatisfy { $0.origin == .requests })
        let byUseCase = try query.usage(in: week, groupByTag: "use_case")
        #expect(byUseCase.map { "\($0.model):\($0.tagValue ?? "-"):\($0.tokens.input)" }
            == ["teacher:extract:200", "teacher:support:100", "student:support:300", "teacher:-:7000"])
    }

    @Test func dirtyDaysAreReadFromRequestsDirectly() throws {
        let folder = try TemporaryDirectory()
        let database = try seeded(folder)
        let writer = try RecordWriter(database: database, source: "late")
        try writer.write(request("d", model: "student", day: 1, input: 50, tags: [:]))  // no roll-up refresh
        let rows = try UsageQuery(database: database).usage(in: DayRange(start: day0.adding(days: 1), end: day0.adding(days: 2)))
        #expect(rows.map(\.tokens.input).reduce(0, +) == 350)
    }

    @Test func latencyPercentilesComeFromRequestRows() throws {
        let folder = try TemporaryDirectory()
        let database = try seeded(folder)
        let summary = try LatencyQuery(database: database).summary(model: "teacher", in: DayRange(start: day0, end: day0.adding(days: 1)))
        #expect(summary?.count == 2)
        #expect(summary?.p50 == 150)  // midway between 100 and 200
    }
}
