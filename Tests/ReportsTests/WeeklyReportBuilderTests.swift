import DistillCore
import Reports
import Store
import Testing
import TestSupport

@Suite struct WeeklyReportBuilderTests {
    private func build() throws -> WeeklyReport {
        let folder = try TemporaryDirectory()
        let database = try HandWorkedScenario.database(in: folder)
        return try HandWorkedScenario.weeklyReport(database)
    }

    @Test func headlineMatchesTheHandWorkedFigures() throws {
        let report = try build()
        #expect(report.roles.teacher == HandWorkedScenario.teacher)
        #expect(report.roles.student == HandWorkedScenario.student)
        #expect(report.roles.goLive?.description == "2026-11-16")
        #expect(report.roles.studentShutdown?.description == "2027-01-14")
        #expect(report.headline.spend.exactDecimalString == "0.0458")
        #expect(report.headline.savings.exactDecimalString == "0.1292")
        #expect(report.headline.teacherOnlyCost.exactDecimalString == "0.175")
        #expect(report.headline.oneTimeCost.training.exactDecimalString == "3")
        #expect(report.headline.oneTimeCost.teacherDataGeneration.exactDecimalString == "0.07")
        #expect(report.headline.oneTimeCost.evaluation.exactDecimalString == "0")
        #expect(report.headline.savingsSinceGoLive.exactDecimalString == "0.1938")
        #expect(report.previousHeadline.savings.exactDecimalString == "0.0646")
        #expect(report.headline.savingsPerStudentRequest?.rounded.exactDecimalString == "0.00323")
        #expect(report.headline.dailyStudentVolume == 5)
    }

    @Test func breakEvenFallsAfterTheShutdownAndROIIsCapped() throws {
        let report = try build()
        let expectedDate = try #require(UTCDate(iso: "2027-05-28"))
        let shutdown = try #require(UTCDate(iso: "2027-01-14"))
        #expect(report.headline.breakEven == .afterShutdown(expectedDate, shutdown: shutdown))
        let threeMonths = try #require(report.headline.roi.first)
        #expect(threeMonths.months == 3 && threeMonths.horizonDays == 91)
        #expect(threeMonths.cappedAt == shutdown)
        #expect(abs((threeMonths.roi ?? 0) - (0.95285 - 3.07) / 3.07) < 1e-12)
    }

    @Test func modelTableAndWeekOverWeek() throws {
        let report = try build()
        let student = try #require(report.models.first { $0.model == HandWorkedScenario.student })
        #expect(student.requests == 40 && student.role == "student")
        #expect(student.cost?.exactDecimalString == "0.0108")
        #expect(student.costPerRequest?.exactDecimalString == "0.00027")
        #expect(student.costPerThousandRequests?.exactDecimalString == "0.27")
        #expect(student.latency?.p50 == 300)
        let teacher = try #require(report.models.first { $0.model == HandWorkedScenario.teacher })
        #expect(teacher.latency?.p50 == 1_004.5)  // 1000...1009: midway between 1004 and 1005
        let savings = try #require(report.weekOverWeek.first { $0.figure == "savings" })
        #expect(abs((savings.percent ?? 0) - (0.1292 - 0.0646) / 0.0646) < 1e-12)
        #expect(report.cumulative.count == 14)
        #expect(report.cumulative.last?.cumulativeSavings.exactDecimalString == "0.1938")
    }

    @Test func anUnknownModelIsUnpricedNeverZero() throws {
        let folder = try TemporaryDirectory()
        let database = try HandWorkedScenario.database(in: folder)
        try HandWorkedScenario.addRequest(
            "mystery", model: "acme-llm-7b", day: "2026-11-26",
            tokens: TokenUsage(input: 5_000, output: 500), tags: ["use_case": "support"], to: database)
        let report = try HandWorkedScenario.weeklyReport(database)
        let mystery = try #require(report.models.first { $0.model == "acme-llm-7b" })
        #expect(mystery.cost == nil)
        #expect(report.sources.unpriced.map(\.model) == ["acme-llm-7b"])
        #expect(report.sources.unpriced.first?.tokens.input == 5_000)
        #expect(report.headline.spend.exactDecimalString == "0.0458")  // the priced part only
    }

    /// Two calls stored without tokens in W48 (2026-11-26 is a Thursday of that week): the report
    /// names them instead of counting them as free; the scenario's own calls all have tokens.
    @Test func zeroTokenCallsAreNamedInTheNotes() throws {
        let folder = try TemporaryDirectory()
        let database = try HandWorkedScenario.database(in: folder)
        #expect(!(try HandWorkedScenario.weeklyReport(database)).sources.notes.contains { $0.contains("0 input") })
        for key in ["lost-1", "lost-2"] {
            try HandWorkedScenario.addRequest(
                key, model: HandWorkedScenario.teacher, day: "2026-11-26", tokens: .zero, tags: ["use_case": "support"],
                to: database)
        }
        let report = try HandWorkedScenario.weeklyReport(database)
        #expect(
            report.sources.notes.contains(
                "2 \(HandWorkedScenario.teacher) calls have 0 input and 0 output tokens: the source lost their usage, "
                    + "so their cost is missing, not zero."))
    }
}
