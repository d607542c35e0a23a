import ArgumentParser
import CostModel
import DistillCore
import Foundation
import Workflows

struct Estimate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Before fine-tuning: training cost, savings, break-even and ROI from a training file.",
        discussion: """
            Counts the training file's tokens exactly (the rank files come from `make tokenizer-data`), \
            prices training and inference for each candidate student from pricing/, and writes \
            estimate-<GO-LIVE>.{html,md,xlsx,json} into --out with a recommendation.

            A candidate named like an OpenAI base model (gpt-4o-mini-2024-07-18) is priced at its \
            fine-tuned inference rates, since the fine-tune is what serves; ft:BASE:... names too; \
            other catalog entries (together.yaml, fireworks.yaml, pricing/examples) at their own rates and deployment hours. \
            Student ratios: given, else measured in the store's evaluations, else 0.35 and 1.0.
            """)

    @Option(help: "The chat fine-tuning JSONL file to train on.")
    var trainingFile: String

    @Option(help: "A validation JSONL file: checked and counted, not billed as training.")
    var validationFile: String?

    @Option(help: "The model the student would replace.")
    var teacher: String

    @Option(help: "Candidate students, comma-separated (repeatable).")
    var student: [CommaSeparated<String>] = []

    @Option(help: "Training epochs: a number from 1 to 100, or auto for the cookbook's default.")
    var epochs = EstimateCommand.Epochs.auto

    @Option(help: "Teacher requests a day the student would take over.")
    var dailyRequests: Int64?

    @Option(help: "Teacher input tokens per request.")
    var inputTokens: Int64?

    @Option(help: "Of those, tokens served from the prompt cache (default 0).")
    var cachedInputTokens: Int64?

    @Option(help: "Teacher output tokens per request.")
    var outputTokens: Int64?

    @Flag(help: "Measure the traffic from the store: the teacher's last 28 days (with --tag).")
    var volumeFromDb = false

    @OptionGroup var tags: TagFilterOptions

    @Option(help: "Student input tokens ÷ teacher input tokens (default: measured, else 0.35).")
    var studentInputRatio: ExactDecimal?

    @Option(help: "Student output tokens ÷ teacher output tokens (default: measured, else 1.0).")
    var studentOutputRatio: ExactDecimal?

    @Option(
        help: """
            ROI horizons in days from go-live, 1 to 3650, comma-separated or repeated \
            (default: \(EstimateCommand.Options.defaultHorizonDays.map(String.init).joined(separator: ","))).
            """)
    var horizonDays: [CommaSeparated<HorizonDays>] = []

    @Option(help: "Training hours for students trained per hour (default: 1 hour per epoch, stated as assumed).")
    var trainingHours: ExactDecimal?

    @Option(help: "The day the student would go live, e.g. 2026-12-01 (default: today, UTC).")
    var goLive: UTCDate?

    @OptionGroup var qualityGate: QualityGateOptions

    @Flag(help: "Count tokens as UTF-8 bytes ÷ 4 instead of exactly; every output says so.")
    var approximateTokens = false

    @OptionGroup var pricing: PricingOptions
    @OptionGroup var output: ReportOutputOptions

    @OptionGroup var database: DatabaseOptions

    var students: [String] { student.flatMap(\.elements) }

    func validate() throws {
        guard !students.isEmpty else { throw ValidationError("give at least one candidate with --student MODEL[,MODEL...].") }
        for (flag, value) in [("--student-input-ratio", studentInputRatio), ("--student-output-ratio", studentOutputRatio), ("--training-hours", trainingHours)] {
            if let value, value <= .zero { throw ValidationError("\(flag) must be a positive number.") }
        }
    }

    func run() throws {
        try reportingErrors {
            var options = EstimateCommand.Options(
                trainingFile: trainingFile, teacher: teacher, students: students, databasePath: database.path)
            options.validationFile = validationFile
            options.epochs = epochs
            options.dailyRequests = dailyRequests
            options.inputTokens = inputTokens
            options.cachedInputTokens = cachedInputTokens
            options.outputTokens = outputTokens
            options.volumeFromDB = volumeFromDb
            options.filters = tags.filters
            options.studentInputRatio = studentInputRatio
            options.studentOutputRatio = studentOutputRatio
            if !horizonDays.isEmpty { options.horizonDays = horizonDays.flatMap(\.elements).map(\.days) }
            options.trainingHours = trainingHours
            options.goLive = goLive
            options.marginPoints = qualityGate.margin
            options.approximateTokens = approximateTokens
            options.pricing = pricing.directories
            options.output = output.settings
            for path in try EstimateCommand.run(options) { print(path) }
        }
    }
}
