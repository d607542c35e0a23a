import DistillCore
import Foundation
import Reports
import Store
import Testing
import TestSupport

@testable import Render

@Suite struct WeeklyReportRenderingTests {
    private func render(_ formats: [ReportFormat], into folder: TemporaryDirectory) throws -> (WeeklyReport, [String]) {
        let database = try HandWorkedScenario.database(in: folder)
        let report = try HandWorkedScenario.weeklyReport(database)
        let writer = ReportWriter(
            outputDirectory: folder.path("out"), templates: TemplateSet(defaultDirectory: PackageRoot.appending("templates")))
        return (report, try writer.write(report, formats: formats))
    }

    private func read(_ path: String) throws -> String {
        String(decoding: try #require(FileManager.default.contents(atPath: path)), as: UTF8.self)
    }

    @Test func everyFormatShowsTheSameHeadline() throws {
        let folder = try TemporaryDirectory()
        let (_, paths) = try render(ReportFormat.allCases, into: folder)
        let html = try read(try #require(paths.first { $0.hasSuffix(".html") }))
        let markdown = try read(try #require(paths.first { $0.hasSuffix(".md") }))
        let json = try read(try #require(paths.first { $0.hasSuffix(".json") }))
        // $0.0458 spend, $0.1292 savings, $0.175 teacher-only, $3.07 one-time (display: cents),
        // each read from its own row of the Markdown headline table and its own HTML card.
        let expected = [
            ("Spend this period", "Spend this period", "$0.05"),
            ("Savings this period", "Savings this period", "$0.13"),
            ("Teacher-only cost (same traffic without the student)", "Teacher-only cost", "$0.18"),
            ("One-time cost", "One-time cost", "$3.07"),
        ]
        let tables = RenderedTable.markdown(markdown)
        let cards = RenderedTable.htmlCards(html)
        for (row, card, value) in expected {
            #expect(RenderedTable.cell(in: tables, row: row, column: "Value") == value, "Markdown \(row)")
            #expect(cards[card] == value, "HTML \(card)")
        }
        for text in [html, markdown] {
            #expect(text.contains("after the student"))
        }
        #expect(json.contains(#""spend": "0.0458""#))
        #expect(json.contains(#""savings": "0.1292""#))
        #expect(json.contains(#""status": "after_shutdown""#))
        #expect(paths.contains { $0.hasSuffix("weekly-2026-W48.xlsx") })
        #expect(paths.filter { $0.hasSuffix(".svg") }.count >= 3)
        #expect(!FileManager.default.fileExists(atPath: folder.path("out/.weekly-2026-W48.html.\(ProcessInfo.processInfo.processIdentifier).tmp")))
    }

    @Test func htmlIsSelfContainedAndEscapesData() throws {
        let folder = try TemporaryDirectory()
        let database = try HandWorkedScenario.database(in: folder)
        try HandWorkedScenario.addRequest(
            "hostile", model: "gpt-4o-2024-08-06", day: "2026-11-26",
            tokens: TokenUsage(input: 10, output: 1), tags: ["use_case": "<script>alert(1)</script>"], to: database)
        let report = try HandWorkedScenario.weeklyReport(database)
        let paths = try ReportWriter(
            outputDirectory: folder.path("out"), templates: TemplateSet(defaultDirectory: PackageRoot.appending("templates"))
        ).write(report, formats: [.html, .md])
        let html = try read(try #require(paths.first { $0.hasSuffix(".html") }))
        #expect(!html.contains("<script"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!html.contains("http://") || !html.contains("src=\"http"))
        #expect(!html.contains("<link"))
        let markdown = try read(try #require(paths.first { $0.hasSuffix(".md") }))
        #expect(!markdown.contains("<script"))
    }
}
