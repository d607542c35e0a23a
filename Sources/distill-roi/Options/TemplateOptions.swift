import ArgumentParser

/// `--templates DIR`, shared by every command that renders HTML or Markdown (the report commands
/// through `ReportOutputOptions`, and `demo`).
struct TemplateOptions: ParsableArguments {
    @Option(
        name: .customLong("templates"),
        help: ArgumentHelp("Folder of templates that override the shipped ones, file by file.", valueName: "dir"))
    var directory: String?
}
