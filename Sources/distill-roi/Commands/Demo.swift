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

    @Option(help: "Number of regular requests in the history (evaluation calls come on top).")
    var requests = DemoCommand.Options.defaultRequests

    @Option(help: "Random seed: the same seed gives the same history.")
    var seed = DemoCommand.Options.defaultSeed

    @Option(help: "First day of the history, a date like 2026-10-05.")
    var start = DemoCommand.Options.defaultStart

    @Option(help: "Length of the history in weeks.")
    var weeks = 8

    @Option(help: "The demo database, replaced on every run.")
    var db = DemoCommand.Options.defaultDatabase

    @Option(help: "Folder for the rendered reports.")
    var out = "reports/demo"

    @Option(help: "Write the history as ingestible files into this folder instead of a database.")
    var emit: String?

    func validate() throws {
        guard requests > 0 else { throw ValidationError("--requests must be positive.") }
        guard weeks >= 2 else { throw ValidationError("--weeks must be at least 2.") }
    }

    func run() throws {
        try reportingErrors {
            let options = DemoCommand.Options(
                requests: requests, seed: seed, start: start,
                weeks: weeks, databasePath: db, outputDirectory: out, emitDirectory: emit)
            if let emit {
                for path in try DemoCommand.emit(options, to: emit) { print(path) }
            } else {
                let outcome = try DemoCommand.run(options)
                for summary in outcome.ingested {
                    print("ingested \(summary.path): \(summary.kind.rawValue), \(summary.totals.inserted) rows")
                }
                print("database \(outcome.databasePath)")
                for path in outcome.reports { print(path) }
            }
        }
    }
}
