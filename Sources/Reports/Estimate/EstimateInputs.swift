import Analytics
import CostModel
import DistillCore
import Statistics

/// Everything an estimate is computed from, as plain values: the training file's measured figures
/// (from the Tokenizer, passed in as numbers so Reports does not depend on it), the traffic the
/// student would take over, the student ratios, and what the store says was already spent.
///
/// `EstimateBuilder` turns these and the price catalog into an `Estimate`; nothing here does I/O.
package struct EstimateInputs: Sendable {
    package var teacher: String
    /// Candidate students, in the order given; each names the training-file figures it uses
    /// (candidates with another tokenizer count the same file differently).
    package var candidates: [CandidateInput]
    package var trainingFiles: [TrainingFileFigures]
    package var validationFile: TrainingFileFigures?
    package var epochs: Int64
    /// "given with --epochs" or "auto: the cookbook's default for 300 examples".
    package var epochsBasis: String
    /// Hours of training for students billed per hour (GPU rentals, reinforcement fine-tuning);
    /// nil assumes `defaultHoursPerEpoch` per epoch, stated as an assumption.
    package var trainingHours: ExactDecimal?
    package var traffic: Traffic
    package var ratios: StudentRatios
    package var oneTime: StoreOneTimeCosts
    /// Horizons in days from go-live for ROI, ascending.
    package var horizonDays: [Int64]
    /// The day the student would start serving; prices are the ones in force on it.
    package var goLive: UTCDate
    /// Paired comparisons against the teacher, by candidate, where eval scores exist.
    package var quality: [String: PairedComparison]
    package var marginPoints: Double
    package var notes: [String]

    package static let defaultHoursPerEpoch: Int64 = 1

    package init(
        teacher: String, candidates: [CandidateInput], trainingFiles: [TrainingFileFigures],
        validationFile: TrainingFileFigures? = nil, epochs: Int64, epochsBasis: String, trainingHours: ExactDecimal? = nil,
        traffic: Traffic, ratios: StudentRatios, oneTime: StoreOneTimeCosts = StoreOneTimeCosts(),
        horizonDays: [Int64] = [30, 90, 180, 365], goLive: UTCDate, quality: [String: PairedComparison] = [:],
        marginPoints: Double = PairedComparison.defaultMarginPoints, notes: [String] = []
    ) {
        self.teacher = teacher
        self.candidates = candidates
        self.trainingFiles = trainingFiles
        self.validationFile = validationFile
        self.epochs = epochs
        self.epochsBasis = epochsBasis
        self.trainingHours = trainingHours
        self.traffic = traffic
        self.ratios = ratios
        self.oneTime = oneTime
        self.horizonDays = horizonDays
        self.goLive = goLive
        self.quality = quality
        self.marginPoints = marginPoints
        self.notes = notes
    }

    package struct CandidateInput: Sendable {
        package var model: String
        /// Index into `trainingFiles`.
        package var trainingFile: Int
        /// Caveats about this candidate's inputs (a tokenizer that is not the model's own).
        package var notes: [String]

        package init(model: String, trainingFile: Int = 0, notes: [String] = []) {
            self.model = model
            self.trainingFile = trainingFile
            self.notes = notes
        }
    }

    /// The teacher's traffic the student would take over: per request and per day.
    package struct Traffic: Sendable {
        package var dailyRequests: Int64
        package var inputTokens: Int64
        /// Of `inputTokens`, those served from the prompt cache.
        package var cachedInputTokens: Int64
        package var outputTokens: Int64
        /// Where the figures came from, for every output.
        package var source: String
        /// True when measured from the store (a narrower spread is used).
        package var measured: Bool

        package init(dailyRequests: Int64, inputTokens: Int64, cachedInputTokens: Int64 = 0, outputTokens: Int64, source: String, measured: Bool = false) {
            self.dailyRequests = dailyRequests
            self.inputTokens = inputTokens
            self.cachedInputTokens = cachedInputTokens
            self.outputTokens = outputTokens
            self.source = source
            self.measured = measured
        }
    }

    /// Student tokens per request as a multiple of the teacher's: a fine-tune needs no long
    /// instructions or few-shot examples, so its prompt is usually shorter.
    package struct StudentRatios: Sendable {
        package var input: ExactDecimal
        package var output: ExactDecimal
        package var source: String
        package var measured: Bool

        /// Used when neither the command line nor the store gives a ratio.
        package static let defaultInput = ExactDecimal(units: 350_000_000)
        package static let defaultOutput = ExactDecimal(1)

        package init(input: ExactDecimal, output: ExactDecimal, source: String, measured: Bool = false) {
            self.input = input
            self.output = output
            self.source = source
            self.measured = measured
        }
    }

    /// One-time costs already spent, from the store; nil where the store has none (shown as 0 with
    /// a note, since nothing was spent that the store knows of).
    package struct StoreOneTimeCosts: Sendable {
        package var dataGeneration: Money?
        package var dataGenerationBasis: String
        package var evaluation: Money?
        package var evaluationBasis: String

        package init(
            dataGeneration: Money? = nil, dataGenerationBasis: String = "no store: nothing recorded as spent",
            evaluation: Money? = nil, evaluationBasis: String = "no store: nothing recorded as spent"
        ) {
            self.dataGeneration = dataGeneration
            self.dataGenerationBasis = dataGenerationBasis
            self.evaluation = evaluation
            self.evaluationBasis = evaluationBasis
        }
    }
}

