import CostModel
import DistillCore
import Foundation
import Pricing
import Reports
import Store
import Testing
import TestSupport

@testable import Render

/// The weekly report's opportunities on a written week, W48 (2026-11-23..29, 7 days), priced by a
/// test catalog alone (per 1M tokens): teacher-x $2.00 in, $0.50 cached, $8.00 out, batch $1.00 /
/// $0.25 / $4.00; student-y $0.20 in (no cached rate), $0.80 out, training $1.00 per 1M tokens.
///
/// Traffic: teacher support 10 × (1,000 in, 100 out), 4 of them tagged batch_eligible=true;
/// student support 20 × (500 in, 100 out); teacher triage 14 × (2,000 in of which 500 cached,
/// 200 out); teacher reports 2 batch + 3 interactive × (1,000 in, 100 out); an evaluation run
/// named `reports-eval`. Worked by hand (a month is 30 days, so × 30 / 7):
///
/// - A 1,000/100 request: 0.002 + 0.0008 = $0.0028 default, 0.001 + 0.0004 = $0.0014 batch.
///   A triage request: 1,500 × 2 + 500 × 0.5 + 200 × 8 per 1M = 0.003 + 0.00025 + 0.0016 = $0.00485.
/// - Distil triage (teacher only): teacher 14 × 0.00485 = $0.0679; student-y on the same tokens
///   14 × (2,000 × 0.2 + 200 × 0.8) / 1M = 14 × 0.00056 = $0.00784; saving $0.06006, a month
///   0.06006 × 30 / 7 = $0.2574. Training (2,000 + 200) × 1,000 × 3 = 6,600,000 tokens = $6.60;
///   payback ceil(6.60 × 30 / 0.2574) = ceil(769.2) = 770 days.
/// - Distil reports: teacher 2 × 0.0014 + 3 × 0.0028 = $0.0112; student 5 × 0.00028 = $0.0014;
///   a month 0.0098 × 30 / 7 = $0.042; training 1,100 × 3,000 = 3,300,000 tokens = $3.30; payback
///   ceil(3.30 × 30 / 0.042) = ceil(2357.1) = 2,358 days. Evaluated (`reports-eval`).
/// - Batch, support tagged: 4 × (0.0028 − 0.0014) = $0.0056, a month $0.024.
///   Batch, reports already uses batch: 3 × 0.0014 = $0.0042, a month $0.018.
/// - Caching teacher-x: only triage prompts reach 1,024 tokens: 14 × 1,500 = 21,000 uncached tokens
///   × (2.00 − 0.50) / 1M = $0.0315, a month at most $0.135; cached share 7,000 / 43,000 = 16.3%.
/// Sorted: triage 0.2574, caching 0.135, reports 0.042, batch support 0.024, batch reports 0.018.
@Suite struct OpportunitiesTests {
    static let prices = """
        provider: test
        models:
          - id: teacher-x
            prices:
              - effective_from: 2026-01-01
                source: "test"
                as_of: "2026-12-01"
                default: { input: 2.00, cached_input: 0.50, output: 8.00 }
                batch: { input: 1.00, cached_input: 0.25, output: 4.00 }
          - id: student-y
            prices:
              - { effective_from: 2026-01-01, source: "test", as_of: "2026-12-01", default: { input: 0.20, output: 0.80 } }
            training:
              - { effective_from: 2026-01-01, per_million_tokens: 1.00, source: "test", as_of: "2026-12-01" }
        """

    private func report(withStudent: Bool, in folder: TemporaryDirectory) throws -> WeeklyReport {
        let database = try Database(path: folder.path("week.sqlite"))
        let writer = try RecordWriter(database: database, source: "test")
        var sequence = 0
        func requests(
            _ count: Int, model: String, day: String, tokens: TokenUsage, batch: Bool = false, tags: [String: String]
        ) throws {
            for index in 0..<count {
                sequence += 1
                try writer.write(RequestRecord(
                    key: "req-\(sequence)", model: model, createdAt: UTCDate(iso: day)!.unixSeconds + Int64(index) * 60,
                    isBatch: batch, tokens: tokens, status: "ok", tags: tags))
            }
        }
        let short = TokenUsage(input: 1_000, output: 100)
        try database.transaction {
            try requests(6, model: "teacher-x", day: "2026-11-24", tokens: short, tags: ["use_case": "support"])
            try requests(4, model: "teacher-x", day: "2026-11-24", tokens: short, tags: ["use_case": "support", "batch_eligible": "true"])
            if withStudent {
                try requests(20, model: "student-y", day: "2026-11-25", tokens: TokenUsage(input: 500, output: 100), tags: ["use_case": "support"])
            }
            try requests(
                14, model: "teacher-x", day: "2026-11-26", tokens: TokenUsage(input: 2_000, cachedInput: 500, output: 200),
                tags: ["use_case": "triage"])
            try requests(2, model: "teacher-x", day: "2026-11-27", tokens: short, batch: true, tags: ["use_case": "reports"])
            try requests(3, model: "teacher-x", day: "2026-11-27", tokens: short, tags: ["use_case": "reports"])
            try writer.write(EvalRunRecord(
                id: "run-1", evalName: "reports-eval", model: "teacher-x", createdAt: UTCDate(iso: "2026-11-20")!.unixSeconds))
            try writer.refreshDailyRollups()
        }
        try folder.write("prices/test.yaml", Self.prices)
        let catalog = try PriceCatalog.load(directories: [folder.path("prices")])
        var options = WeeklyReportOptions(period: .week(ISOWeek("2026-W48")!))
        if withStudent { options.student = "student-y" }
        options.teacher = "teacher-x"
        return try WeeklyReportBuilder(database: database, catalog: catalog, options: options).build()
    }

