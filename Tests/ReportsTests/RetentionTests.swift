import DistillCore
import Reports
import Store
import Testing
import TestSupport

/// Pruning per-request rows keeps the daily roll-ups, so a past week renders the same totals.
@Suite struct RetentionTests {
    private func week47(_ database: Database) throws -> WeeklyReport {
        let week = try #require(ISOWeek("2026-W47"))
        return try WeeklyReportBuilder(
            database: database, catalog: try HandWorkedScenario.catalog(),
            options: WeeklyReportOptions(period: .week(week))
        ).build()
    }

    @Test func pastWeeksKeepTheirTotalsAfterPruning() throws {
        let folder = try TemporaryDirectory()
        let database = try HandWorkedScenario.database(in: folder)
        let before = try week47(database)
        let dryRun = try Retention(database: database).prune(before: UTCDate(iso: "2026-11-23")!, dryRun: true)
        #expect(dryRun.requests == 50)  // 20 distillation + 10 teacher + 20 student before W48
        #expect(try database.scalar("SELECT count(*) FROM requests")?.int64 == 100)
        let outcome = try Retention(database: database).prune(before: UTCDate(iso: "2026-11-23")!, dryRun: false)
        #expect(outcome.requests == 50)
        #expect(try database.scalar("SELECT count(*) FROM requests")?.int64 == 50)
        let after = try week47(database)
        #expect(after.headline.spend == before.headline.spend)
        #expect(after.headline.savings == before.headline.savings)
        #expect(after.headline.oneTimeCost == before.headline.oneTimeCost)
        #expect(after.headline.savingsSinceGoLive == before.headline.savingsSinceGoLive)
        #expect(before.models.allSatisfy { $0.latency != nil })
        #expect(after.models.allSatisfy { $0.latency == nil })
    }
}
