import DistillCore
import Foundation
import Ingest
import Pricing
import Reports
import Store

extension DemoCommand {
    /// What `distill-roi demo` did: the files it read and the reports it wrote.
    package struct Outcome: Sendable {
        package var databasePath: String
        package var ingested: [FileIngestSummary]
        package var reports: [String]
    }

    /// One step, told as it happens so a later failure cannot hide what was written.
    package enum Step: Sendable {
        /// About to do what the text says (for a progress line).
        case starting(String)
        case ingested(FileIngestSummary)
        case wroteReports([String])
    }

    /// Emits the history into a scratch folder, loads those files through the same readers as
    /// `ingest file` into a fresh database, and renders every report from it.
    ///
    /// `onStep` hears of each step as it starts and of each file loaded and report written. When a
    /// step fails, the demo database is removed again (a half-made history is no demo), the scratch
    /// folder always is, and the error is thrown as it was; the reports already written are kept.
    package static func run(_ options: Options, onStep: (Step) -> Void = { _ in }) throws -> Outcome {
        try requirePricedModels(options)
        try replaceDemoDatabase(at: options.databasePath)
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("distill-roi-demo-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        var summaries: [FileIngestSummary] = []
        var reports: [String] = []
        do {
            onStep(.starting("writing the history"))
            try ingestHistory(options, scratch: scratch, onStep: onStep) { summary in
                summaries.append(summary)
                onStep(.ingested(summary))
            }
            let output = ReportOutput(directory: options.outputDirectory, templatesDirectory: options.templatesDirectory)
            let steps = reportSteps(options, output: output) + [
                ("the estimate", { try renderEstimate(options, scratchDirectory: scratch) }),
            ]
            for step in steps {
                onStep(.starting("rendering \(step.name)"))
                let written = try step.run()
                reports += written
                onStep(.wroteReports(written))
            }
        } catch {
            removeDatabase(at: options.databasePath)
            throw error
        }
        return Outcome(databasePath: options.databasePath, ingested: summaries, reports: reports)
    }

    /// A history whose teacher or student has no price on its first day (a `--start` before the
    /// models' launch) would give reports of unpriced rows and an estimate that cannot compare
    /// anything: refused before anything is written, naming the first day that works.
    static func requirePricedModels(_ options: Options) throws {
        let catalog = try PricingLocation.catalog(extra: options.pricing)
        for model in [DemoScenario.teacher, DemoScenario.baseStudent] {
            if case .unpriced(let reason) = catalog.resolve(model: model, at: options.start.unixSeconds, tier: .default) {
                throw ApplicationError(
                    "--start \(options.start) is too early for the demo: \(reason). Pick a --start on which "
                        + "\(DemoScenario.teacher) and \(DemoScenario.baseStudent) both have prices.",
                    exitCode: 64)
            }
        }
    }

    /// Writes the history's files and loads each with its kind named, as a user would with
    /// `--kind`: a tiny history may leave a file empty (no Batch traffic in 10 requests), which
    /// detection could not place.
    private static func ingestHistory(
        _ options: Options, scratch: String, onStep: (Step) -> Void, onFile: (FileIngestSummary) -> Void
    ) throws {
        _ = try emit(options, to: scratch)
        let database = try Database(path: options.databasePath)
        for (path, kind) in DemoHistoryWriter.Files(directory: scratch).ingestOrder {
            onStep(.starting("loading \(URL(fileURLWithPath: path).lastPathComponent)"))
            var summary = try FileIngester(database: database, options: FileIngestOptions(kind: kind)).ingest(path: path)
            summary.path = URL(fileURLWithPath: path).lastPathComponent
            onFile(summary)
        }
    }

    /// The demo always starts from an empty database, but never deletes a database it did not
    /// make: an existing file must hold only demo sources.
    static func replaceDemoDatabase(at path: String) throws {
        guard FileManager.default.fileExists(atPath: path) else { return }
        let existing = try Database(path: path, migrate: false)
        let foreign = (try? existing.sourceNames())?
            .filter { !$0.contains("completions.jsonl") && !$0.contains("batch-output.jsonl") && !$0.contains("requests.csv")
                && !$0.contains("eval-scores.jsonl") && !$0.contains("fine-tuning-jobs.json") } ?? []
        guard foreign.isEmpty else {
            throw ApplicationError(
                "\(path) holds data that is not from the demo (\(foreign.prefix(3).joined(separator: ", "))); "
                    + "pass another --db for the demo.")
        }
        removeDatabase(at: path)
    }

    private static func removeDatabase(at path: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    /// The weekly report of the last demo week and the last complete finance month before it
    /// ends, both priced with `pricing/examples` (the self-hosted example student) when it is found.
    private static func reportSteps(_ options: Options, output: ReportOutput) -> [(name: String, run: () throws -> [String])] {
        let pricing = (examplesCatalog().map { [$0] } ?? []) + options.pricing
        let lastDay = options.start.adding(days: options.weeks * 7 - 1)
        let month = CalendarMonth(containing: DayRange(monthOf: lastDay).start.adding(days: -1))
        return [
            ("the weekly report", {
                try WeeklyReportCommand.run(
                    databasePath: options.databasePath, options: WeeklyReportOptions(today: Options.today), pricing: pricing, output: output)
            }),
            ("the finance report", {
                try FinanceReportCommand.run(
                    databasePath: options.databasePath, options: FinanceReportOptions(month: month), pricing: pricing,
                    output: output)
            }),
        ]
    }
}
