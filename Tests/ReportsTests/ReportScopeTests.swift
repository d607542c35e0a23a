import Analytics
import DistillCore
import Foundation
import Reports
import Store
import Testing
import TestSupport

/// Which week a report covers, and the loud failures when its scope holds nothing: the
/// hand-worked scenario has data from 2026-11-02 (distillation) to 2026-11-25 (W48).
@Suite struct ReportScopeTests {
    private func report(
        _ period: ReportPeriod, today: String, student: String? = nil, teacher: String? = nil,
        filters: [TagFilter] = [], allowEmpty: Bool = false, database: Database
    ) throws -> WeeklyReport {
        try WeeklyReportBuilder(
            database: database, catalog: try HandWorkedScenario.catalog(),
            options: WeeklyReportOptions(
                period: period, teacher: teacher, student: student, filters: filters, allowEmpty: allowEmpty,
                today: UTCDate(iso: today)!)
        ).build()
    }

    /// A cron job on Thursday 2026-11-26 (W48 under way) reports W47, the week just ended; on
    /// Tuesday 2026-12-01 it reports W48, the latest week with data.
    @Test(arguments: [("2026-11-26", "2026-W47"), ("2026-12-01", "2026-W48"), ("2027-03-01", "2026-W48")])
    func defaultIsTheLatestCompleteWeekWithData(today: String, label: String) throws {
        let folder = try TemporaryDirectory()
        let database = try HandWorkedScenario.database(in: folder)
        #expect(try report(.latestWeek, today: today, database: database).label == label)
    }

    @Test func weekLastIsTheWeekBeforeToday() throws {
        let folder = try TemporaryDirectory()
        let database = try HandWorkedScenario.database(in: folder)
        // Sunday 2026-11-29 is still in W48, so "last" is W47; Monday 2026-11-30 starts W49.
        #expect(try report(.lastCompleteWeek, today: "2026-11-29", database: database).label == "2026-W47")
        #expect(try report(.lastCompleteWeek, today: "2026-11-30", database: database).label == "2026-W48")
    }

    @Test func anEmptyPeriodIsAnErrorNamingThePeriodAndTheData() throws {
        let folder = try TemporaryDirectory()
        let database = try HandWorkedScenario.database(in: folder)
        // Today 2026-12-09 (W50): last week is W49, which holds nothing.
        #expect(throws: ReportError.emptyPeriod(
            label: "2026-W49", period: DayRange(week: ISOWeek("2026-W49")!),
            data: DayRange(start: UTCDate(iso: "2026-11-02")!, end: UTCDate(iso: "2026-11-26")!))
        ) {
            try report(.lastCompleteWeek, today: "2026-12-09", database: database)
        }
        let message = ReportError.emptyPeriod(
            label: "2026-W49", period: DayRange(week: ISOWeek("2026-W49")!),
            data: DayRange(start: UTCDate(iso: "2026-11-02")!, end: UTCDate(iso: "2026-11-26")!)).description
        #expect(message == "2026-W49 (2026-11-30 – 2026-12-06) holds no requests; the data runs from 2026-11-02 to 2026-11-25")
        let empty = try report(.lastCompleteWeek, today: "2026-12-09", allowEmpty: true, database: database)
        #expect(empty.headline.requests == 0)
        #expect(empty.headline.spend.isZero)
    }

    @Test func aTagThatMatchesNothingSaysSo() throws {
        let folder = try TemporaryDirectory()
        let database = try HandWorkedScenario.database(in: folder)
        let filter = TagFilter(key: "use_case", value: "suport")
        #expect(throws: ReportError.tagsMatchNothing(filters: [filter])) {
            try report(.week(ISOWeek("2026-W48")!), today: "2026-12-01", filters: [filter], database: database)
        }
    }

    @Test func anUnknownModelListsTheClosestNames() throws {
        let folder = try TemporaryDirectory()
        let database = try HandWorkedScenario.database(in: folder)
        do {
            _ = try report(.week(ISOWeek("2026-W48")!), today: "2026-12-01", teacher: "gpt-4o-2024-8-06", database: database)
            Issue.record("an unknown teacher was accepted")
        } catch let ReportError.unknownModel(role, name, closest) {
            #expect(role == "teacher")
            #expect(name == "gpt-4o-2024-8-06")
            // One deletion from gpt-4o-2024-08-06; gpt-4o-mini-2024-07-18 (the job's base) is 7 edits away.
            #expect(closest.first == HandWorkedScenario.teacher)
        }
        // The store knows three names (teacher, student, the job's base model): all three are
        // listed, the student (one edit away) first.
        let typo = "ft:gpt-4o-mini-2024-07-18:acme:suport:Xyz789"
        #expect(throws: ReportError.unknownModel(
            role: "student", name: typo,
            closest: [HandWorkedScenario.student, "gpt-4o-mini-2024-07-18", HandWorkedScenario.teacher])
        ) {
            try report(.week(ISOWeek("2026-W48")!), today: "2026-12-01", student: typo, database: database)
        }
    }
}
