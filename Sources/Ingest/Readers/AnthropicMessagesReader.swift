import DistillCore
import Store

/// Reads Anthropic Messages API responses as applications log them, and Message Batches result files.
///
/// A line is one of:
/// - a Message (`{"id":"msg_…","type":"message","model":…,"usage":{…}}`) with the time the logger
///   added as a member (`LoggedTime.fieldNames`: `timestamp`, `created_at`, ...), or wrapped as
///   `{"timestamp":…,"response":{message}}`; a `metadata` object beside it becomes the request's tags;
/// - a batch result (`{"custom_id":…,"result":{"type":"succeeded","message":{…}}}`), flagged as batch;
///   `errored`, `expired` and `canceled` results are failed requests (see `FailedBatchRequests`).
///   Results carry no time: a logged time on the line is used, else the file's modification time.
///
/// Anthropic's `input_tokens` excludes cache reads and writes; ours includes them, so
/// input = `input_tokens` + `cache_creation_input_tokens` + `cache_read_input_tokens`, cached =
/// the reads, cache write = the creations (`cache_creation.ephemeral_1h_input_tokens` of them at the
/// one-hour rate). `usage.service_tier` (`standard`, `priority`, `batch`) is the tier.
struct AnthropicMessagesReader {
    private var failures: FailedBatchRequests

    init(fallbackTime: Int64) {
        failures = FailedBatchRequests(fallbackTime: fallbackTime)
    }

    mutating func read(_ value: JSONValue, emit: Emit) throws {
        let line = try JSONFields(value, path: "")
        if line.value("custom_id") != nil || line.value("result") != nil {
            try readBatchResult(line, emit: emit)
            return
        }
        let message = try line.optionalObject("response") ?? line
        let created = try LoggedTime.seconds(in: line, orIn: message, missingFrom: "an Anthropic message")
        var record = try Self.request(from: message, createdAt: created)
        record.tags = try line.stringMap("metadata").flatMap { $0.isEmpty ? nil : $0 }
        try emit(.request(record, content: nil))
    }

    private mutating func readBatchResult(_ line: JSONFields, emit: Emit) throws {
        let customID = try line.string("custom_id")
        let result = try line.object("result")
        let type = try result.string("type")
        switch type {
        case "succeeded":
            let created = try LoggedTime.seconds(in: line) ?? failures.fallbackTime
            var record = try Self.request(from: try result.object("message"), createdAt: created)
            record.isBatch = true
            failures.succeeded(record)
            try emit(.request(record, content: nil))
        case "errored", "expired", "canceled":
            failures.failed(key: "anthropic-batch-" + customID)
        default:
            throw IngestError.field(
                result.name("type"), "must be succeeded, errored, expired or canceled, found \"\(type)\"")
        }
    }

    /// Writes the failed batch results, now that the batch's model and time are known.
    mutating func finish(emit: Emit) throws {
        try failures.finish(emit: emit)
    }

    static func request(from message: JSONFields, createdAt: Int64) throws -> RequestRecord {
        if let type = try message.optionalString("type"), type != "message" {
            throw IngestError.field(message.name("type"), "must be \"message\", found \"\(type)\"")
        }
        let id = try message.string("id")
        let model = try message.string("model")
        let usage = try message.object("usage")
        let uncached = try usage.count("input_tokens")
        let cacheRead = try usage.optionalCount("cache_read_input_tokens") ?? 0
        let cacheWrite = try usage.optionalCount("cache_creation_input_tokens") ?? 0
        var oneHourWrites: Int64 = 0
        if let creation = try usage.optionalObject("cache_creation") {
            let fiveMinutes = try creation.optionalCount("ephemeral_5m_input_tokens") ?? 0
            oneHourWrites = try creation.optionalCount("ephemeral_1h_input_tokens") ?? 0
            guard fiveMinutes + oneHourWrites == cacheWrite else {
                throw IngestError.field(
                    creation.name("ephemeral_1h_input_tokens"),
                    "\(fiveMinutes) five-minute and \(oneHourWrites) one-hour cache writes do not add up to "
                        + "cache_creation_input_tokens \(cacheWrite)")
            }
        }
        let input = try TokenRule.bounded(uncached + cacheRead + cacheWrite, field: usage.name("input_tokens"))
        let tokens = TokenUsage(
            input: input, cachedInput: cacheRead, cacheWrite: cacheWrite, output: try usage.count("output_tokens"),
            cacheWriteOneHour: oneHourWrites)
        let tier = try usage.optionalString("service_tier")
        return RequestRecord(
            key: id, model: model, createdAt: createdAt, isBatch: tier == "batch", serviceTier: tier, tokens: tokens,
            status: "ok")
    }
}
