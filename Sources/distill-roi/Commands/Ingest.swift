import ArgumentParser
import DistillCore
import Ingest
import Workflows

/// `distill-roi ingest SOURCE ...`: one subcommand per kind of source; add new ones to `subcommands`.
struct Ingest: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Load usage, latency, scores and fine-tuning jobs from files or the OpenAI API.",
        subcommands: [File.self, OpenAI.self])
}

extension Ingest {
    struct File: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Load completions, Batch output, request logs, scores, OTel spans, fine-tuning jobs, eval runs, "
                + "usage or costs pages from files (.gz read directly).",
            discussion: "Each file is one transaction: a file with an invalid record is rejected whole, quoting the "
                + "first problems as file:line: field: problem, unless --skip-invalid is given. Ingesting a file "
                + "twice changes nothing. Message content is stored only with --store-content.")

        @Argument(help: "The files to load (JSON Lines, JSON, CSV; optionally gzip-compressed).")
        var paths: [String]

        @Option(help: "The format; auto recognises it from the content.")
        var kind = FileKindOption.auto

        @Option(help: "The source name stored with the rows (default: KIND:FILENAME).")
        var source: String?

        @Flag(help: "Store the valid records of a file with invalid ones, and report how many were skipped.")
        var skipInvalid = false

        @Flag(help: "Also store message content (off by default: prompts may hold personal data).")
        var storeContent = false

        @Flag(help: "Mask e-mail addresses, phone numbers and API-key-shaped strings in stored metadata and content.")
        var redact = false

        @Option(
            name: .customLong("batch-input"),
            help: ArgumentHelp(
                "The Batch input file of the Batch output files given: each request's messages are stored with its answer, "
                    + "joined by custom_id (needs --store-content).", valueName: "path"))
        var batchInput: String?

        @Option(
            name: .customLong("map"),
            help: ArgumentHelp(
                "COLUMN=FIELD for a column the aliases miss; FIELD may be tag:NAME, or - to drop it; '*=-' drops unmapped columns. Repeatable.",
                valueName: "column=field"))
        var maps: [KeyValuePair] = []

        @Option(
            help: ArgumentHelp("The range scores are written on, MIN:MAX (default 0:1).", valueName: "min:max"),
            transform: { try ScoreScale(parsing: $0) })
        var scale: ScoreScale?

        @OptionGroup var database: DatabaseOptions

        func validate() throws {
            if batchInput != nil, !storeContent {
                throw ValidationError("--batch-input stores the requests' messages: pass --store-content with it.")
            }
        }

        func run() throws {
            try reportingErrors {
                let options = FileIngestOptions(
                    kind: kind.fileKind, source: source, skipInvalid: skipInvalid, storeContent: storeContent, redact: redact,
                    columnMap: Dictionary(maps.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last }),
                    scoreScale: scale, batchInput: batchInput)
                try IngestFilesCommand.run(paths: paths, databasePath: database.path, options: options) { print($0) }
            }
        }
    }
}
