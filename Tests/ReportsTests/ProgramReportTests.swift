import CostModel
import DistillCore
import Foundation
import Pricing
import Reports
import Store
import Testing
import TestSupport

@testable import Render

/// A program of three students in week W48 (2026-11-23..29), priced by a test catalog alone (per
/// 1M tokens): teacher-x $2.00 in, $8.00 out; fine-tunes of student-y $0.20 in, $0.80 out, training
/// $1.00. A teacher request of 1,000 in / 100 out costs 0.002 + 0.0008 = $0.0028; a student
/// request of 500 / 100 costs 0.0001 + 0.00008 = $0.00018; a triage request of 2,000 / 200 costs
/// 0.004 + 0.0016 = $0.0056. Saving per student request: 0.0028 − 0.00018 = $0.00262.
///
/// - support v1 (`…:support:v1`, job 2026-11-15, 1M tokens = $1.00) live 2026-11-18: 20 requests
///   in W47, 10 in W48. Retrained as v2 (job 11-22, 2M tokens = $2.00), live 11-25: 20 in W48.
/// - extract e1 (job 11-19, 500K tokens = $0.50) live 11-20: 4 in W47, 10 in W48.
/// - The teacher: support 10 and extract 10 on 11-16, support 5 on 11-24, extract 5 and triage 14
///   on 11-26. Triage has no student: the opportunity.
/// - Distillation requests (teacher): support 10 on 11-10 (→ v1, $0.028), support 5 on 11-21
///   (→ v2, the first support student live after it, $0.014), extract 5 on 11-12 (→ e1, $0.014),
///   triage 10 on 11-27 (no student: shared, 10 × 0.0056 = $0.056).
///
/// Worked by hand:
/// - Savings W48: v1 10 × 0.00262 = 0.0262, v2 20 × 0.00262 = 0.0524, e1 10 × 0.00262 = 0.0262;
///   program 0.1048 on 40 student requests.
/// - Since go-live (each week at its own teacher reference, else the 28 days before go-live, all
///   $0.0028): v1 0.0524 + 0.0262 = 0.0786; e1 4 × 0.00262 + 0.0262 = 0.03668; v2 0.0524;
///   program 0.16768.
/// - One-time: v1 1.00 + 0.028 = 1.028; v2 2.00 + 0.014 = 2.014; e1 0.50 + 0.014 = 0.514;
///   shared 0.056; program 3.612. Return to date (0.16768 − 3.612) / 3.612 = −0.953577.
/// - Program break-even: 3.612 − 0.16768 = 3.44432 left at 0.1048 per 7 days:
///   ceil(3.44432 × 7 / 0.1048) = ceil(230.06) = 231 days after 2026-11-30: 2027-07-19.
/// - Spend W48: students 40 × 0.00018 = 0.0072, teacher 10 × 0.0028 = 0.028, triage 14 × 0.0056
///   = 0.0784, triage distillation 0.056: 0.1696; teacher-only 0.1696 + 0.1048 = 0.2744.
/// - Triage opportunity: 14 × (0.0056 − 0.00056) = 0.07056 a week, × 30 / 7 = 0.3024 a month;
///   training (2,000 + 200) × 1,000 × 3 = 6.6M tokens = $6.60; payback ceil(6.6 × 30 / 0.3024) = 655 days.
@Suite(.serialized) struct ProgramReportTests {
    /// `shutdown`: student-y and its fine-tunes shut down on 2027-01-14.
    static func prices(shutdown: Bool = false) -> String {
        guard shutdown else { return pricesText }
        return pricesText.replacingOccurrences(
            of: "  - id: student-y\n", with: "  - id: student-y\n    shutdown: 2027-01-14\n    shutdown_source: \"test\"\n")
    }
    static let pricesText = """
        provider: test
        models:
          - id: teacher-x
            prices:
              - { effective_from: 2026-01-01, source: "test", as_of: "2026-12-01", default: { input: 2.00, output: 8.00 } }
          - id: student-y
            prices:
              - { effective_from: 2026-01-01, source: "test", as_of: "2026-12-01", default: { input: 0.20, output: 0.80 } }
            fine_tuned:
              prices:
                - { effective_from: 2026-01-01, source: "test", as_of: "2026-12-01", default: { input: 0.20, output: 0.80 } }
            training:
              - { effective_from: 2026-01-01, per_million_tokens: 1.00, source: "test", as_of: "2026-12-01" }
        """
    static let v1 = "ft:student-y:acme:support:v1"
    static let v2 = "ft:student-y:acme:support:v2"
    static let e1 = "ft:student-y:acme:extract:e1"

