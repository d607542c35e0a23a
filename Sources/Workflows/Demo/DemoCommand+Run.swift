import DistillCore
import Foundation
import Ingest
import Reports
import Store

extension DemoCommand {
    /// What `distill-roi demo` did: the files it read and the reports it wrote.
    package struct Outcome: Sendable {
        package var databasePath: String
        package var ingested: [FileIngestSummary]
        package var reports: [String]
    }

    /// Emits the history into a scratch folder, loads those files through the same readers as
    /// `ingest file` into a fresh database, and renders every report from it.
    package static func run(_ options: Options) throws -> Outcome {
        try replaceDemoDatabase(at: options.databasePath)
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("distill-roi-demo-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let files = try emit(options, to: scratch)
        let database = try Database(path: options.databasePath)
        let ingester = FileIngester(database: database, options: FileIngestOptions())
        var summaries: [FileIngestSummary] = []
        for file in files {
            var summary = try ingester.ingest(path: file)
            summary.path = URL(fileURLWithPath: file).lastPathComponent
            summaries.append(summary)
        }
        let reports = try renderReports(options)
            + renderEstimate(options, scratchDirectory: scratch)
        return Outcome(databasePath: options.databasePath, ingested: summaries, reports: reports)
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
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    /// The weekly report of the last demo week and the last complete finance month before it
    /// ends, both priced with `pricing/examples` (the self-hosted example student) when it is found.
    static func renderReports(_ options: Options) throws -> [String] {
        let output = ReportOutput(directory: options.outputDirectory)
        let pricing = examplesCatalog().map { [$0] } ?? []
        let lastDay = options.start.adding(days: options.weeks * 7 - 1)
        let month = CalendarMonth(containing: DayRange(monthOf: lastDay).start.adding(days: -1))
        return try WeeklyReportCommand.run(
            databasePath: options.databasePath, options: WeeklyReportOptions(), pricing: pricing, output: output)
            + FinanceReportCommand.run(
                databasePath: options.databasePath, options: FinanceReportOptions(month: month), pricing: pricing, output: output)
    }
}
