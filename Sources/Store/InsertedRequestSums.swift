import DistillCore

/// The sums of the requests one writer inserted, per `request_daily` row: added to the roll-up
/// when the writer refreshes it, instead of re-reading every new request at the end of an ingest.
///
/// Sums are checked like SQLite's `sum()`: an overflow is an error, never a wrapped total.
struct InsertedRequestSums {
    /// The roll-up's primary key (NULL project, tier and tag set stored as '', '' and 0).
    struct Group: Hashable {
        var day: Int64
        var modelID: Int64
        var project: String
        var isBatch: Bool
        var serviceTier: String
        var tagSetID: Int64
        var inputBand: Int64
    }

    /// The roll-up's counted columns, in `request_daily` column order.
    struct Sums {
        var requestCount: Int64 = 0
        var failedCount: Int64 = 0
        var inputTokens: Int64 = 0
        var cachedInputTokens: Int64 = 0
        var cacheWriteTokens: Int64 = 0
        var outputTokens: Int64 = 0
        var reasoningTokens: Int64 = 0
        var latencyCount: Int64 = 0
        var audioInputTokens: Int64 = 0
        var audioOutputTokens: Int64 = 0
        var cacheWriteOneHourTokens: Int64 = 0
        /// nil while no request stated its cost (the column stays NULL).
        var reportedCost: DecimalTextSum?
        var reportedCostRequests: Int64 = 0

        /// One inserted request's contribution.
        init(_ request: RequestRecord) throws {
            let tokens = request.tokens ?? .zero
            requestCount = request.requestCount
            failedCount = request.failedCount
            inputTokens = tokens.input
            cachedInputTokens = tokens.cachedInput
            cacheWriteTokens = tokens.cacheWrite
            outputTokens = tokens.output
            reasoningTokens = tokens.reasoning
            latencyCount = request.latencyMs == nil ? 0 : 1
            audioInputTokens = tokens.audioInput
            audioOutputTokens = tokens.audioOutput
            cacheWriteOneHourTokens = tokens.cacheWriteOneHour
            if let text = request.reportedCost {
                reportedCost = try Self.amount(text)
                reportedCostRequests = request.requestCount
            }
        }

        init() {}

        /// A `request_daily` row read as `SELECT` of `columnNames`.
        init(_ row: Row) throws {
            requestCount = row.int64(0)
            failedCount = row.int64(1)
            inputTokens = row.int64(2)
            cachedInputTokens = row.int64(3)
            cacheWriteTokens = row.int64(4)
            outputTokens = row.int64(5)
            reasoningTokens = row.int64(6)
            latencyCount = row.int64(7)
            audioInputTokens = row.int64(8)
            audioOutputTokens = row.int64(9)
            cacheWriteOneHourTokens = row.int64(10)
            reportedCost = try row.optionalString(11).map(Self.amount)
            reportedCostRequests = row.int64(12)
        }

        mutating func add(_ other: Sums) throws {
            try Self.add(other.requestCount, to: &requestCount, "request_count")
            try Self.add(other.failedCount, to: &failedCount, "failed_count")
            try Self.add(other.inputTokens, to: &inputTokens, "input_tokens")
            try Self.add(other.cachedInputTokens, to: &cachedInputTokens, "cached_input_tokens")
            try Self.add(other.cacheWriteTokens, to: &cacheWriteTokens, "cache_write_tokens")
            try Self.add(other.outputTokens, to: &outputTokens, "output_tokens")
            try Self.add(other.reasoningTokens, to: &reasoningTokens, "reasoning_tokens")
            try Self.add(other.latencyCount, to: &latencyCount, "latency_count")
            try Self.add(other.audioInputTokens, to: &audioInputTokens, "audio_input_tokens")
            try Self.add(other.audioOutputTokens, to: &audioOutputTokens, "audio_output_tokens")
            try Self.add(other.cacheWriteOneHourTokens, to: &cacheWriteOneHourTokens, "cache_write_1h_tokens")
            try Self.add(other.reportedCostRequests, to: &reportedCostRequests, "reported_cost_requests")
            if let added = other.reportedCost {
                if reportedCost == nil { reportedCost = DecimalTextSum() }
                reportedCost?.add(added)
            }
        }

        private static func add(_ value: Int64, to total: inout Int64, _ column: StaticString) throws {
            let (sum, overflow) = total.addingReportingOverflow(value)
            guard !overflow else {
                throw StoreError(code: 0, message: "integer overflow in the daily total of \(column)")
            }
            total = sum
        }

        /// Readers validate reported costs; this guards the store against a writer that did not.
        private static func amount(_ text: String) throws -> DecimalTextSum {
            guard let amount = DecimalTextSum(text) else {
                throw StoreError(code: 0, message: "a reported cost must be a non-negative decimal number, not \"\(text)\"")
            }
            return amount
        }

        static let columnNames = [
            "request_count", "failed_count", "input_tokens", "cached_input_tokens", "cache_write_tokens",
            "output_tokens", "reasoning_tokens", "latency_count", "audio_input_tokens", "audio_output_tokens",
            "cache_write_1h_tokens", "reported_cost", "reported_cost_requests",
        ]

        var columnValues: [any SQLBindable] {
            [
                requestCount, failedCount, inputTokens, cachedInputTokens, cacheWriteTokens, outputTokens,
                reasoningTokens, latencyCount, audioInputTokens, audioOutputTokens, cacheWriteOneHourTokens,
                reportedCost?.text, reportedCostRequests,
            ]
        }
    }

    private(set) var groups: [Group: Sums] = [:]
    /// Every day with an inserted request, and whether it was already marked dirty before this
    /// writer marked it (rows an earlier writer left without a roll-up: that day is re-aggregated).
    private(set) var days: [Int64: Bool] = [:]
    /// Requests with an id up to this one existed before the first insert counted here.
    var lastExistingRequestID: Int64?

    var isEmpty: Bool { days.isEmpty }

    /// Adds one inserted request; returns true when its day is new to this writer.
    mutating func add(_ request: RequestRecord, modelID: Int64, tagSetID: Int64?) throws -> Bool {
        let day = Self.day(ofUnixSeconds: request.createdAt)
        let group = Group(
            day: day, modelID: modelID, project: request.project ?? "", isBatch: request.isBatch,
            serviceTier: request.serviceTier ?? "", tagSetID: tagSetID ?? 0,
            inputBand: InputBand.of(inputTokens: request.tokens?.input ?? 0, requestCount: request.requestCount))
        try groups[group, default: Sums()].add(Sums(request))
        guard days[day] == nil else { return false }
        days[day] = false
        return true
    }

    mutating func noteAlreadyDirty(_ day: Int64) {
        days[day] = true
    }

    /// The UTC day number, rounding down before 1970 like the schema's triggers.
    static func day(ofUnixSeconds seconds: Int64) -> Int64 {
        seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
    }
}
