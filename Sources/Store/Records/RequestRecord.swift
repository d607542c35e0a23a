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
    package var tokens: TokenCounts?
    package var latencyMs: Double?
    package var timeToFirstTokenMs: Double?
    /// `ok` or `failed` for one request; aggregates count failures in `failedCount`.
    package var status: String?
    /// Metadata key/value pairs; nil keeps the stored set, empty clears it.
    package var tags: [String: String]?

    package init(
        key: String, model: String, createdAt: Int64, project: String? = nil, isBatch: Bool = false,
        serviceTier: String? = nil, requestCount: Int64 = 1, failedCount: Int64 = 0,
        tokens: TokenCounts?, latencyMs: Double? = nil, timeToFirstTokenMs: Double? = nil,
        status: String? = nil, tags: [String: String]? = nil
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
    }
}

/// Token counts with the API's semantics: `input` includes `cachedInput` and `cacheWrite`;
/// `output` includes `reasoning`.
package struct TokenCounts: Sendable, Equatable, Hashable {
    package var input: Int64
    package var cachedInput: Int64
    package var cacheWrite: Int64
    package var output: Int64
    package var reasoning: Int64

    package init(input: Int64, cachedInput: Int64 = 0, cacheWrite: Int64 = 0, output: Int64, reasoning: Int64 = 0) {
        self.input = input
        self.cachedInput = cachedInput
        self.cacheWrite = cacheWrite
        self.output = output
        self.reasoning = reasoning
    }

    package static let zero = TokenCounts(input: 0, output: 0)
}
