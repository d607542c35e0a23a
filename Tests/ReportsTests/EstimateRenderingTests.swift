import CostModel
import DistillCore
import Foundation
import Pricing
import Testing
import TestSupport

@testable import Render
@testable import Reports

/// The estimate in every format: the same figures in HTML, Markdown and JSON; the workbook's live
/// formulas recalculated by LibreOffice equal the JSON to the cent; the page renders in Chromium.
@Suite(.serialized) struct EstimateRenderingTests {
    static let students = [
        "gpt-4o-mini-2024-07-18", "gpt-4.1-mini-2025-04-14", "gpt-4.1-nano-2025-04-14", "meta-llama/Meta-Llama-3.1-8B-Instruct-Reference",
        "support-student-v3", "acme/house-model",
    ]

    private func estimate(approximate: Bool = false) throws -> Estimate {
        var inputs = EstimateBuilderTests.inputs(Self.students)
        inputs.trainingFiles[0].isApproximate = approximate
        inputs.trainingFiles[0].path = "<train>.jsonl"
        // Cached teacher tokens and store-measured one-time costs exercise every formula input.
        inputs.traffic.cachedInputTokens = 256
        inputs.oneTime = EstimateInputs.StoreOneTimeCosts(
            dataGeneration: Money(decimalText: "5.6789")!, dataGenerationBasis: "12 requests in the store",
            evaluation: Money(decimalText: "1.2345")!, evaluationBasis: "6 calls in the store")
        return try EstimateBuilder(catalog: EstimateBuilderTests.catalog(), inputs: inputs).build()
    }

    private func writer(_ folder: TemporaryDirectory) -> ReportWriter {
        ReportWriter(outputDirectory: folder.path("out"), templates: TemplateSet(defaultDirectory: PackageRoot.appending("templates")))
    }

