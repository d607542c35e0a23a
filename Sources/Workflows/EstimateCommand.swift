import Analytics
import CostModel
import DistillCore
import Foundation
import Pricing
import Reports
import Statistics
import Store
import Tokenizer

/// `distill-roi estimate`: before fine-tuning, what training costs, what each request saves, when
/// it pays back and whether it is worth it, per candidate student, from a training file's exact
/// token counts. The training file is measured here (Tokenizer); the projection is the Reports
/// module's `EstimateBuilder`, given plain numbers, so the data flows one way.
package enum EstimateCommand {
    /// Training epochs: a fixed count, or the cookbook's default for the file's size.
    package enum Epochs: Sendable, Equatable {
        case auto
        case fixed(Int64)
    }

    /// What the estimate is asked, parsed and range-checked by the command line; the checks that
    /// need the store (is there traffic to measure?) happen here.
    package struct Options: Sendable {
        package var trainingFile: String
        package var validationFile: String?
        package var teacher: String
        package var students: [String]
        package var epochs = Epochs.auto
        package var dailyRequests: Int64?
        package var inputTokens: Int64?
        package var cachedInputTokens: Int64?
        package var outputTokens: Int64?
        package var volumeFromDB = false
        package var filters: [TagFilter] = []
        package var studentInputRatio: ExactDecimal?
        package var studentOutputRatio: ExactDecimal?
        /// ROI horizons in days from go-live.
        package var horizonDays = Self.defaultHorizonDays
        package static let defaultHorizonDays: [Int64] = [30, 90, 180, 365]
        package var trainingHours: ExactDecimal?
        /// The day the student would start serving (default: today, UTC).
        package var goLive: UTCDate?
        package var marginPoints = PairedComparison.defaultMarginPoints
        package var pricing: [String] = []
        package var output = ReportOutput()
        package var databasePath: String
        package var approximateTokens = false
        /// For the tokenizer data folder; tests point it elsewhere.
        package var environment: [String: String] = ProcessInfo.processInfo.environment
        package var currentDirectory: String = FileManager.default.currentDirectoryPath

        package init(trainingFile: String, teacher: String, students: [String], databasePath: String) {
            self.trainingFile = trainingFile
            self.teacher = teacher
            self.students = students
            self.databasePath = databasePath
        }
    }

    /// Builds the estimate and writes it in each format; returns the paths written.
    package static func run(_ options: Options) throws -> [String] {
        let catalog = try PricingLocation.catalog(extra: options.pricing)
        let estimate = try build(options, catalog: catalog)
        return try options.output.writer().write(estimate, formats: options.output.formats)
    }

    /// The estimate value, for the command and for tests.
    package static func build(_ options: Options, catalog: PriceCatalog) throws -> Estimate {
        let inputs = try self.inputs(options, catalog: catalog)
        return try EstimateBuilder(catalog: catalog, inputs: inputs).build()
    }

    static func inputs(_ options: Options, catalog: PriceCatalog) throws -> EstimateInputs {
        let students = options.students
        guard !students.isEmpty else { throw ReportError.noCandidates }
        let horizons = Array(Set(options.horizonDays)).sorted()
        let goLive = options.goLive ?? UTCDate(unixSeconds: Int64(Date().timeIntervalSince1970))

        // The training file, counted once per tokenizer and context limit the candidates need.
        let measurement = try TrainingFileMeasurement(options: options)
        var files: [TrainingFileFigures] = []
        var fileIndex: [String: Int] = [:]
        var candidates: [EstimateInputs.CandidateInput] = []
        for student in students {
            let analysis = try measurement.analysis(forModel: student)
            let key = "\(analysis.countingLabel)|\(analysis.contextLimit)"
            if fileIndex[key] == nil {
                fileIndex[key] = files.count
                files.append(figures(analysis))
            }
            var notes: [String] = []
            if !options.approximateTokens, !Self.tiktokenKnows(student) {
                notes.append("Training tokens were counted with \(analysis.countingLabel), the fallback for models tiktoken does not know; \(student)'s own tokenizer may count differently.")
            }
            candidates.append(EstimateInputs.CandidateInput(model: student, trainingFile: fileIndex[key] ?? 0, notes: notes))
        }
        let first = try measurement.analysis(forModel: students[0])
        guard first.exampleCount > 0 else {
            let issues = first.issues.prefix(5).map(\.description).joined(separator: "; ")
            throw ApplicationError("\(options.trainingFile) holds no valid training example\(issues.isEmpty ? "" : ": \(issues)").")
        }
        let validation = try options.validationFile.map { try figures(measurement.analysis(ofFile: $0, forModel: students[0])) }
        var notes: [String] = []
        if first.invalidExampleCount > 0 {
            notes.append(
                "\(first.invalidExampleCount) malformed example(s) in \(options.trainingFile) are left out of the counts; OpenAI rejects a file with any, so fix them first (see the training file section).")
        }

        let (epochs, epochsBasis) = epochCount(options.epochs, examples: first.exampleCount)

        // What the store knows, when there is one.
        var store: EstimateStoreFigures?
        if FileManager.default.fileExists(atPath: options.databasePath) {
            store = EstimateStoreFigures(database: try Database(path: options.databasePath), catalog: catalog, filters: options.filters)
        } else if options.volumeFromDB {
            throw EstimateTrafficError.noDatabase(path: options.databasePath)
        }
        let traffic = try self.traffic(options, store: store)
        let ratios = try self.ratios(options, store: store, candidates: students)
        var oneTime = EstimateInputs.StoreOneTimeCosts(
            dataGenerationBasis: "no database at \(options.databasePath): nothing recorded as spent",
            evaluationBasis: "no database at \(options.databasePath): nothing recorded as spent")
        var quality: [String: PairedComparison] = [:]
        if let store {
            oneTime = try store.oneTimeCosts(teacher: options.teacher)
            quality = try store.quality(teacher: options.teacher, candidates: students, marginPoints: options.marginPoints)
        }
        return EstimateInputs(
            teacher: options.teacher, candidates: candidates, trainingFiles: files, validationFile: validation, epochs: epochs,
            epochsBasis: epochsBasis, trainingHours: options.trainingHours, traffic: traffic, ratios: ratios, oneTime: oneTime,
            horizonDays: horizons, goLive: goLive, quality: quality, marginPoints: options.marginPoints, notes: notes)
    }

    // MARK: Inputs

    static func traffic(_ options: Options, store: EstimateStoreFigures?) throws -> EstimateInputs.Traffic {
        let given = [options.dailyRequests, options.inputTokens, options.outputTokens]
        if options.volumeFromDB {
            guard given.allSatisfy({ $0 == nil }) else {
                throw EstimateTrafficError.givenTwice
            }
            guard let store, let traffic = try store.traffic(teacher: options.teacher) else {
                throw EstimateTrafficError.nothingMeasured(
                    path: options.databasePath, teacher: options.teacher, days: EstimateStoreFigures.trafficWindowDays,
                    filters: options.filters)
            }
            return traffic
        }
        guard let daily = options.dailyRequests, let input = options.inputTokens, let output = options.outputTokens else {
            throw EstimateTrafficError.missing
        }
        let cached = options.cachedInputTokens ?? 0
        guard daily > 0, input >= 0, output >= 0, cached >= 0, cached <= input else {
            throw EstimateTrafficError.invalid
        }
        return EstimateInputs.Traffic(
            dailyRequests: daily, inputTokens: input, cachedInputTokens: cached, outputTokens: output,
            source: "given on the command line")
    }

    /// Each ratio: given on the command line, else measured in the store, else the default.
    static func ratios(_ options: Options, store: EstimateStoreFigures?, candidates: [String]) throws -> EstimateInputs.StudentRatios {
        let givenInput = options.studentInputRatio
        let givenOutput = options.studentOutputRatio
        if let givenInput, let givenOutput {
            return EstimateInputs.StudentRatios(input: givenInput, output: givenOutput, source: "given on the command line")
        }
        let measured = try store?.ratios(teacher: options.teacher, candidates: candidates)
        let defaults = EstimateInputs.StudentRatios(
            input: EstimateInputs.StudentRatios.defaultInput, output: EstimateInputs.StudentRatios.defaultOutput,
            source: "DEFAULT (input 0.35, output 1.0): no ratio given and no evaluation in the store where both models answered the same items")
        let fallback = measured ?? defaults
        guard givenInput != nil || givenOutput != nil else { return fallback }
        return EstimateInputs.StudentRatios(
            input: givenInput ?? fallback.input, output: givenOutput ?? fallback.output,
            source: (givenInput != nil ? "input given on the command line; output " : "output given on the command line; input ")
                + fallback.source,
            measured: false)
    }

    static func epochCount(_ epochs: Epochs, examples: Int) -> (Int64, String) {
        switch epochs {
        case .fixed(let count):
            return (count, "given with --epochs")
        case .auto:
            let count = EpochHeuristic.epochs(forExampleCount: examples)
            return (Int64(count), "auto: the cookbook's default for \(examples) examples (target \(EpochHeuristic.targetEpochs), 100 to 25,000 example passes)")
        }
    }

    /// True for model families tiktoken maps to an encoding (`TokenEncoding.forModel`'s
    /// prefixes); other names are counted with its fallback.
    static func tiktokenKnows(_ model: String) -> Bool {
        let name = (PriceCatalog.fineTunedBase(of: model) ?? model).lowercased()
        let known = [
            "gpt-4o", "gpt-4.1", "gpt-4.5", "gpt-5", "chatgpt-4o", "gpt-oss", "o1", "o3", "o4", "gpt-4", "gpt-3.5", "gpt-35",
        ]
        return known.contains { name.hasPrefix($0) }
    }

    static func figures(_ analysis: TrainingFileAnalysis) -> TrainingFileFigures {
        func distribution(_ value: CountDistribution?) -> TrainingFileFigures.Distribution? {
            value.map { .init(minimum: $0.minimum, mean: $0.mean, median: $0.median, p95: $0.p95, maximum: $0.maximum) }
        }
        return TrainingFileFigures(
            path: (analysis.path as NSString).lastPathComponent, counting: analysis.countingLabel, isApproximate: analysis.isApproximate,
            examples: analysis.exampleCount, invalidExamples: analysis.invalidExampleCount,
            issues: analysis.issues.prefix(20).map(\.description),
            issueCounts: analysis.issueCounts.sorted { $0.key.rawValue < $1.key.rawValue }.map { ($0.key.rawValue, $0.value) },
            contextLimit: analysis.contextLimit, totalTokens: Int64(analysis.totalTokens),
            billableTokensPerEpoch: Int64(analysis.billableTokensPerEpoch), examplesOverLimit: analysis.examplesOverLimit,
            tokensLostToTruncation: Int64(analysis.tokensLostToTruncation),
            tokensPerExample: distribution(analysis.tokensPerExample),
            assistantTokensPerExample: distribution(analysis.assistantTokensPerExample))
    }
}

