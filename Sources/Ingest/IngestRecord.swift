import Store

/// One normalised record a reader produced, on its way to the store.
enum IngestRecord {
    /// A request, and its message content when `--store-content` asked for it.
    case request(RequestRecord, content: RequestContent?)
    /// A request-log row (or span) naming a request id: it completes whatever is stored under that
    /// id (latency, status, tokens) without changing its model or time, adds its tags to the stored
    /// ones, and keeps the stored value of every optional field it does not know. A gateway log's
    /// row may carry the request's content (LiteLLM's `messages` and `response`).
    case completingRequest(RequestRecord, known: KnownFields, content: RequestContent? = nil)
    case usageBucket(UsageBucketRecord)
    case billedCost(BilledCostRecord)
    case fineTuningJob(FineTuningJobRecord)
    /// An eval run as its own export describes it: written (and updated) in full.
    case evalRun(EvalRunRecord)
    /// A run implied by scores that name it: created if missing, never overwriting a fuller record.
    case impliedEvalRun(EvalRunRecord)
    case evalRunUsage(EvalRunUsageRecord)
    case evalScore(EvalScoreRecord)
    case oneTimeCost(OneTimeCostRecord)
}

/// Message content kept only with `--store-content`: the request's messages and the response, as JSON text.
package struct RequestContent: Sendable, Equatable {
    package var messages: String?
    package var response: String?

    package init(messages: String?, response: String?) {
        self.messages = messages
        self.response = response
    }
}

/// Where readers hand their records; a reader never writes to the store itself.
typealias Emit = (IngestRecord) throws -> Void