    private func read(_ path: String) throws -> String {
        String(decoding: try #require(FileManager.default.contents(atPath: path)), as: UTF8.self)
    }

    @Test func everyFormatShowsTheSameFigures() throws {
        let folder = try TemporaryDirectory()
        let report = try estimate()
        let paths = try writer(folder).write(report, formats: ReportFormat.allCases)
        let html = try read(try #require(paths.first { $0.hasSuffix(".html") }))
        let markdown = try read(try #require(paths.first { $0.hasSuffix(".md") }))
        let json = try read(try #require(paths.first { $0.hasSuffix(".json") }))
        #expect(paths.contains { $0.hasSuffix("estimate-2026-12-01.xlsx") })
        // One chart per priced candidate that is an option (gpt-4.1-nano shut down before go-live
        // is not), written beside the Markdown.
        #expect(paths.filter { $0.hasSuffix(".svg") }.count == 4)
        // gpt-4o-mini: training $9.00; one-time 9 + 5.6789 + 1.2345 = $15.91; teacher per request
        // (744 × 2.5 + 256 × 1.25 + 200 × 10) / 1M = $0.00418.
        for tables in [RenderedTable.html(html), RenderedTable.markdown(markdown)] {
            let mini = "gpt-4o-mini-2024-07-18"
            #expect(RenderedTable.cell(in: tables, row: mini, column: "Training") == "$9.00")
            #expect(RenderedTable.cell(in: tables, row: mini, column: "One-time cost") == "$15.91")
            #expect(RenderedTable.cell(in: tables, row: mini, column: "Teacher per request") == "$0.004180")
        }
        for text in [html, markdown] {
            #expect(text.contains("unpriced"))
            #expect(text.contains("not an option") && text.contains("gpt-4.1-nano-2025-04-14 shuts down on 2026-10-23, on or before go-live"))
            #expect(text.contains("Fine-tune meta-llama/Meta-Llama-3.1-8B-Instruct-Reference"))
            #expect(!text.contains("APPROXIMATE"))
        }
        #expect(html.contains("&lt;train&gt;.jsonl"))
        #expect(markdown.contains("&lt;train&gt;.jsonl"))
        #expect(markdown.contains("](estimate-2026-12-01-cumulative-gpt-4o-mini-2024-07-18.svg)"))
        #expect(json.contains(#""cost": "9""#))
        #expect(json.contains(#""total": "15.9134""#))
        #expect(json.contains(#""teacher_cost_per_request": "0.00418""#))
        #expect(json.contains(#""approximate_token_counts": false"#))
        #expect(json.contains(#""verdict": "fine_tune""#))
    }

    @Test func approximateCountsAreLabelledInEveryFormat() throws {
        let folder = try TemporaryDirectory()
        let report = try estimate(approximate: true)
        let paths = try writer(folder).write(report, formats: ReportFormat.allCases)
        for path in paths where !path.hasSuffix(".svg") && !path.hasSuffix(".xlsx") {
            #expect(try read(path).contains("approximate") || read(path).contains("APPROXIMATE"), "\(path)")
        }
        #expect(try read(try #require(paths.first { $0.hasSuffix(".json") })).contains(#""approximate_token_counts": true"#))
        let workbook = report.spreadsheet()
        let summary = try #require(workbook.sheets.first { $0.name == "Summary" })
        #expect(summary.cells.contains { cell in
            if case .text(let text) = cell.value { return text.hasPrefix("APPROXIMATE") }
            return false
        })
    }

    @Test func workbookFormulasRecalculatedByLibreOfficeEqualTheJSON() throws {
        let folder = try TemporaryDirectory()
        let report = try estimate()
        let path = folder.path("estimate.xlsx")
        try XLSXWriter.write(report.spreadsheet(), to: path)
        let sheets = try LibreOffice.recalculatedSheets(of: path, workFolder: folder.path("lo"))
        let projection = try #require(sheets["Projection"])
        let header = try #require(projection.first { $0.first == "Candidate" })
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(report.json().rendered().utf8)) as? [String: Any])
        let candidates = try #require(json["candidates"] as? [[String: Any]])

        func number(_ text: String) throws -> Double {
            let trimmed = text.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "$", with: "")
            if trimmed.hasSuffix("%") { return try #require(Double(trimmed.dropLast())) / 100 }
            return try #require(Double(trimmed), "\(text) is not a number")
        }
        var checked = 0
        for candidate in candidates {
            let model = try #require(candidate["model"] as? String)
            let row = try #require(projection.first { $0.first == model }, "no row for \(model)")
            guard let status = candidate["status"] as? String, status == "priced" else {
                #expect(row[1].hasPrefix("\(candidate["status"] as? String ?? "?"):"))
                continue
            }
            func cell(_ name: String) throws -> Double {
                let column = try #require(header.firstIndex(of: name), "no column \(name)")
                return try number(row[column])
            }
            func exact(_ value: Any?) throws -> Double {
                let text = try #require(value as? String)
                return try #require(Double(text))
            }
            let training = try #require(candidate["training"] as? [String: Any])
            let oneTime = try #require(candidate["one_time_cost"] as? [String: Any])
            let expected = try #require(candidate["expected"] as? [String: Any])
            func cents(_ name: String, _ value: Double) throws {
                let recalculated = try cell(name)
                #expect(abs(recalculated - value) < 0.005, "\(model) \(name): LibreOffice \(recalculated), JSON \(value)")
            }
            try cents("Training cost", try exact(training["cost"]))
            try cents("One-time cost", try exact(oneTime["total"]))
            try cents("Monthly savings", try exact(expected["monthly_savings"]))
            for (name, key) in [
                ("Teacher cost per request", "teacher_cost_per_request"), ("Student cost per request", "student_cost_per_request"),
                ("Savings per request", "savings_per_request"),
            ] {
                let value = try exact(expected[key])
                #expect(abs(try cell(name) - value) < 1e-9, "\(model) \(name)")
            }
            if let requests = expected["break_even_requests"] as? Int {
                #expect(try cell("Break-even requests") == Double(requests), "\(model) break-even")
                #expect(try cell("Payback days") == Double(try #require(expected["payback_days"] as? Int)), "\(model) payback")
            } else {
                let column = try #require(header.firstIndex(of: "Payback days"))
                #expect(row[column] == "never")
            }
            for figure in try #require(candidate["roi"] as? [[String: Any]]) {
                let days = try #require(figure["horizon_days"] as? Int)
                let roi = try #require(figure["roi"] as? Double)
                // Percent cells export with one decimal of a percent: within 0.0005 of the ratio.
                #expect(abs(try cell("ROI at \(days) days") - roi) < 0.0005, "\(model) ROI \(days)")
            }
            checked += 1
        }
        // Five candidates, gpt-4.1-nano (shut down before go-live) not an option.
        #expect(checked == 4)
        #expect(Set(sheets.keys).isSuperset(of: ["Summary", "Projection", "Assumptions", "Ranges", "Sensitivity", "Cumulative"]))
    }

    @Test func editingAnAssumptionRecalculatesTheProjection() throws {
        // Doubling the daily volume in the workbook halves gpt-4o-mini's payback days: the formulas
        // are live, not pasted values.
        let folder = try TemporaryDirectory()
        var workbook = try estimate().spreadsheet()
        let index = try #require(workbook.sheets.firstIndex { $0.name == "Assumptions" })
        let cellIndex = try #require(workbook.sheets[index].cells.firstIndex { $0.row == 2 && $0.column == 1 })
        workbook.sheets[index].cells[cellIndex].value = .number(2_000)
        try XLSXWriter.write(workbook, to: folder.path("edited.xlsx"))
        let sheets = try LibreOffice.recalculatedSheets(of: folder.path("edited.xlsx"), workFolder: folder.path("lo"))
        let projection = try #require(sheets["Projection"])
        let header = try #require(projection.first { $0.first == "Candidate" })
        let row = try #require(projection.first { $0.first == "gpt-4o-mini-2024-07-18" })
        let column = try #require(header.firstIndex(of: "Payback days"))
        // One-time 15.9134 / savings 0.00379 → 4,199 requests: 5 days at 1,000 a day, 3 at 2,000.
        #expect(row[column] == "3")
    }

    @Test func htmlRendersInChromiumWithoutErrors() throws {
        let folder = try TemporaryDirectory()
        let paths = try writer(folder).write(try estimate(), formats: [.html])
        let page = try HeadlessChromium.load(try #require(paths.first), screenshot: folder.path("out/estimate.png"))
        #expect(page.dom.contains("Fine-tuning estimate"))
        #expect(page.dom.contains("<svg"))
        #expect(!page.log.contains("Uncaught"))
        #expect(!page.log.contains("net::ERR"))
    }
}
