/// One bucket of the organization usage API (completions), grouped by model, project and batch.
public struct UsageBucketRecord: Sendable, Equatable {
    public var startTime: Int64
    public var endTime: Int64
    public var model: String
    public var project: String
    public var isBatch: Bool
    public var serviceTier: String
    public var requestCount: Int64
    public var inputTokens: Int64
    public var cachedInputTokens: Int64
    public var outputTokens: Int64

    public init(
        startTime: Int64, endTime: Int64, model: String, project: String = "", isBatch: Bool = false,
        serviceTier: String = "", requestCount: Int64, inputTokens: Int64, cachedInputTokens: Int64 = 0,
        outputTokens: Int64
    ) {
        self.startTime = startTime
        self.endTime = endTime
        self.model = model
        self.project = project
        self.isBatch = isBatch
        self.serviceTier = serviceTier
        self.requestCount = requestCount
        self.inputTokens = inputTokens
        self.cachedInputTokens = cachedInputTokens
        self.outputTokens = outputTokens
    }
}

/// One line of the Costs API: an amount billed for a line item and project in a bucket.
public struct BilledCostRecord: Sendable, Equatable {
    public var startTime: Int64
    public var endTime: Int64
    public var lineItem: String
    public var project: String
    /// The exact decimal text of the amount, as the API sent it (never parsed through Double).
    public var amount: String
    public var currency: String

    public init(startTime: Int64, endTime: Int64, lineItem: String, project: String, amount: String, currency: String) {
        self.startTime = startTime
        self.endTime = endTime
        self.lineItem = lineItem
        self.project = project
        self.amount = amount
        self.currency = currency
    }
}
