/// A fine-tuning job: the training side of the distillation loop.
package struct FineTuningJobRecord: Sendable, Equatable {
    package var id: String
    package var baseModel: String
    package var fineTunedModel: String?
    package var status: String
    /// `supervised`, `dpo` or `reinforcement`.
    package var method: String
    package var trainedTokens: Int64?
    package var epochs: Int64?
    package var trainingFile: String?
    package var createdAt: Int64
    package var finishedAt: Int64?
    /// The job's metadata object as JSON text, if any.
    package var metadata: String?
    /// What the provider charged for the job, in USD, as exact decimal text; nil when the job object
    /// does not say (the training cost is then computed from the catalog).
    package var charge: String?

    package init(
        id: String, baseModel: String, fineTunedModel: String?, status: String, method: String = "supervised",
        trainedTokens: Int64?, epochs: Int64?, trainingFile: String? = nil, createdAt: Int64,
        finishedAt: Int64?, metadata: String? = nil, charge: String? = nil
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
        self.charge = charge
    }
}

/// One line of a one-time costs file: something a distillation program paid for once, outside
/// metered API calls (data labelling, engineering time, evaluation runs elsewhere).
package struct OneTimeCostRecord: Sendable, Equatable {
    /// Unix seconds of the day's start (UTC).
    package var day: Int64
    package var kind: String
    /// The exact decimal text of the amount, in `currency`.
    package var amount: String
    /// An ISO 4217 code, upper case.
    package var currency: String
    package var note: String
    /// Canonical JSON of the line's key=value tags; empty when it has none.
    package var tags: String

    package init(day: Int64, kind: String, amount: String, currency: String, note: String = "", tags: String = "") {
        self.day = day
        self.kind = kind
        self.amount = amount
        self.currency = currency
        self.note = note
        self.tags = tags
    }
}

/// An evaluation run of one model over a set of items.
package struct EvalRunRecord: Sendable, Equatable {
    package var id: String
    package var evalName: String
    package var model: String
    package var status: String
    package var createdAt: Int64

    package init(id: String, evalName: String, model: String, status: String = "completed", createdAt: Int64) {
        self.id = id
        self.evalName = evalName
        self.model = model
        self.status = status
        self.createdAt = createdAt
    }
}

/// Tokens one model spent inside an evaluation run (the run's own cost).
package struct EvalRunUsageRecord: Sendable, Equatable {
    package var runID: String
    package var model: String
    package var invocationCount: Int64
    package var inputTokens: Int64
    package var cachedInputTokens: Int64
    package var outputTokens: Int64

    package init(runID: String, model: String, invocationCount: Int64, inputTokens: Int64, cachedInputTokens: Int64, outputTokens: Int64) {
        self.runID = runID
        self.model = model
        self.invocationCount = invocationCount
        self.inputTokens = inputTokens
        self.cachedInputTokens = cachedInputTokens
        self.outputTokens = outputTokens
    }
}

/// One grader's verdict on one item of a run; `score` is already scaled to 0...1.
package struct EvalScoreRecord: Sendable, Equatable {
    package var runID: String
    package var itemID: String
    package var grader: String
    package var model: String
    package var score: Double?
    package var passed: Bool?

    package init(runID: String, itemID: String, grader: String = "", model: String, score: Double?, passed: Bool?) {
        self.runID = runID
        self.itemID = itemID
        self.grader = grader
        self.model = model
        self.score = score
        self.passed = passed
    }
}
