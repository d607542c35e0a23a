/// One bucket of the organization usage API (completions), grouped by model, project and batch.
package struct UsageBucketRecord: Sendable, Equatable {
    package var startTime: Int64
    package var endTime: Int64
    package var model: String
    package var project: String
    package var isBatch: Bool
    package var serviceTier: String
    package var requestCount: Int64
    package var inputTokens: Int64
    package var cachedInputTokens: Int64
    package var outputTokens: Int64

    package init(
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
package struct BilledCostRecord: Sendable, Equatable {
    package var startTime: Int64
    package var endTime: Int64
    package var lineItem: String
    package var project: String
    /// The exact decimal text of the amount, as the API sent it (never parsed through Double).
    package var amount: String
    package var currency: String

    package init(startTime: Int64, endTime: Int64, lineItem: String, project: String, amount: String, currency: String) {
        self.startTime = startTime
        self.endTime = endTime
        self.lineItem = lineItem
        self.project = project
        self.amount = amount
        self.currency = currency
    }
}