    @Test func teacherOnlyUseCasesBatchAndCachingArePricedByHand() throws {
        let folder = try TemporaryDirectory()
        let found = try report(withStudent: true, in: folder).opportunities
        #expect(found.map { "\($0.kind.rawValue) \($0.useCase ?? "-")" }
            == ["distil triage", "caching -", "distil reports", "batch support", "batch reports"])
        #expect(found.map { $0.monthlySavings?.exactDecimalString } == ["0.2574", "0.135", "0.042", "0.024", "0.018"])

        let triage = found[0]
        #expect(triage.spend?.exactDecimalString == "0.0679")
        #expect(triage.requests == 14 && triage.inputTokensPerRequest == 2_000 && triage.outputTokensPerRequest == 200)
        #expect(triage.candidate == "student-y")
        #expect(triage.oneTimeCost?.exactDecimalString == "6.6")
        #expect(triage.paybackDays == 770)
        #expect(triage.quality?.hasPrefix("no quality data") == true)
        #expect(triage.command.contains("--student student-y") && triage.command.contains("--tag use_case=triage"))

        let caching = found[1]
        #expect(caching.isUpperBound && caching.model == "teacher-x" && caching.requests == 14)
        #expect(caching.finding.contains("16.3%") && caching.finding.contains("21,000"))

        let reports = found[2]
        #expect(reports.spend?.exactDecimalString == "0.0112")
        #expect(reports.oneTimeCost?.exactDecimalString == "3.3" && reports.paybackDays == 2_358)
        #expect(reports.quality == "an evaluation run is named for it")

        #expect(found[3].requests == 4 && found[3].spend?.exactDecimalString == "0.0112")
        #expect(found[4].requests == 3 && found[4].finding.contains("already sends part of its traffic"))
    }

    /// Without a student every use case of the teacher is one: support too, 10 × 0.0028 = $0.028
    /// against 10 × 0.00028 = $0.0028, a month 0.0252 × 30 / 7 = $0.108, payback
    /// ceil(3.30 × 30 / 0.108) = ceil(916.7) = 917 days.
    @Test func baselineCoversEveryUseCase() throws {
        let folder = try TemporaryDirectory()
        let report = try report(withStudent: false, in: folder)
        #expect(report.isBaseline)
        let distil = report.opportunities.filter { $0.kind == .distil }
        #expect(distil.map(\.useCase) == ["triage", "support", "reports"])
        #expect(distil[1].monthlySavings?.exactDecimalString == "0.108")
        #expect(distil[1].paybackDays == 917)
    }

    @Test func everyFormatShowsTheSection() throws {
        let folder = try TemporaryDirectory()
        let report = try report(withStudent: true, in: folder)
        let json = report.json().rendered()
        #expect(json.contains(#""monthly_savings": "0.2574""#))
        #expect(json.contains(#""payback_days": 770"#))
        let writer = ReportWriter(
            outputDirectory: folder.path("out"), templates: TemplateSet(defaultDirectory: PackageRoot.appending("templates")))
        let paths = try writer.write(report, formats: [.md, .html])
        for path in paths where path.hasSuffix(".md") || path.hasSuffix(".html") {
            let text = String(decoding: try #require(FileManager.default.contents(atPath: path)), as: UTF8.self)
            #expect(text.contains("Opportunities"), "\(path)")
            #expect(text.contains("$6.60 once, paid back in 770 days"), "\(path)")
            #expect(text.contains("≤ $0.14"), "\(path)")  // the caching ceiling, $0.135 to the cent (half to even)
        }
        let sheet = try #require(report.spreadsheet().sheets.first { $0.name == "Opportunities" })
        // Row 4 (index 3) is the first opportunity; column H its monthly saving.
        #expect(sheet.cells.contains {
            if $0.row == 3, $0.column == 7, case .number(let value) = $0.value { return abs(value - 0.2574) < 1e-12 }
            return false
        })
    }
}
