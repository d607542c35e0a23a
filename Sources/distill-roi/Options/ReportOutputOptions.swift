import ArgumentParser
import Render
import Workflows

/// `--format`, `--out`, `--templates`: shared by every command that writes a report.
struct ReportOutputOptions: ParsableArguments {
    @Option(help: "Comma-separated formats: html, md, xlsx, json.")
    var format = CommaSeparated(ReportFormat.allCases)

    @Option(help: "Folder the reports are written to.")
    var out = "reports"

    @Option(help: "Folder of templates that override the shipped ones, file by file.")
    var templates: String?

    var settings: ReportOutput {
        ReportOutput(formats: format.elements, directory: out, templatesDirectory: templates)
    }
}