    /// What a test adds to the program week.
    struct Variant {
        /// student-y itself (no job) also serves triage: 7 requests on 11-27, named with `--also-student`.
        var selfHosted = false
        /// student-y and its fine-tunes shut down on 2027-01-14.
        var shutdown = false
        /// student-y (no job) takes a canary of support: 2 requests on 11-28, named with `--also-student`.
        var canary = false
        /// A $100 one-time cost line on 11-21 tagged for a support student that is not in the program.
        var outsiderLine = false
        var week = "2026-W48"
    }

    private func report(in folder: TemporaryDirectory, _ variant: Variant = Variant()) throws -> WeeklyReport {
        let database = try Database(path: folder.path("program.sqlite"))
        let writer = try RecordWriter(database: database, source: "test")
        var sequence = 0
        func requests(_ count: Int, _ model: String, _ day: String, _ useCase: String, distillation: Bool = false) throws {
            let tokens =
                model.hasPrefix("ft:") || model == "student-y"
                ? TokenUsage(input: 500, output: 100)
                : (useCase == "triage" ? TokenUsage(input: 2_000, output: 200) : TokenUsage(input: 1_000, output: 100))
            var tags = ["use_case": useCase]
            if distillation { tags["purpose"] = "distillation" }
            for index in 0..<count {
                sequence += 1
                try writer.write(RequestRecord(
                    key: "req-\(sequence)", model: model, createdAt: UTCDate(iso: day)!.unixSeconds + Int64(index) * 60,
                    tokens: tokens, status: "ok", tags: tags))
            }
        }
        func job(_ id: String, _ model: String, _ day: String, tokens: Int64) throws {
            let created = UTCDate(iso: day)!.unixSeconds
            try writer.write(FineTuningJobRecord(
                id: id, baseModel: "student-y", fineTunedModel: model, status: "succeeded", trainedTokens: tokens, epochs: 3,
                createdAt: created, finishedAt: created + 3_600))
        }
        try database.transaction {
            try requests(10, "teacher-x", "2026-11-10", "support", distillation: true)
            try requests(5, "teacher-x", "2026-11-12", "extract", distillation: true)
            try job("ftjob-v1", Self.v1, "2026-11-15", tokens: 1_000_000)
            try requests(10, "teacher-x", "2026-11-16", "support")
            try requests(10, "teacher-x", "2026-11-16", "extract")
            try requests(20, Self.v1, "2026-11-18", "support")
            try job("ftjob-e1", Self.e1, "2026-11-19", tokens: 500_000)
            try requests(4, Self.e1, "2026-11-20", "extract")
            try requests(5, "teacher-x", "2026-11-21", "support", distillation: true)
            try job("ftjob-v2", Self.v2, "2026-11-22", tokens: 2_000_000)
            try requests(10, Self.v1, "2026-11-23", "support")
            try requests(5, "teacher-x", "2026-11-24", "support")
            try requests(20, Self.v2, "2026-11-25", "support")
            try requests(10, Self.e1, "2026-11-26", "extract")
            try requests(5, "teacher-x", "2026-11-26", "extract")
            try requests(14, "teacher-x", "2026-11-26", "triage")
            try requests(10, "teacher-x", "2026-11-27", "triage", distillation: true)
            if variant.selfHosted { try requests(7, "student-y", "2026-11-27", "triage") }
            if variant.canary { try requests(2, "student-y", "2026-11-28", "support") }
            if variant.outsiderLine {
                try writer.write(OneTimeCostRecord(
                    day: UTCDate(iso: "2026-11-21")!.unixSeconds, kind: "labelling", amount: "100", currency: "USD",
                    tags: #"{"student":"ft:student-y:acme:support:v3","use_case":"support"}"#))
            }
            try writer.refreshDailyRollups()
        }
        try folder.write("prices/test.yaml", Self.prices(shutdown: variant.shutdown))
        let catalog = try PriceCatalog.load(directories: [folder.path("prices")])
        var options = WeeklyReportOptions(period: .week(ISOWeek(variant.week)!))
        if variant.selfHosted || variant.canary { options.otherStudents = ["student-y"] }
        return try WeeklyReportBuilder(database: database, catalog: catalog, options: options).build()
    }

    @Test func everyStudentHasItsOwnFiguresAndTheProgramAddsThemOnce() throws {
        let folder = try TemporaryDirectory()
        let report = try report(in: folder)
        #expect(report.students.map(\.model) == [Self.v1, Self.e1, Self.v2])
        #expect(report.students.map(\.roles.teacher) == ["teacher-x", "teacher-x", "teacher-x"])
        #expect(report.students.map(\.useCases) == [["support"], ["extract"], ["support"]])
        #expect(report.students.map(\.isDetailed) == [false, false, true])
        #expect(report.roles.student == Self.v2)
        #expect(report.students.map { $0.headline.savings.exactDecimalString } == ["0.0262", "0.0262", "0.0524"])
        #expect(report.students.map { $0.headline.savingsSinceGoLive.exactDecimalString } == ["0.0786", "0.03668", "0.0524"])
        #expect(report.students.map { $0.headline.oneTimeCost.total.exactDecimalString } == ["1.028", "0.514", "2.014"])
        #expect(report.students.map { $0.headline.oneTimeCost.training.exactDecimalString } == ["1", "0.5", "2"])

        let v1 = report.students[0]
        #expect(v1.replacedBy == Self.v2 && v1.replacedOn?.description == "2026-11-25")
        // 0.0786 of its 1.028 returned when v2 took over: never recovered.
        #expect(v1.headline.breakEven == .never("replaced by \(Self.v2) on 2026-11-25 before its one-time cost was recovered"))
        #expect(v1.roles.studentShutdown?.description == "2026-11-25")
        #expect(report.students[1].replacedBy == nil && report.students[2].replacedBy == nil)

        let program = try #require(report.program)
        #expect(program.spend.exactDecimalString == "0.1696")
        #expect(program.teacherOnlyCost.exactDecimalString == "0.2744")
        #expect(program.savings.exactDecimalString == "0.1048")
        #expect(program.studentRequests == 40)
        #expect(program.savingsSinceGoLive.exactDecimalString == "0.16768")
        #expect(program.shared.total.exactDecimalString == "0.056")
        #expect(program.oneTimeCost.exactDecimalString == "3.612")
        #expect(abs(try #require(program.returnToDate) - (0.16768 - 3.612) / 3.612) < 1e-12)
        #expect(program.breakEven == .projected(UTCDate(iso: "2027-07-19")!))
        // The newest student's headline is its own, not the program's.
        #expect(report.headline.oneTimeCost.total.exactDecimalString == "2.014")
    }

    @Test func theTeacherOnlyUseCaseIsTheOpportunity() throws {
        let folder = try TemporaryDirectory()
        let distil = try report(in: folder).opportunities.filter { $0.kind == .distil }
        #expect(distil.map(\.useCase) == ["triage"])
        let triage = try #require(distil.first)
        #expect(triage.spend?.exactDecimalString == "0.0784")
        #expect(triage.monthlySavings?.exactDecimalString == "0.3024")
        #expect(triage.oneTimeCost?.exactDecimalString == "6.6" && triage.paybackDays == 655)
    }

    /// A named student without a job joins the program. It went live on 11-27, the day of the
    /// triage distillation requests, so they are its one-time cost ($0.056) and nothing is shared;
    /// it saves 7 × (0.0056 − 0.00018) = $0.03794, and triage is no longer an opportunity.
    @Test func aNamedStudentWithoutAJobJoinsTheProgram() throws {
        let folder = try TemporaryDirectory()
        let report = try report(in: folder, Variant(selfHosted: true))
        let named = try #require(report.students.last)
        #expect(report.students.map(\.model) == [Self.v1, Self.e1, Self.v2, "student-y"])
        #expect(named.roles.teacher == "teacher-x" && named.useCases == ["triage"])
        #expect(named.headline.savings.exactDecimalString == "0.03794")
        #expect(named.headline.oneTimeCost.total.exactDecimalString == "0.056")
        let program = try #require(report.program)
        #expect(program.shared.total.isZero)
        #expect(program.oneTimeCost.exactDecimalString == "3.612")
        #expect(program.savings.exactDecimalString == "0.14274")
        #expect(!report.opportunities.contains { $0.kind == .distil })
    }

    /// student-y and its fine-tunes shut down on 2027-01-14, 45 days after the period. e1 saves
    /// 0.00262 a request at 10 ÷ 7 = 1 request a day (whole requests): 0.00262 × 30 = $0.0786 a
    /// month stops; by the shutdown it returns 0.03668 + 0.00262 × 45 = 0.15458 of its 0.514, so
    /// 0.35942 is never recovered. v1, replaced, has no retirement of its own. The program cannot
    /// break even before every student has shut down.
    @Test func aRetiringStudentSaysWhatItsShutdownCosts() throws {
        let folder = try TemporaryDirectory()
        let report = try report(in: folder, Variant(shutdown: true))
        #expect(report.students[0].retirement == nil)
        let e1 = try #require(report.students[1].retirement)
        #expect(e1.shutdown.description == "2027-01-14" && e1.daysLeft == 45)
        #expect(e1.cost.monthlySavingsLost?.exactDecimalString == "0.0786")
        #expect(e1.cost.unrecoveredAtShutdown.exactDecimalString == "0.35942")
        #expect(
            report.program?.breakEven
                == .afterShutdown(UTCDate(iso: "2027-07-19")!, shutdown: UTCDate(iso: "2027-01-14")!))
        let paths = try ReportWriter(
            outputDirectory: folder.path("out"), templates: TemplateSet(defaultDirectory: PackageRoot.appending("templates"))
        ).write(report, formats: [.md])
        let markdown = try #require(paths.first { $0.hasSuffix(".md") })
        let text = String(decoding: try #require(FileManager.default.contents(atPath: markdown)), as: UTF8.self)
        #expect(text.contains("retires on 2027-01-14, 45 days after this period: $0.08 a month of savings stop"))
    }

    /// student-y's 2 support requests on 11-28 are a canary beside v2's 20: v2 is not replaced.
    /// v1 (10 requests) is still replaced by v2.
    @Test func aCanaryDoesNotReplaceTheStudent() throws {
        let folder = try TemporaryDirectory()
        let report = try report(in: folder, Variant(canary: true))
        #expect(report.students.map(\.model) == [Self.v1, Self.e1, Self.v2, "student-y"])
        #expect(report.students.map(\.replacedBy) == [Self.v2, nil, nil, nil])
        #expect(report.roles.student == Self.v2 && report.roles.studentShutdown == nil)
    }

    /// A line tagged for a student outside the program is shared, not charged to v2 (the first
    /// support student live after 11-21): v2 stays at 2.014, the program rises by 100.
    @Test func aCostForAStudentOutsideTheProgramIsShared() throws {
        let folder = try TemporaryDirectory()
        let report = try report(in: folder, Variant(outsiderLine: true))
        #expect(report.students[2].headline.oneTimeCost.total.exactDecimalString == "2.014")
        #expect(report.program?.shared.total.exactDecimalString == "100.056")
        #expect(report.program?.oneTimeCost.exactDecimalString == "103.612")
    }

    /// W47 (2026-11-16..22) knows nothing of later days: v2 went live on 11-25, so it is not a
    /// student yet and v1 is not replaced; but v2's job ran on 11-22, so its $2.00 training is a
    /// shared cost already, with the support distillation of 11-21 (no support student goes live
    /// after it by 11-23: 5 × 0.0028 = 0.014). Savings W47: v1 20 × 0.00262 = 0.0524, e1 4 ×
    /// 0.00262 = 0.01048. One-time: v1 1.028 + e1 0.514 + shared 2.014 = 3.556.
    @Test func anEarlierWeekKnowsOnlyItsOwnStudents() throws {
        let folder = try TemporaryDirectory()
        let report = try report(in: folder, Variant(week: "2026-W47"))
        #expect(report.students.map(\.model) == [Self.v1, Self.e1])
        #expect(report.students.allSatisfy { $0.replacedBy == nil })
        #expect(report.roles.student == Self.e1)
        #expect(report.students.map { $0.headline.savings.exactDecimalString } == ["0.0524", "0.01048"])
        // e1's 4 requests in 7 days are fewer than one a day: no projection, and it says why.
        #expect(report.students[1].headline.breakEven == .never("fewer than one student request a day in this period"))
        let program = try #require(report.program)
        #expect(program.shared.training.exactDecimalString == "2")
        #expect(program.shared.total.exactDecimalString == "2.014")
        #expect(program.oneTimeCost.exactDecimalString == "3.556")
    }

    /// With one student the program is that student: no program section, one entry in `students`.
    @Test func aSingleStudentReportHasNoProgram() throws {
        let folder = try TemporaryDirectory()
        let report = try HandWorkedScenario.weeklyReport(try HandWorkedScenario.database(in: folder))
        #expect(report.program == nil)
        #expect(report.students.map(\.model) == [HandWorkedScenario.student])
        // HandWorkedScenario's one-time cost, worked there: training $3.00 + data generation $0.07.
        #expect(report.students[0].headline.oneTimeCost.total.exactDecimalString == "3.07")
    }

    @Test func everyFormatShowsEveryStudent() throws {
        let folder = try TemporaryDirectory()
        let report = try report(in: folder)
        let json = try JSONValue.parse(report.json().rendered())
        guard case .array(let students)? = json.objectValue?["students"] else {
            Issue.record("no students array")
            return
        }
        #expect(students.count == 3)
        for key in ["model", "teacher", "savings", "one_time_cost", "break_even"] {
            #expect(students.allSatisfy { $0.objectValue?[key] != nil }, "\(key)")
        }
        #expect(students[2].objectValue?["savings"] == JSONValue.string("0.0524"))
        let oneTime = json.objectValue?["program"]?.objectValue?["one_time_cost"]?.objectValue
        #expect(oneTime?["total"] == JSONValue.string("3.612") && oneTime?["students"] == JSONValue.string("3.556"))
        #expect(oneTime?["shared"]?.objectValue?["teacher_data_generation"] == JSONValue.string("0.056"))

        let writer = ReportWriter(
            outputDirectory: folder.path("out"), templates: TemplateSet(defaultDirectory: PackageRoot.appending("templates")))
        let paths = try writer.write(report, formats: [.md, .html, .xlsx])
        for path in paths where path.hasSuffix(".md") || path.hasSuffix(".html") {
            let text = String(decoding: try #require(FileManager.default.contents(atPath: path)), as: UTF8.self)
            #expect(text.contains("Program: 3 students"), "\(path)")
            #expect(text.contains("$3.61"), "\(path)")  // the program's one-time cost
            let replaced = path.hasSuffix(".md") ? "2026-11-25" : #"<span class="nowrap">2026-11-25</span>"#
            #expect(text.contains("replaced by ft:student-y:acme:support:v2 on \(replaced)"), "\(path)")
            #expect(text.contains("2027-07-19"), "\(path)")  // the program's projected break-even
            #expect(text.contains("Student in detail"), "\(path)")
        }
        let xlsx = try #require(paths.first { $0.hasSuffix(".xlsx") })
        let sheets = try LibreOffice.recalculatedSheets(of: xlsx, workFolder: folder.path("lo"))
        for name in ["Program", "Student 1", "Student 2", "Student 3"] { #expect(sheets[name] != nil, "\(name)") }
        func value(_ sheet: String, _ label: String) throws -> Double {
            let row = try #require(sheets[sheet]?.first { $0.first == label }, "no row \(label) in \(sheet)")
            // LibreOffice exports a percent cell as shown: "-95.3576965669989%".
            if row[1].hasSuffix("%") { return try #require(Double(row[1].dropLast()), "\(label): \(row[1])") / 100 }
            return try #require(Double(row[1]), "\(label): \(row[1]) is not a number")
        }
        // Recalculated by LibreOffice: each student's lines summed, and the program's total over them.
        #expect(abs(try value("Student 3", "One-time cost") - 2.014) < 1e-9)
        #expect(abs(try value("Program", "One-time costs (every student's and the shared lines)") - 3.612) < 1e-9)
        #expect(abs(try value("Program", "Return on the one-time costs to date") - (0.16768 - 3.612) / 3.612) < 1e-9)
    }
}
