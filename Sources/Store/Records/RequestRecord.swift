import DistillCore

/// One model request (or an aggregate of `requestCount` requests) as every reader normalises it.
///
/// Optional fields are "not known by this source": when the same `key` is written again, a nil
/// keeps what is stored, so a request log that only knows latency completes a stored completion
/// without erasing its tokens, whichever arrives first.
package struct RequestRecord: Sendable, Equatable {
    package var key: String
    package var model: String
    /// Unix seconds, UTC.
    package var createdAt: Int64
    package var project: String?
    package var isBatch: Bool
    package var serviceTier: String?
    package var requestCount: Int64
    package var failedCount: Int64
    package var tokens: TokenUsage?
    package var latencyMs: Double?
    package var timeToFirstTokenMs: Double?
    /// `ok` or `failed` for one request; aggregates count failures in `failedCount`.
    package var status: String?
    /// Metadata key/value pairs; nil keeps the stored set, empty clears it.
    package var tags: [String: String]?
    /// What the source says the request (or aggregate) cost, in USD, as the exact decimal text it
    /// wrote (OpenRouter's `usage.cost`, LiteLLM's `spend`); nil when the source does not say.
    /// Shown beside the computed cost, never added to it.
    package var reportedCost: String?

    package init(
        key: String, model: String, createdAt: Int64, project: String? = nil, isBatch: Bool = false,
        serviceTier: String? = nil, requestCount: Int64 = 1, failedCount: Int64 = 0,
        tokens: TokenUsage?, latencyMs: Double? = nil, timeToFirstTokenMs: Double? = nil,
        status: String? = nil, tags: [String: String]? = nil, reportedCost: String? = nil
    ) {
        self.key = key
        self.model = model
        self.createdAt = createdAt
        self.project = project
        self.isBatch = isBatch
        self.serviceTier = serviceTier
        self.requestCount = requestCount
        self.failedCount = failedCount
        self.tokens = tokens
        self.latencyMs = latencyMs
        self.timeToFirstTokenMs = timeToFirstTokenMs
        self.status = status
        self.tags = tags
        self.reportedCost = reportedCost
    }
}
