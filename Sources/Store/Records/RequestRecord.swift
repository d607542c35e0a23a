/// One model request (or an aggregate of `requestCount` requests) as every reader normalises it.
///
/// Optional fields are "not known by this source": when the same `key` is written again, a nil
/// keeps what is stored, so a request log that only knows latency completes a stored completion
/// without erasing its tokens, whichever arrives first.
public struct RequestRecord: Sendable, Equatable {
    public var key: String
    public var model: String
    /// Unix seconds, UTC.
    public var createdAt: Int64
    public var project: String?
    public var isBatch: Bool
    public var serviceTier: String?
    public var requestCount: Int64
    public var failedCount: Int64
    public var tokens: TokenCounts?
    public var latencyMs: Double?
    public var timeToFirstTokenMs: Double?
    /// `ok` or `failed` for one request; aggregates count failures in `failedCount`.
    public var status: String?
    /// Metadata key/value pairs; nil keeps the stored set, empty clears it.
    public var tags: [String: String]?

    public init(
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
public struct TokenCounts: Sendable, Equatable, Hashable {
    public var input: Int64
    public var cachedInput: Int64
    public var cacheWrite: Int64
    public var output: Int64
    public var reasoning: Int64

    public init(input: Int64, cachedInput: Int64 = 0, cacheWrite: Int64 = 0, output: Int64, reasoning: Int64 = 0) {
        self.input = input
        self.cachedInput = cachedInput
        self.cacheWrite = cacheWrite
        self.output = output
        self.reasoning = reasoning
    }

    public static let zero = TokenCounts(input: 0, output: 0)
}
