import Foundation
import Reports

/// Writes a report in each requested format into the output folder, each file atomically.
package struct ReportWriter {
    package let outputDirectory: String
    package let templates: TemplateSet

    package init(outputDirectory: String, templates: TemplateSet) {
        self.outputDirectory = outputDirectory
        self.templates = templates
    }

    /// Writes `<stem>.<format>` files (and the Markdown's charts as SVG) and returns their paths.
    @discardableResult
    package func write(_ report: WeeklyReport, formats: [ReportFormat]) throws -> [String] {
        try write(report as any RenderableReport, formats: formats)
    }

    @discardableResult
    package func write(_ report: FinanceReport, formats: [ReportFormat]) throws -> [String] {
        try write(report as any RenderableReport, formats: formats)
    }

    @discardableResult
    package func write(_ report: Estimate, formats: [ReportFormat]) throws -> [String] {
        try write(report as any RenderableReport, formats: formats)
    }

    private func write(_ report: any RenderableReport, formats: [ReportFormat]) throws -> [String] {
        try FileManager.default.createDirectory(atPath: outputDirectory, withIntermediateDirectories: true)
        let base = AtomicFile.safeName(report.fileStem)
        var written: [String] = []
        for format in formats {
            let path = (outputDirectory as NSString).appendingPathComponent("\(base).\(format.rawValue)")
            switch format {
            case .json:
                try AtomicFile.write(Data(report.json().rendered().utf8), to: path)
            case .html:
                let html = try templates.render(
                    "\(report.templateName).html.mustache", context: report.templateContext(format: .html, chartLinks: [:]))
                try AtomicFile.write(Data(html.utf8), to: path)
            case .md:
                var links: [String: String] = [:]
                for (name, chart) in report.charts() {
                    let file = AtomicFile.safeName("\(base)-\(name)") + ".svg"
                    let chartPath = (outputDirectory as NSString).appendingPathComponent(file)
                    try AtomicFile.write(Data(chart.render(standalone: true).utf8), to: chartPath)
                    links[name] = file
                    written.append(chartPath)
                }
                let markdown = try templates.render(
                    "\(report.templateName).md.mustache", context: report.templateContext(format: .markdown, chartLinks: links))
                try AtomicFile.write(Data(markdown.utf8), to: path)
            case .xlsx:
                try AtomicFile.write(to: path) { temporary in try XLSXWriter.write(report.spreadsheet(), to: temporary) }
            }
            written.append(path)
        }
        return written
    }
}
