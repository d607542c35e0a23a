/// A fine-tuning job: the training side of the distillation loop.
public struct FineTuningJobRecord: Sendable, Equatable {
    public var id: String
    public var baseModel: String
    public var fineTunedModel: String?
    public var status: String
    /// `supervised`, `dpo` or `reinforcement`.
    public var method: String
    public var trainedTokens: Int64?
    public var epochs: Int64?
    public var trainingFile: String?
    public var createdAt: Int64
    public var finishedAt: Int64?
    /// The job's metadata object as JSON text, if any.
    public var metadata: String?

    public init(
        id: String, baseModel: String, fineTunedModel: String?, status: String, method: String = "supervised",
        trainedTokens: Int64?, epochs: Int64?, trainingFile: String? = nil, createdAt: Int64,
        finishedAt: Int64?, metadata: String? = nil
    ) {
        self.id = id
        self.baseModel = baseModel
        self.fineTunedModel = fineTunedModel
        self.status = status
        self.method = method
        self.trainedTokens = trainedTokens
        self.epochs = epochs
        self.trainingFile = trainingFile
        self.createdAt = createdAt
        self.finishedAt = finishedAt
        self.metadata = metadata
    }
}

/// An evaluation run of one model over a set of items.
public struct EvalRunRecord: Sendable, Equatable {
    public var id: String
    public var evalName: String
    public var model: String
    public var status: String
    public var createdAt: Int64

    public init(id: String, evalName: String, model: String, status: String = "completed", createdAt: Int64) {
        self.id = id
        self.evalName = evalName
        self.model = model
        self.status = status
        self.createdAt = createdAt
    }
}

/// Tokens one model spent inside an evaluation run (the run's own cost).
public struct EvalRunUsageRecord: Sendable, Equatable {
    public var runID: String
    public var model: String
    public var invocationCount: Int64
    public var inputTokens: Int64
    public var cachedInputTokens: Int64
    public var outputTokens: Int64

    public init(runID: String, model: String, invocationCount: Int64, inputTokens: Int64, cachedInputTokens: Int64, outputTokens: Int64) {
        self.runID = runID
        self.model = model
        self.invocationCount = invocationCount
        self.inputTokens = inputTokens
        self.cachedInputTokens = cachedInputTokens
        self.outputTokens = outputTokens
    }
}

/// One grader's verdict on one item of a run; `score` is already scaled to 0...1.
public struct EvalScoreRecord: Sendable, Equatable {
    public var runID: String
    public var itemID: String
    public var grader: String
    public var model: String
    public var score: Double?
    public var passed: Bool?

    public init(runID: String, itemID: String, grader: String = "", model: String, score: Double?, passed: Bool?) {
        self.runID = runID
        self.itemID = itemID
        self.grader = grader
        self.model = model
        self.score = score
        self.passed = passed
    }
}
