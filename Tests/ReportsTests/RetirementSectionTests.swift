import CostModel
import DistillCore
import Foundation
import Pricing
import Reports
import Testing
import TestSupport

@testable import Render

/// The weekly report's retirement section on the hand-worked scenario (see `HandWorkedScenario`),
/// W48 (2026-11-23..29, so the period ends 2026-11-30), with the shipped catalog plus a test file
/// pricing the named successor gpt-6-luna at $1.00 / $4.00 and an open-weight student
/// acme/open-student at $0.20 / $0.20 with training at $0.50 per 1M tokens. Worked by hand:
///
/// - Student and teacher both shut down on 2027-01-14: 2026-11-30 + 45 days. Switch date 2027-01-14.
/// - Cost: one-time $3.07; returned to date $0.1938; still to come 0.00323 × 5 a day × 45 days
///   = $0.72675, so $0.92055 by the shutdown and 3.07 − 0.92055 = $2.14945 never recovered;
///   savings that stop: 0.00323 × 5 × 30 = $0.4845 a month.
/// - Way back: the teacher retires, so its successor gpt-6-luna at the teacher's measured tokens
///   (1,000 in, 100 out): 0.001 + 0.0004 = $0.0014 a request, 0.0014 × 150 = $0.21 a month.
/// - Re-distil into acme/open-student: the student's W48 tokens, 40 × (500 in, 100 out) = 24,000
///   at $0.20 = $0.0048, $0.00012 a request, $0.018 a month; training = the job's 1,000,000
///   trained tokens × $0.50 = $0.50 (+ $0 evaluation); saves 0.0014 − 0.00012 = $0.00128 a request;
///   ceil(0.50 / 0.00128) = ceil(390.6) = 391 requests = ceil(391 / 5) = 79 days from 2027-01-14
///   = 2027-04-03.
/// - gpt-4.1-mini retires on 2027-01-14 too: not an option.
@Suite struct RetirementSectionTests {
    static let successorPrices = """
        provider: test-successors
        models:
          - id: gpt-6-luna
            prices:
              - { effective_from: 2026-01-01, source: "test", as_of: "2026-12-01", default: { input: 1.00, output: 4.00 } }
          - id: acme/open-student
            prices:
              - { effective_from: 2026-01-01, source: "test", as_of: "2026-12-01", default: { input: 0.20, output: 0.20 } }
            training:
              - { effective_from: 2026-01-01, per_million_tokens: 0.50, source: "test", as_of: "2026-12-01" }
        """

    private func report(windowDays: Int64 = 90, in folder: TemporaryDirectory) throws -> WeeklyReport {
        let database = try HandWorkedScenario.database(in: folder)
        try folder.write("extra/successors.yaml", Self.successorPrices)
        let catalog = try PriceCatalog.load(directories: [PackageRoot.appending("pricing"), folder.path("extra")])
        var options = WeeklyReportOptions(period: .week(ISOWeek("2026-W48")!))
        options.retirementWindowDays = windowDays
        options.retirementCandidates = ["acme/open-student", "gpt-4.1-mini-2025-04-14"]
        return try WeeklyReportBuilder(database: database, catalog: catalog, options: options).build()
    }

    @Test func retirementWithinNinetyDaysIsPricedByHand() throws {
        let folder = try TemporaryDirectory()
        let retirement = try #require(try report(in: folder).retirement)
        #expect(retirement.retiring.map(\.role) == ["student", "teacher"])
        #expect(retirement.retiring.allSatisfy { $0.daysLeft == 45 && $0.shutdown.description == "2027-01-14" })
        #expect(retirement.retiring.first?.successor == "gpt-6-luna")
        #expect(retirement.switchDate.description == "2027-01-14")
        let cost = try #require(retirement.cost)
        #expect(cost.oneTimeCost.exactDecimalString == "3.07")
        #expect(cost.recoveredToDate.exactDecimalString == "0.1938")
        #expect(cost.recoveredByShutdown.exactDecimalString == "0.92055")
        #expect(cost.unrecoveredAtShutdown.exactDecimalString == "2.14945")
        #expect(cost.monthlySavingsLost?.exactDecimalString == "0.4845")

        #expect(retirement.ways.map(\.model) == ["gpt-6-luna", "acme/open-student", "gpt-4.1-mini-2025-04-14"])
        let back = try #require(retirement.ways[0].figures)
        #expect(retirement.ways[0].kind == .successor)
        #expect(back.costPerRequest.rounded.exactDecimalString == "0.0014")
        #expect(back.monthlyCost.exactDecimalString == "0.21")
        #expect(back.payback == nil && back.savingsPerRequest == nil)

        let open = try #require(retirement.ways[1].figures)
        #expect(open.oneTimeCost.training.exactDecimalString == "0.5")
        #expect(open.oneTimeCost.total.exactDecimalString == "0.5")
        #expect(open.costPerRequest.rounded.exactDecimalString == "0.00012")
        #expect(open.monthlyCost.exactDecimalString == "0.018")
        #expect(open.savingsPerRequest?.rounded.exactDecimalString == "0.00128")
        #expect(open.payback?.days == 79)
        #expect(open.payback?.date?.description == "2027-04-03")

        let mini = retirement.ways[2]
        #expect(mini.figures == nil)
        #expect(mini.reason == "it retires on 2027-01-14, by the switch date 2027-01-14")
    }

    @Test func everyFormatShowsTheSection() throws {
        let folder = try TemporaryDirectory()
        let report = try report(in: folder)
        let json = report.json().rendered()
        #expect(json.contains(#""unrecovered_at_shutdown": "2.14945""#))
        #expect(json.contains(#""payback_date": "2027-04-03""#))
        let writer = ReportWriter(
            outputDirectory: folder.path("out"), templates: TemplateSet(defaultDirectory: PackageRoot.appending("templates")))
        let paths = try writer.write(report, formats: [.md, .html])
        for path in paths where path.hasSuffix(".md") || path.hasSuffix(".html") {
            let text = String(decoding: try #require(FileManager.default.contents(atPath: path)), as: UTF8.self)
            #expect(text.contains("Retirement"), "\(path)")
            #expect(text.contains("45 days left"), "\(path)")
            #expect(text.contains("79 days (2027-04-03)"), "\(path)")
            #expect(text.contains("$2.15"), "\(path)")  // $2.14945 not recovered, to the cent
        }
        let sheet = try #require(report.spreadsheet().sheets.first { $0.name == "Retirement" })
        // The open student's monthly cost: a formula over the volume cell, stored with $0.018.
        #expect(sheet.cells.contains {
            if case .formula(let formula, let value) = $0.value { return formula.hasSuffix("*$B$4*30") && abs(value - 0.018) < 1e-12 }
            return false
        })
    }

    @Test func hiddenWhenNothingRetiresWithinTheWindow() throws {
        // 45 days left is outside a 30-day window: no section, null in the JSON, no sheet.
        let folder = try TemporaryDirectory()
        let report = try report(windowDays: 30, in: folder)
        #expect(report.retirement == nil)
        #expect(report.json().rendered().contains(#""retirement": null"#))
        #expect(!report.spreadsheet().sheets.contains { $0.name == "Retirement" })
        let paths = try ReportWriter(
            outputDirectory: folder.path("out"), templates: TemplateSet(defaultDirectory: PackageRoot.appending("templates"))
        ).write(report, formats: [.md])
        let markdown = String(decoding: try #require(FileManager.default.contents(atPath: paths[0])), as: UTF8.self)
        #expect(!markdown.contains("## Retirement"))
    }
}
