import DistillCore
import Foundation
import Reports
import Store
import Testing
import TestSupport

@testable import Render

/// The details a reader sees: gaps instead of false zeros, dates on chart axes, no sentinel
/// numbers, model names that wrap at their separators.
@Suite struct LooksFinishedTests {
    /// November of the hand-worked scenario has requests on the 2nd, 16th, 17th, 24th and 25th
    /// only: the computed line is a dot (2nd) and two segments (16–17, 24–25), never a drop to $0.
    @Test func financeDailyChartShowsDaysWithoutDataAsGaps() throws {
        let folder = try TemporaryDirectory()
        let database = try HandWorkedScenario.database(in: folder)
        let report = try FinanceReportBuilder(
            database: database, catalog: try HandWorkedScenario.catalog(),
            options: FinanceReportOptions(month: CalendarMonth("2026-11")!)
        ).build()
        #expect(report.daily.first { $0.day == UTCDate(iso: "2026-11-03")! }?.computed == nil)
        #expect(report.daily.first { $0.day == UTCDate(iso: "2026-11-16")! }?.computed != nil)
        let svg = try #require(report.charts().first).chart.render()
        #expect(svg.components(separatedBy: "<polyline").count - 1 == 2)
        #expect(svg.components(separatedBy: "<circle").count - 1 == 1)
        let daily = try #require(report.spreadsheet().sheets.first { $0.name == "Daily" })
        #expect(daily.charts.first?.categoryNumberFormat == "yyyy-mm-dd")
        // Row 0 is the header, row 2 is 2026-11-02 (data), row 3 is 2026-11-03 (none): a blank
        // cell, not 0.
        let value = { (row: Int) in daily.cells.first { $0.row == row && $0.column == 1 }?.value }
        #expect({ if case .blank = value(3) { true } else { false } }())
        #expect({ if case .number(let amount) = value(2) { abs(amount - 0.07) < 1e-12 } else { false } }())
    }

    @Test func weeklyWorkbookHasDateAxesAndNoMinusOneSentinel() throws {
        let folder = try TemporaryDirectory()
        let report = try HandWorkedScenario.weeklyReport(try HandWorkedScenario.database(in: folder))
        let workbook = report.spreadsheet()
        let daily = try #require(workbook.sheets.first { $0.name == "Daily" })
        #expect(!daily.charts.isEmpty)
        #expect(daily.charts.allSatisfy { $0.categoryNumberFormat == "yyyy-mm-dd" })
        let summary = try #require(workbook.sheets.first { $0.name == "Summary" })
        let formulas = summary.cells.compactMap { cell -> String? in
            if case .formula(let text, _) = cell.value { return text }
            if case .textFormula(let text, _) = cell.value { return text }
            return nil
        }
        let days = try #require(formulas.first { $0.contains("CEILING") })
        #expect(days.hasSuffix(#","never")"#))
        #expect(!summary.cells.contains { if case .text(let text) = $0.value { text.contains("-1 =") } else { false } })
    }

    @Test func htmlModelNamesBreakAtSeparatorsOnly() throws {
        let folder = try TemporaryDirectory()
        let report = try HandWorkedScenario.weeklyReport(try HandWorkedScenario.database(in: folder))
        let paths = try ReportWriter(
            outputDirectory: folder.path("out"), templates: TemplateSet(defaultDirectory: PackageRoot.appending("templates"))
        ).write(report, formats: [.html])
        let html = String(decoding: try #require(FileManager.default.contents(atPath: paths[0])), as: UTF8.self)
        #expect(html.contains("<code>gpt-<wbr>4o-<wbr>2024-<wbr>08-<wbr>06</code>"))
        #expect(!html.contains("break-all"))
        #expect(html.contains(#"<span class="nowrap">2026-11-23 – 2026-11-29</span>"#))
    }
}
