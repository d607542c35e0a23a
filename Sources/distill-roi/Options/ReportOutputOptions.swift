import ArgumentParser
import Workflows

/// `--format`, `--out`, `--templates`, `--pricing`: shared by every command that writes a report.
struct ReportOutputOptions: ParsableArguments {
    @Option(help: "Comma-separated formats: html, md, xlsx, json.")
    var format = "html,md,xlsx,json"

    @Option(help: "Folder the reports are written to.")
    var out = "reports"

    @Option(help: "Folder of templates that override the shipped ones, file by file.")
    var templates: String?

    @Option(help: "Extra price catalog folder, applied after the shipped one (repeatable).")
    var pricing: [String] = []

    var settings: ReportOutput {
        var output = ReportOutput()
        output.formats = format
        output.directory = out
        output.templatesDirectory = templates
        output.pricingDirectories = pricing
        return output
    }
}
