import ArgumentParser
import DistillCore
import Workflows

struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a realistic synthetic distillation history and render every report from it.",
        discussion: """
            The history: a teacher (gpt-4o-2024-08-06) serving three use cases, its support answers \
            stored for distillation, a fine-tuned gpt-4o-mini student evaluated on 200 items and \
            taking over support traffic halfway through, some Batch traffic and a few failures. \
            The same seed always gives the same rows. With --emit, only the files are written \
            (Chat Completion JSONL, Batch output, a request-log CSV, eval scores, fine-tuning jobs).
            """)

    @Option(help: ArgumentHelp("Number of regular requests in the history (evaluation calls come on top).", valueName: "n"))
    var requests = DemoCommand.Options.defaultRequests

    @Option(help: ArgumentHelp("Random seed: the same seed gives the same history.", valueName: "n"))
    var seed = DemoCommand.Options.defaultSeed

    @Option(help: ArgumentHelp("First day of the history, a date like 2026-10-05.", valueName: "date"))
    var start = DemoCommand.Options.defaultStart

    @Option(help: ArgumentHelp("Length of the history in weeks.", valueName: "n"))
    var weeks = 8

    @Option(help: ArgumentHelp("The demo database, replaced on every run.", valueName: "path"))
    var db = DemoCommand.Options.defaultDatabase

    @Option(help: ArgumentHelp("Folder for the rendered reports.", valueName: "dir"))
    var out = "reports/demo"

    @Option(help: ArgumentHelp("Write the history as ingestible files into this folder instead of a database.", valueName: "dir"))
    var emit: String?

    @OptionGroup var pricing: PricingOptions
    @OptionGroup var templates: TemplateOptions

    func validate() throws {
        guard requests > 0 else { throw ValidationError("--requests must be positive.") }
        guard weeks >= 2 else { throw ValidationError("--weeks must be at least 2.") }
    }

    func run() throws {
        try reportingErrors {
            let options = DemoCommand.Options(
                requests: requests, seed: seed, start: start,
                weeks: weeks, databasePath: db, outputDirectory: out, emitDirectory: emit,
                pricing: pricing.directories, templatesDirectory: templates.directory)
            if let emit {
                for path in try DemoCommand.emit(options, to: emit) { print(path) }
            } else {
                // Each line is printed when its step is done, so a later failure still shows what was
                // written; the progress line goes to a terminal's stderr only, never into a log.
                let progress = StandardError.isTerminal
                let outcome = try DemoCommand.run(options) { step in
                    if progress { StandardError.write("\r\u{1B}[K") }
                    switch step {
                    case .starting(let what): if progress { StandardError.write("demo: \(what)...") }
                    case .ingested(let summary):
                        print("ingested \(summary.path): \(summary.kind.rawValue), \(summary.totals.inserted) rows")
                    case .wroteReports(let paths): for path in paths { print(path) }
                    }
                }
                if progress { StandardError.write("\r\u{1B}[K") }
                print("database \(outcome.databasePath)")
            }
        }
    }
}
