import CostModel
import DistillCore
import Foundation
import Reports
import Store
import Testing
import TestSupport

@testable import Render

/// A teacher-only week gives a baseline report (figures in `BaselineScenario`, worked by hand),
/// not an error and not student sections full of zeros.
@Suite struct BaselineReportTests {
    @Test func teacherOnlyWeekIsABaselineWithHandCheckedSpend() throws {
        let folder = try TemporaryDirectory()
        let report = try BaselineScenario.weeklyReport(try BaselineScenario.database(in: folder))
        #expect(report.isBaseline)
        #expect(report.roles.student == nil)
        #expect(report.roles.teacher == BaselineScenario.teacher)
        #expect(report.roles.goLive == nil)
        #expect(report.headline.spend == Money(decimalText: "0.077"))
        #expect(report.headline.requests == 21)
        #expect(report.headline.unpricedRequests == 4)
        #expect(report.headline.unpricedTokens == 4_400)
        #expect(report.previousHeadline.spend == Money(decimalText: "0.007"))
        #expect(report.weekOverWeek.map(\.figure) == ["spend", "requests"])
        #expect(report.cumulative.isEmpty)
        #expect(report.quality.comparisons.isEmpty)

        let candidates = report.studentCandidates
        #expect(candidates.map(\.useCase) == ["triage", "support", "triage"])
        #expect(candidates.map(\.model) == [BaselineScenario.teacher, BaselineScenario.teacher, BaselineScenario.unpricedModel])
        #expect(candidates.map(\.requests) == [6, 11, 4])
        #expect(candidates[0].cost == Money(decimalText: "0.042"))
        #expect(candidates[1].cost == Money(decimalText: "0.035"))
        #expect(candidates[1].costPerRequest == Money(decimalText: "0.0035"))
        #expect(candidates[1].requestsPerDay == 11.0 / 7)
        #expect(candidates[2].cost == nil)
        #expect(abs((candidates[0].shareOfSpend ?? 0) - 0.042 / 0.077) < 1e-12)
        let teacher = try #require(report.models.first { $0.model == BaselineScenario.teacher })
        #expect(teacher.failedRequests == 1)
        #expect(teacher.role == "teacher")
    }

    @Test func everyFormatShowsTheBaselineWithoutStudentSections() throws {
        let folder = try TemporaryDirectory()
        let report = try BaselineScenario.weeklyReport(try BaselineScenario.database(in: folder))
        let writer = ReportWriter(
            outputDirectory: folder.path("out"), templates: TemplateSet(defaultDirectory: PackageRoot.appending("templates")))
        let paths = try writer.write(report, formats: ReportFormat.allCases)
        func text(_ suffix: String) throws -> String {
            let path = try #require(paths.first { $0.hasSuffix(suffix) })
            return String(decoding: try #require(FileManager.default.contents(atPath: path)), as: UTF8.self)
        }
        let html = try text(".html"), markdown = try text(".md"), json = try text(".json")
        // $0.077 spend shows as $0.08; the unpriced model's 4 requests and 4,400 tokens beside it.
        #expect(RenderedTable.htmlCards(html)["Spend this period"]?.hasPrefix("$0.08") == true)
        #expect(RenderedTable.cell(in: RenderedTable.markdown(markdown), row: "Spend this period", column: "Value") == "$0.08")
        for page in [html, markdown] {
            #expect(page.contains("+ 4 unpriced requests, 4.4K tokens: cost unknown"))
            #expect(page.contains("Where a student would go"))
            #expect(page.contains("Baseline report"))
            for studentSection in ["Savings this period", "Student live since", "Quality gate", "Break-even", "Student requests"] {
                #expect(!page.contains(studentSection), "\(studentSection) in a baseline report")
            }
        }
        #expect(json.contains(#""baseline": true"#))
        #expect(json.contains(#""student": null"#))
        #expect(json.contains(#""spend": "0.077""#))
        #expect(json.contains(#""unpriced_requests": 4"#))
        for (name, rendered) in [("weekly-baseline.md", markdown), ("weekly-baseline.html", html), ("weekly-baseline.json", json)] {
            try Golden.check(rendered, against: name, failureFolder: folder)
        }
    }

    @Test func workbookHasNoStudentSheetsAndLibreOfficeReadsTheSpend() throws {
        let folder = try TemporaryDirectory()
        let report = try BaselineScenario.weeklyReport(try BaselineScenario.database(in: folder))
        let workbook = report.spreadsheet()
        // Opportunities: support and triage are the teacher's, and no student serves them yet.
        #expect(workbook.sheets.map(\.name) == ["Summary", "Candidates", "Models", "Daily", "Tags", "Sources", "Opportunities"])
        #expect(!workbook.sheets.flatMap(\.cells).contains { if case .formula = $0.value { true } else { false } })
        let writer = ReportWriter(
            outputDirectory: folder.path("out"), templates: TemplateSet(defaultDirectory: PackageRoot.appending("templates")))
        let xlsx = try #require(try writer.write(report, formats: [.xlsx]).first)
        // LibreOffice exports the cell's value, not its display: 0.077, not $0.08.
        let sheets = try LibreOffice.recalculatedSheets(of: xlsx, workFolder: folder.path("lo"))
        let summary = try #require(sheets["Summary"])
        #expect(summary.contains { $0.first == "Spend this period" && $0.dropFirst().first == "0.077" }, "\(summary)")
        let candidates = try #require(sheets["Candidates"])
        #expect(candidates.dropFirst().first?.prefix(3) == ["gpt-4o-2024-08-06", "triage", "6"])
    }
}

/// Golden files for rendered reports: a difference fails with the path of the new output, so
/// `diff` shows it; `DISTILL_ROI_UPDATE_GOLDEN=1` rewrites the files after an intended change.
enum Golden {
    static func check(_ rendered: String, against name: String, failureFolder: TemporaryDirectory) throws {
        let path = PackageRoot.appending("Tests/ReportsTests/Golden/" + name)
        if ProcessInfo.processInfo.environment["DISTILL_ROI_UPDATE_GOLDEN"] == "1" {
            try rendered.write(toFile: path, atomically: true, encoding: .utf8)
            return
        }
        let expected = String(decoding: try #require(FileManager.default.contents(atPath: path), "missing golden \(path)"), as: UTF8.self)
        if rendered != expected {
            let actual = failureFolder.path(name)
            try rendered.write(toFile: actual, atomically: true, encoding: .utf8)
            Issue.record("\(name) differs from its golden file: diff \(path) \(actual)")
        }
    }
}