/// Counts a training file once per (tokenizer, context limit), loading each rank file once.
final class TrainingFileMeasurement {
    let options: EstimateCommand.Options
    private var tokenizers: [TokenEncoding: BPETokenizer] = [:]
    private var analyses: [String: TrainingFileAnalysis] = [:]

    init(options: EstimateCommand.Options) throws {
        self.options = options
    }

    func analysis(forModel model: String) throws -> TrainingFileAnalysis {
        try analysis(ofFile: options.trainingFile, forModel: model)
    }

    func analysis(ofFile path: String, forModel model: String) throws -> TrainingFileAnalysis {
        let counting = try self.counting(forModel: model)
        let limit = TrainingFileAnalyzer.contextLimit(forModel: model)
        let key = "\(path)|\(counting.label)|\(limit)"
        if let cached = analyses[key] { return cached }
        let analysis = try TrainingFileAnalyzer(counting: counting, contextLimit: limit).analyze(fileAt: path)
        analyses[key] = analysis
        return analysis
    }

    private func counting(forModel model: String) throws -> TokenCounting {
        if options.approximateTokens { return .approximate }
        let encoding = TokenEncoding.forModel(model)
        if let tokenizer = tokenizers[encoding] { return .exact(tokenizer) }
        let tokenizer = try BPETokenizer(
            encoding: encoding,
            dataDirectory: TokenizerDataDirectory.resolve(environment: options.environment, currentDirectory: options.currentDirectory,
                shippedDirectories: PackageResource.tokenizerDataDirectories()))
        tokenizers[encoding] = tokenizer
        return .exact(tokenizer)
    }
}
