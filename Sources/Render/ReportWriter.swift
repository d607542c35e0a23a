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

    /// A format that fails stops the others; the error names the file and why, and the files
    /// already written (they are complete, each written atomically).
    private func write(_ report: any RenderableReport, formats: [ReportFormat]) throws -> [String] {
        try Self.makeFolder(outputDirectory)
        let base = AtomicFile.safeName(report.fileStem)
        var written: [String] = []
        for format in formats {
            let path = (outputDirectory as NSString).appendingPathComponent("\(base).\(format.rawValue)")
            do {
                try write(report, format: format, base: base, to: path, written: &written)
            } catch {
                let before = written.isEmpty ? "" : " Written before it: \(written.joined(separator: ", "))."
                throw RenderError("cannot write \(path): \(Self.reason(error)).\(before)")
            }
            written.append(path)
        }
        return written
    }

    /// `mkdir -p` with the reason in the C library's words, naming the folder that could not be
    /// made (Foundation's error here is "The file doesn't exist" whatever went wrong).
    static func makeFolder(_ path: String) throws {
        var folder = ""
        for component in path.split(separator: "/") {
            folder += folder.isEmpty && !path.hasPrefix("/") ? String(component) : "/" + component
            guard component != ".", component != "..", mkdir(folder, 0o755) != 0, errno != EEXIST else { continue }
            let reason = String(cString: strerror(errno))
            throw RenderError("cannot create the report folder \(path) (at \(folder)): \(reason); pass another --out.")
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw RenderError("cannot write reports into \(path): it is a file, not a folder; pass another --out.")
        }
    }

    /// Why a write failed, in words: the POSIX reason under Foundation's `NSCocoaErrorDomain`
    /// wrapping ("Permission denied", "No space left on device"), or our own error's text.
    static func reason(_ error: Error) -> String {
        if let error = error as? RenderError {
            var text = error.description
            while text.hasSuffix(".") { text.removeLast() }
            return text
        }
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        if nsError.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(nsError.code))) }
        switch CocoaError.Code(rawValue: nsError.code) {
        case .fileWriteNoPermission: return "permission denied"
        case .fileWriteOutOfSpace: return "no space left on the device"
        case .fileWriteVolumeReadOnly: return "the file system is read-only"
        default: return nsError.localizedDescription
        }
    }

    private func write(
        _ report: any RenderableReport, format: ReportFormat, base: String, to path: String, written: inout [String]
    ) throws {
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
    }
}
