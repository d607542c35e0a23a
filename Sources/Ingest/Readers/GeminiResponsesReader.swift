import DistillCore
import Store

/// Reads Gemini `generateContent` responses as applications log them, and Gemini Batch API result files.
///
/// A line is one of:
/// - a `GenerateContentResponse` (`{"candidates":[…],"usageMetadata":{…},"modelVersion":…,
///   "responseId":…}`) with the logger's time beside it (`LoggedTime.fieldNames`; Vertex AI's own
///   `createTime` counts), or wrapped as `{"timestamp":…,"response":{…}}`; a `metadata` object beside
///   it becomes the request's tags;
/// - a batch result (`{"key":…,"response":{…}}`), flagged as batch; a line with an `error` (or
///   `status`) and no response is a failed request (see `FailedBatchRequests`). Results carry no
///   time: a logged time on the line is used, else the file's modification time.
///
/// Counts: input = `promptTokenCount` + `toolUsePromptTokenCount` (both billed as input; the prompt
/// count includes the cached content), cached = `cachedContentTokenCount`, output =
/// `candidatesTokenCount` + `thoughtsTokenCount` (thinking is billed as output), reasoning =
/// `thoughtsTokenCount`. The key is `responseId`; a batch line without one is keyed by its `key`.
struct GeminiResponsesReader {
    private var failures: FailedBatchRequests

    init(fallbackTime: Int64) {
        failures = FailedBatchRequests(fallbackTime: fallbackTime)
    }

    mutating func read(_ value: JSONValue, emit: Emit) throws {
        let line = try JSONFields(value, path: "")
        if let batchKey = try line.optionalString("key") {
            try readBatchResult(line, key: batchKey, emit: emit)
            return
        }
        let response = try line.optionalObject("response") ?? line
        let created = try LoggedTime.seconds(in: line, orIn: response, missingFrom: "a Gemini response")
        guard let id = try response.optionalString("responseId"), !id.isEmpty else {
            throw IngestError.field(response.name("responseId"), "is missing")
        }
        var record = try Self.request(from: response, key: id, createdAt: created)
        record.tags = try line.stringMap("metadata").flatMap { $0.isEmpty ? nil : $0 }
        try emit(.request(record, content: nil))
    }

    private mutating func readBatchResult(_ line: JSONFields, key: String, emit: Emit) throws {
        guard let response = try line.optionalObject("response") else {
            guard line.value("error") != nil || line.value("status") != nil else {
                throw IngestError.field(line.name("response"), "is missing (a batch result has a response or an error)")
            }
            failures.failed(key: "gemini-batch-" + key)
            return
        }
        let id = try response.optionalString("responseId").flatMap { $0.isEmpty ? nil : $0 }
        let created = try LoggedTime.seconds(in: line) ?? LoggedTime.seconds(in: response) ?? failures.fallbackTime
        var record = try Self.request(from: response, key: id ?? "gemini-batch-" + key, createdAt: created)
        record.isBatch = true
        failures.succeeded(record)
        try emit(.request(record, content: nil))
    }

    /// Writes the failed batch results, now that the batch's model and time are known.
    mutating func finish(emit: Emit) throws {
        try failures.finish(emit: emit)
    }

    static func request(from response: JSONFields, key: String, createdAt: Int64) throws -> RequestRecord {
        let model = try response.string("modelVersion")
        let usage = try response.object("usageMetadata")
        let prompt = try usage.optionalCount("promptTokenCount") ?? 0
        let toolUse = try usage.optionalCount("toolUsePromptTokenCount") ?? 0
        let cached = try usage.optionalCount("cachedContentTokenCount") ?? 0
        let candidates = try usage.optionalCount("candidatesTokenCount") ?? 0
        let thoughts = try usage.optionalCount("thoughtsTokenCount") ?? 0
        guard cached <= prompt else {
            throw IngestError.field(
                usage.name("cachedContentTokenCount"),
                "\(cached) cached tokens exceed the \(prompt) prompt tokens they are part of")
        }
        let tokens = TokenUsage(
            input: try TokenRule.bounded(prompt + toolUse, field: usage.name("promptTokenCount")), cachedInput: cached,
            output: try TokenRule.bounded(candidates + thoughts, field: usage.name("candidatesTokenCount")),
            reasoning: thoughts)
        return RequestRecord(key: key, model: model, createdAt: createdAt, tokens: tokens, status: "ok")
    }
}
