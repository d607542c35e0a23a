import DistillCore
import Foundation
import Store
import Testing
import TestSupport

@testable import Render
@testable import Reports

/// A one-time costs file's line in the JSON and in the workbook's formulas, recalculated by LibreOffice.
@Suite(.serialized) struct OneTimeCostsRenderingTests {
    /// `HandWorkedScenario` ($3.07 one-time) plus a $12.93 labelling line: $16.00 in all.
    private func report(in folder: TemporaryDirectory) throws -> WeeklyReport {
        let database = try HandWorkedScenario.database(in: folder)
        let writer = try RecordWriter(database: database, source: "costs")
        try database.transaction {
            try writer.write(
                OneTimeCostRecord(
                    day: UTCDate(iso: "2026-11-10")!.unixSeconds, kind: "data labelling", amount: "12.93", currency: "USD",
                    note: "batch 1"))
        }
        return try HandWorkedScenario.weeklyReport(database)
    }

    @Test func jsonListsEachLine() throws {
        let report = try report(in: try TemporaryDirectory())
        guard case .object(let root) = report.json(), case .object(let headline)? = root["headline"],
            case .object(let oneTime)? = headline["one_time_cost"]
        else {
            Issue.record("no headline.one_time_cost")
            return
        }
        #expect(
            oneTime["other"]
                == .array([.object([("label", .string("data labelling, 2026-11-10: batch 1")), ("amount", .string("12.93"))])]))
        #expect(oneTime["total"] == .string("16"))
    }

    @Test func workbookFormulasCountTheLines() throws {
        let folder = try TemporaryDirectory()
        let report = try report(in: folder)
        let path = folder.path("weekly.xlsx")
        try XLSXWriter.write(report.spreadsheet(), to: path)
        let sheets = try LibreOffice.recalculatedSheets(of: path, workFolder: folder.path("lo"))
        let summary = try #require(sheets["Summary"])
        func value(_ label: String) throws -> Double {
            let row = try #require(summary.first { $0.first == label }, "no row \(label)")
            return try #require(Double(row[1]), "\(label): \(row[1]) is not a number")
        }
        #expect(abs(try value("One-time cost") - 16) < 0.005)
        // Still to recover 16 − 0.1938 = 15.8062 → ceil(15.8062 / 0.00323) = 4,894 requests → ceil(4,894 / 5) = 979 days.
        #expect(try value("Days to break-even after this period") == 979)
        let assumptions = try #require(sheets["Assumptions"])
        #expect(assumptions.contains { $0.first == "Other one-time costs (USD)" && $0[2] == "data labelling, 2026-11-10: batch 1" })
    }
}
