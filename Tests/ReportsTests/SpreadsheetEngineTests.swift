import DistillCore
import Foundation
import Store
import Testing
import TestSupport

@testable import Render
@testable import Reports

/// The workbook is checked by a real spreadsheet engine: LibreOffice recalculates every formula
/// and the results must equal the report's own figures to the cent.
@Suite(.serialized) struct SpreadsheetEngineTests {
    @Test func libreOfficeReallyRecalculates() throws {
        let folder = try TemporaryDirectory()
        var sheet = Spreadsheet.Sheet(name: "Check")
        sheet.set(0, 0, .formula("=1+1", value: 0))  // a deliberately wrong stored value
        try XLSXWriter.write(Spreadsheet(sheets: [sheet]), to: folder.path("check.xlsx"))
        let sheets = try LibreOffice.recalculatedSheets(of: folder.path("check.xlsx"), workFolder: folder.path("lo"))
        #expect(sheets["Check"]?.first?.first == "2")
    }

    @Test func summaryFormulasReproduceTheReportToTheCent() throws {
        let folder = try TemporaryDirectory()
        let database = try HandWorkedScenario.database(in: folder)
        try HandWorkedScenario.addRequest(
            "formula-tag", model: "gpt-4o-2024-08-06", day: "2026-11-27",
            tokens: TokenUsage(input: 1, output: 1), tags: ["use_case": "=HYPERLINK(\"http://example.invalid\",\"x\")"], to: database)
        let report = try HandWorkedScenario.weeklyReport(database)
        let path = folder.path("weekly.xlsx")
        try XLSXWriter.write(report.spreadsheet(), to: path)
        let sheets = try LibreOffice.recalculatedSheets(of: path, workFolder: folder.path("lo"))
        let summary = try #require(sheets["Summary"])
        func value(_ label: String) throws -> Double {
            let row = try #require(summary.first { $0.first == label }, "no row \(label)")
            // Percent-formatted cells export as "-68.96...%": the raw value with its unit.
            let text = row[1].hasSuffix("%") ? String(row[1].dropLast()) : row[1]
            let number = try #require(Double(text), "\(label): \(row[1]) is not a number")
            return row[1].hasSuffix("%") ? number / 100 : number
        }
        func expectCents(_ label: String, _ exact: Double) throws {
            let recalculated = try value(label)
            #expect(abs(recalculated - exact) < 0.005, "\(label): LibreOffice \(recalculated), report \(exact)")
        }
        try expectCents("Savings this period", report.headline.savings.approximateDouble)
        try expectCents("One-time cost", report.headline.oneTimeCost.total.approximateDouble)
        try expectCents("Savings since go-live", report.headline.savingsSinceGoLive.approximateDouble)
        #expect(abs(try value("Savings per student request") - 0.00323) < 1e-9)
        // 179 days after the period, as the report projected (2027-05-28).
        #expect(try value("Days to break-even after this period") == 179)
        for figure in report.headline.roi {
            #expect(abs(try value("ROI at \(figure.months) months") - (figure.roi ?? .nan)) < 1e-9)
        }
        let tags = try #require(sheets["Tags"])
        #expect(tags.contains { $0.contains("=HYPERLINK(\"http://example.invalid\",\"x\")") })
        // The student and the teacher retire on 2027-01-14, 45 days after W48: the Retirement sheet is there.
        // The formula-tagged request (1 in, 1 out) is a use case the teacher serves alone, but a student
        // would save far less than a cent a month on it: no opportunity, so no Opportunities sheet.
        #expect(Set(sheets.keys) == ["Summary", "Models", "Quality", "Daily", "Tags", "Assumptions", "Sources", "Retirement"])
    }
}

/// The HTML report in a real browser: it renders, loads nothing from the network, logs no
/// console error, and shows data as text.
@Suite(.serialized) struct BrowserRenderingTests {
    @Test func htmlRendersInChromiumWithoutErrors() throws {
        let folder = try TemporaryDirectory()
        let database = try HandWorkedScenario.database(in: folder)
        try HandWorkedScenario.addRequest(
            "hostile", model: "gpt-4o-2024-08-06", day: "2026-11-26",
            tokens: TokenUsage(input: 10, output: 1), tags: ["use_case": "<script>alert(1)</script>"], to: database)
        let report = try HandWorkedScenario.weeklyReport(database)
        let paths = try ReportWriter(
            outputDirectory: folder.path("out"), templates: TemplateSet(defaultDirectory: PackageRoot.appending("templates"))
        ).write(report, formats: [.html])
        let page = try HeadlessChromium.load(try #require(paths.first), screenshot: folder.path("out/weekly.png"))
        #expect(page.dom.contains("Distillation ROI, 2026-W48"))
        #expect(page.dom.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!page.dom.contains("<script>alert(1)</script>"))
        #expect(!page.log.contains("Uncaught"))
        #expect(!page.log.contains("ERR_FILE_NOT_FOUND"))
        #expect(!page.log.contains("net::ERR"))
        let size = try FileManager.default.attributesOfItem(atPath: folder.path("out/weekly.png"))[.size] as? Int
        #expect((size ?? 0) > 10_000)
    }
}
