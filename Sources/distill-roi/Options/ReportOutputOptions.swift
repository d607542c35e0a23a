import ArgumentParser
import Render
import Workflows

/// `--format`, `--out`, `--templates`: shared by every command that writes a report.
struct ReportOutputOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Comma-separated formats: html, md, xlsx, json.", valueName: "formats"))
    var format = CommaSeparated(ReportFormat.allCases)

    @Option(help: ArgumentHelp("Folder the reports are written to.", valueName: "dir"))
    var out = "reports"

    @OptionGroup var templates: TemplateOptions

    var settings: ReportOutput {
        ReportOutput(formats: format.elements, directory: out, templatesDirectory: templates.directory)
    }
}
