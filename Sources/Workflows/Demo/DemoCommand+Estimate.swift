import Analytics
import DistillCore
import Foundation
import Tokenizer

extension DemoCommand {
    /// Writes the demo's training file into `scratchDirectory` and renders the before-fine-tuning
    /// estimate from it into `options.outputDirectory`; returns the paths written.
    ///
    /// The estimate compares the demo's student base (gpt-4o-mini) with gpt-4.1-mini, gpt-4.1-nano
    /// the open-weight student (Together's Llama 3.1 8B, LoRA-trained and served per token) and,
    /// when `pricing/examples` is found, the self-hosted example student on a rented GPU. Traffic
    /// is the scenario's `support` use case as given figures (its share of the daily requests, the
    /// teacher's median prompt and completion); the student ratios, the teacher data generation
    /// and the evaluation cost come from the demo database at `options.databasePath`. Go-live is
    /// the day after the history ends, so the output never changes for a seed.
    ///
    /// `tokenizerData` is the folder of rank files when not the default (`$DISTILL_ROI_TOKENIZER_DATA`,
    /// else `.cache/tiktoken` in the working folder).
    package static func renderEstimate(
        _ options: Options, scratchDirectory: String, tokenizerData: String? = nil, approximateTokens: Bool = false
    ) throws -> [String] {
        try FileManager.default.createDirectory(atPath: scratchDirectory, withIntermediateDirectories: true)
        let trainingFile = try DemoTrainingFile(seed: options.seed)
            .write(to: (scratchDirectory as NSString).appendingPathComponent(DemoTrainingFile.fileName))
        let scenario = DemoScenario(requests: options.requests, seed: options.seed, start: options.start, weeks: options.weeks)
        let support = DemoScenario.useCases[0]
        var students = [
            DemoScenario.baseStudent, "gpt-4.1-mini-2025-04-14", "gpt-4.1-nano-2025-04-14", DemoScenario.openWeightStudent,
        ]
        var estimate = EstimateCommand.Options(
            trainingFile: trainingFile, teacher: DemoScenario.teacher, students: [], databasePath: options.databasePath)
        estimate.pricing = options.pricing
        if let examples = examplesCatalog() {
            estimate.pricing = [examples] + options.pricing
            students.append("support-student-v3")
        }
        estimate.students = students
        estimate.dailyRequests = max(1, Int64((Double(options.requests) * support.weight / Double(scenario.days)).rounded()))
        estimate.inputTokens = Int64(support.teacherPrompt)
        estimate.outputTokens = Int64(support.completion)
        estimate.filters = [TagFilter(key: "use_case", value: support.name)]
        estimate.goLive = scenario.end
        estimate.output.directory = options.outputDirectory
        estimate.output.templatesDirectory = options.templatesDirectory
        estimate.approximateTokens = approximateTokens
        if let tokenizerData { estimate.environment[TokenizerDataDirectory.environmentVariable] = tokenizerData }
        return try EstimateCommand.run(estimate)
    }

    /// `pricing/examples` beside the catalog in use, when there is one.
    static func examplesCatalog() -> String? {
        guard let base = try? PricingLocation.directories(extra: []).first else { return nil }
        let folder = (base as NSString).appendingPathComponent(DemoScenario.examplesCatalog)
        return PackageResource.isDirectory(folder) ? folder : nil
    }
}
