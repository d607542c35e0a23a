import CostModel
import DistillCore
import Foundation
import Reports
import Store
import Testing
import TestSupport

@testable import Render

/// Reported cost (what a gateway or tracer said a request cost) beside the computed cost.
@Suite struct ReportedCostTests {
    /// Three more teacher requests on 2026-11-24, each 1000 in / 100 out at $2.50 / $10.00 per 1M
    /// = $0.0035 (as in the scenario); two state their cost: 0.004 and 0.00300000000000000001
    /// (a float's noise, rounded at 10⁻¹⁵ to 0.003). W48's teacher: 10 + 3 = 13 requests,
    /// computed 13 × 0.0035 = 0.0455, reported 0.007 for 2 of them, difference 0.007 − 0.0455 =
    /// −0.0385. One of them holds 40 audio input tokens: flagged as priced at the text rates.
    @Test func weeklyAndFinanceShowReportedBesideComputed() throws {
        let folder = try TemporaryDirectory()
        let database = try HandWorkedScenario.database(in: folder)
        #expect(try HandWorkedScenario.weeklyReport(database).sources.reportedCost.isEmpty)

        let writer = try RecordWriter(database: database, source: "openrouter")
        let day = UTCDate(iso: "2026-11-24")!.unixSeconds
        try database.transaction {
            for (index, cost) in ["0.004", "0.00300000000000000001", nil].enumerated() {
                try writer.write(RequestRecord(
                    key: "gen-\(index)", model: HandWorkedScenario.teacher, createdAt: day + 7_000 + Int64(index),
                    tokens: TokenUsage(input: 1_000, output: 100, audioInput: index == 2 ? 40 : 0), status: "ok",
                    tags: ["use_case": "support"], reportedCost: cost))
            }
            try writer.refreshDailyRollups()
        }

        let weekly = try HandWorkedScenario.weeklyReport(database)
        let line = try #require(weekly.sources.reportedCost.first)
        #expect(weekly.sources.reportedCost.count == 1)
        #expect(line.model == HandWorkedScenario.teacher && line.requests == 13 && line.reportedRequests == 2)
        #expect(line.computed?.exactDecimalString == "0.0455")
        #expect(line.reported.exactDecimalString == "0.007")
        #expect(line.difference?.exactDecimalString == "-0.0385")
        #expect(weekly.sources.notes.contains {
            $0.hasPrefix("gpt-4o-2024-08-06: 40 audio input and 0 audio output tokens are priced at the text rates")
        })

        // November: 20 + 10 + 10 + 3 = 43 teacher requests × 0.0035 = 0.1505; reported 0.007.
        let finance = try FinanceReportBuilder(
            database: database, catalog: try HandWorkedScenario.catalog(),
            options: FinanceReportOptions(month: CalendarMonth("2026-11"))
        ).build()
        #expect(finance.reportedCost.map(\.model) == [HandWorkedScenario.teacher])
        #expect(finance.reportedCost.first?.computed?.exactDecimalString == "0.1505")
        #expect(finance.reportedCost.first?.difference?.exactDecimalString == "-0.1435")

        let writerOut = ReportWriter(
            outputDirectory: folder.path("out"), templates: TemplateSet(defaultDirectory: PackageRoot.appending("templates")))
        let paths = try writerOut.write(weekly, formats: [.md, .json])
        let markdown = try String(contentsOfFile: try #require(paths.first { $0.hasSuffix(".md") }), encoding: .utf8)
        #expect(markdown.contains("| `gpt-4o-2024-08-06` | 13 | 2 | $0.05 | $0.01 | -$0.04 |"))
        let json = try String(contentsOfFile: try #require(paths.first { $0.hasSuffix(".json") }), encoding: .utf8)
        #expect(json.contains(#""reported":"0.007""#) || json.contains(#""reported": "0.007""#))
        #expect(json.contains("-0.0385"))
    }

    /// Hand-rounded half to even at the 15th digit: …0001 down, …5 with a nonzero tail up, an
    /// exact half to the even neighbour.
    @Test func moneyRoundsOverlongReportedAmounts() {
        #expect(Money(statedAmountText: "0.00013499999999999997")?.exactDecimalString == "0.000135")
        #expect(Money(statedAmountText: "0.0000000000000015")?.exactDecimalString == "0.000000000000002")
        #expect(Money(statedAmountText: "0.0000000000000025")?.exactDecimalString == "0.000000000000002")
        #expect(Money(statedAmountText: "1.5e-05")?.exactDecimalString == "0.000015")
    }
}
