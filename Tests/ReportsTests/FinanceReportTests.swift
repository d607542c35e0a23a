import DistillCore
import Foundation
import Reports
import Store
import Testing
import TestSupport

@testable import Render

@Suite struct FinanceReportTests {
    /// November in the hand-worked scenario: distillation 20 × 0.0035 = 0.07; W47 10 × 0.0035 +
    /// 20 × 0.00027 = 0.0404; W48 0.035 + 0.0108 = 0.0458. Computed 0.1562; billed 0.16 → 0.0038.
    @Test func computedBesideBilledPerProject() throws {
        let folder = try TemporaryDirectory()
        let database = try HandWorkedScenario.database(in: folder)
        let writer = try RecordWriter(database: database, source: "costs")
        let day = UTCDate(iso: "2026-11-24")!
        try writer.write(BilledCostRecord(
            startTime: day.unixSeconds, endTime: day.adding(days: 1).unixSeconds, lineItem: "gpt-4o, input",
            project: "", amount: "0.16", currency: "usd"))
        let report = try FinanceReportBuilder(
            database: database, catalog: try HandWorkedScenario.catalog(),
            options: FinanceReportOptions(month: CalendarMonth(containing: day))
        ).build()
        #expect(report.total.computed.exactDecimalString == "0.1562")
        #expect(report.total.billed?.exactDecimalString == "0.16")
        #expect(report.total.difference?.exactDecimalString == "0.0038")
        #expect(report.groups.map(\.group) == ["(no project)"])
        #expect(report.lines.count == 2)
        let paths = try ReportWriter(
            outputDirectory: folder.path("out"), templates: TemplateSet(defaultDirectory: PackageRoot.appending("templates"))
        ).write(report, formats: ReportFormat.allCases)
        #expect(paths.contains { $0.hasSuffix("finance-2026-11.xlsx") })
        let sheets = try LibreOffice.recalculatedSheets(of: folder.path("out/finance-2026-11.xlsx"), workFolder: folder.path("lo"))
        let total = try #require(sheets["Month"]?.first { $0.first == "Total" })
        #expect(abs((Double(total[2]) ?? 0) - 0.1562) < 1e-9)
        #expect(abs((Double(total[4]) ?? 0) - 0.0038) < 1e-9)
    }

    /// The Costs API writes amounts as JSON floats: 0.06935999999999999 has 17 fractional digits.
    /// It is counted: 0.16 + 0.06935999999999999 = 0.22935999999999999, which at the money scale of
    /// 10⁻¹⁵ rounds half to even to 0.22936 (the dropped digits are 0.00000000000000999 → up).
    /// Difference 0.22936 − 0.1562 = 0.07316. Before, the line was left out with a footnote.
    @Test func countsAFloatBilledAmountInTheTotal() throws {
        let folder = try TemporaryDirectory()
        let database = try HandWorkedScenario.database(in: folder)
        let writer = try RecordWriter(database: database, source: "costs")
        let day = UTCDate(iso: "2026-11-24")!
        for (item, amount) in [("gpt-4o, input", "0.16"), ("gpt-4o, output", "0.06935999999999999")] {
            try writer.write(BilledCostRecord(
                startTime: day.unixSeconds, endTime: day.adding(days: 1).unixSeconds, lineItem: item,
                project: "", amount: amount, currency: "usd"))
        }
        let report = try FinanceReportBuilder(
            database: database, catalog: try HandWorkedScenario.catalog(),
            options: FinanceReportOptions(month: CalendarMonth(containing: day))
        ).build()
        #expect(report.total.billed?.exactDecimalString == "0.22936")
        #expect(report.total.difference?.exactDecimalString == "0.07316")
        #expect(!report.notes.contains { $0.contains("could not be read") })
    }

    @Test func groupsByACostCentreTag() throws {
        let folder = try TemporaryDirectory()
        let database = try HandWorkedScenario.database(in: folder)
        let report = try FinanceReportBuilder(
            database: database, catalog: try HandWorkedScenario.catalog(),
            options: FinanceReportOptions(month: CalendarMonth("2026-11"), groupBy: "use_case")
        ).build()
        #expect(report.groups.map(\.group) == ["support"])
        #expect(report.total.billed == nil)
    }
}
