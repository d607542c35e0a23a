import Analytics
import DistillCore
import Foundation
import Ingest
import Store
import Tokenizer

/// `distill-roi dataset build`: stored teacher completions become a chat fine-tuning file. The
/// requests come from the store (`StoredContentQuery`), each becomes an example
/// (`StoredConversation`), and the set is cleaned, balanced and split here (`DatasetSelection`);
/// the written file is then measured by the same `TrainingFileAnalyzer` as `estimate
/// --training-file`, so the summary's token counts and checks are the ones the estimate will use.
package enum DatasetBuildCommand {
    package struct Options: Sendable {
        package var databasePath: String
        package var output: String
        package var filter = StoredContentQuery.Filter()
        /// Share of the examples written to `holdoutOutput` instead (0 for none).
        package var holdoutFraction = 0.0
        package var holdoutOutput: String?
        /// The most examples written in all (training and holdout together).
        package var maximum: Int?
        package var seed: UInt64 = 0
        package var redact = false
        /// Candidate students whose training cost on the file the summary gives.
        package var students: [String] = []
        package var pricing: [String] = []
        /// The day whose training prices apply (default: today, UTC).
        package var pricingDay: UTCDate?
        /// For the tokenizer data folder; tests point it elsewhere.
        package var environment: [String: String] = ProcessInfo.processInfo.environment
        package var currentDirectory: String = FileManager.default.currentDirectoryPath

        package init(databasePath: String, output: String) {
            self.databasePath = databasePath
            self.output = output
        }
    }

    /// What was written and what was left out, with the training file's measurement.
    package struct Summary: Sendable {
        package var selection: DatasetSelection
        package var analysis: TrainingFileAnalysis
        package var options: Options
        package var trainingCosts: [DatasetTrainingCost]
    }

    /// Builds the files and returns the summary; nothing is written when no example qualifies.
    package static func run(_ options: Options) throws -> Summary {
        let database = try StoreFile.openExisting(options.databasePath)
        let rows = try StoredContentQuery(database: database).rows(options.filter)
        var selection = DatasetSelection(
            rows: rows, redactor: options.redact ? Redactor() : nil, grouped: options.filter.groupKey != nil)
        selection.select(seed: options.seed, balanced: options.filter.groupKey != nil, maximum: options.maximum)
        selection.splitHoldout(fraction: options.holdoutFraction)
        guard !selection.training.isEmpty else {
            let hint =
                selection.skipped[.noMessages] == nil
                ? "ingest with --store-content, and check --tag, --model, --since and --until."
                : "a Chat Completion object holds the answer only: log each with the request it answered "
                    + #"({"request": {"messages": [...]}, ...}) or as a Response with its input, pass a Batch output's "#
                    + "input file with --batch-input, or pull stored completions with `ingest openai completions "
                    + "--store-content`; ingest with --store-content."
            throw ApplicationError(
                "no example to write: \(rows.count) stored request(s) matched, \(selection.skippedDescription); " + hint)
        }
        try write(selection.training, to: options.output)
        if let holdoutPath = options.holdoutOutput {
            try write(selection.holdout, to: holdoutPath)
        }
        let model = options.filter.model ?? "gpt-4.1-mini"
        let analyzer = try TrainingFileAnalyzer(
            model: model,
            dataDirectory: TokenizerDataDirectory.resolve(
                environment: options.environment, currentDirectory: options.currentDirectory,
                shippedDirectories: PackageResource.tokenizerDataDirectories()))
        let analysis = try analyzer.analyze(fileAt: options.output)
        var costs: [DatasetTrainingCost] = []
        if !options.students.isEmpty {
            costs = try DatasetTrainingCost.costs(
                students: options.students, billableTokensPerEpoch: analysis.billableTokensPerEpoch, epochs: analysis.defaultEpochs,
                catalog: try PricingLocation.catalog(extra: options.pricing),
                day: options.pricingDay ?? UTCDate(unixSeconds: Int64(Date().timeIntervalSince1970)))
        }
        return Summary(selection: selection, analysis: analysis, options: options, trainingCosts: costs)
    }

    private static func write(_ examples: [DatasetSelection.Example], to path: String) throws {
        let file = try BufferedOutputFile(path: path)
        for example in examples {
            try file.write(example.line + "\n")
        }
        try file.close()
    }
}