/// A training (or validation) file's figures as the Tokenizer measured them.
package struct TrainingFileFigures: Sendable {
    package var path: String
    /// "o200k_base (exact)", or the approximation's rule.
    package var counting: String
    package var isApproximate: Bool
    package var examples: Int
    package var invalidExamples: Int
    /// The first malformed examples as `file:line: message`.
    package var issues: [String]
    /// Issue kind → count.
    package var issueCounts: [(kind: String, count: Int)]
    package var contextLimit: Int
    package var totalTokens: Int64
    /// Σ min(tokens, limit) per example: what one epoch bills.
    package var billableTokensPerEpoch: Int64
    package var examplesOverLimit: Int
    package var tokensLostToTruncation: Int64
    package var tokensPerExample: Distribution?
    package var assistantTokensPerExample: Distribution?

    package init(
        path: String, counting: String, isApproximate: Bool, examples: Int, invalidExamples: Int = 0, issues: [String] = [],
        issueCounts: [(kind: String, count: Int)] = [], contextLimit: Int, totalTokens: Int64, billableTokensPerEpoch: Int64,
        examplesOverLimit: Int = 0, tokensLostToTruncation: Int64 = 0, tokensPerExample: Distribution? = nil,
        assistantTokensPerExample: Distribution? = nil
    ) {
        self.path = path
        self.counting = counting
        self.isApproximate = isApproximate
        self.examples = examples
        self.invalidExamples = invalidExamples
        self.issues = issues
        self.issueCounts = issueCounts
        self.contextLimit = contextLimit
        self.totalTokens = totalTokens
        self.billableTokensPerEpoch = billableTokensPerEpoch
        self.examplesOverLimit = examplesOverLimit
        self.tokensLostToTruncation = tokensLostToTruncation
        self.tokensPerExample = tokensPerExample
        self.assistantTokensPerExample = assistantTokensPerExample
    }

    /// Minimum, mean, median, 95th percentile and maximum.
    package struct Distribution: Sendable {
        package var minimum: Int
        package var mean: Double
        package var median: Double
        package var p95: Double
        package var maximum: Int

        package init(minimum: Int, mean: Double, median: Double, p95: Double, maximum: Int) {
            self.minimum = minimum
            self.mean = mean
            self.median = median
            self.p95 = p95
            self.maximum = maximum
        }
    }
}
