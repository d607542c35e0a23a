import DistillCore
import Store

/// Reads Responses API objects (`"object": "response"`) into request records: one object, a JSON
/// Lines file of them, a list page, or the body of a Batch output line for `/v1/responses`.
///
/// Usage follows the Responses API: `input_tokens` includes `input_tokens_details.cached_tokens`
/// (and `cache_write_tokens`, which OpenRouter reports), `output_tokens` includes
/// `output_tokens_details.reasoning_tokens`; `audio_tokens` in either details block are audio. The
/// time is `created_at`. A `failed`, `incomplete` or `cancelled` response is a failed request that
/// still carries the tokens it was billed for; one still `queued` or `in_progress` has no usage yet
/// and is refused. Only `metadata`'s scalar values become tags: `instructions`, `tools`, `input`,
/// `output`, `text` and `reasoning` hold prompts, schemas and answers, and are kept only with
/// `storeContent` (`output` as the response, `input` as the messages). OpenRouter's `usage.cost`
/// is kept as the reported cost.
struct ResponseObjectReader {
    var storeContent: Bool
    private var models = ByteKeyedCache<String>()
    private var tiers = ByteKeyedCache<String>()
    private var metadataSets = ByteKeyedCache<[String: String]>()

    init(storeContent: Bool) {
        self.storeContent = storeContent
    }

    /// Parses one response; errors name the field, prefixed by `path` (`data[3]`,
    /// `response.body`) when nested.
    mutating func parse(_ bytes: UnsafeRawBufferPointer, path: String?) throws -> CompletionObjectReader.Parsed {
        var scanner = JSONScanner(bytes)
        var field: StaticString = ""
        do {
            let parsed = try read(&scanner, field: &field)
            field = ""
            try scanner.expectEnd()
            return parsed
        } catch let error as JSONError {
            throw error.ingestError(field: CompletionObjectReader.join(path, field.description), container: path)
        } catch IngestError.invalidValue(let diagnostic) {
            throw IngestError.invalidValue(diagnostic.located(file: nil, line: nil, fieldPrefix: path))
        }
    }

    private mutating func read(
        _ scanner: inout JSONScanner, field: inout StaticString
    ) throws -> CompletionObjectReader.Parsed {
        var id: String?
        var created: Int64?
        var model: String?
        var tier: String?
        var status: String?
        // The system prompt, kept with --store-content to lead the stored input.
        var instructions: String?
        var tools: String?
        var tokens: TokenUsage?
        var cost: String?
        var tags: [String: String]?
        var response: String?
        var messages: String?
        var object = try scanner.beginObject()
        while let key = try scanner.nextKey(&object) {
            if key == "id" {
                field = "id"
                id = try scanner.readString()
            } else if key == "created_at" {
                field = "created_at"
                created = try scanner.readInt64()
            } else if key == "model" {
                field = "model"
                model = try CompletionObjectReader.interned(&scanner, in: &models)
            } else if key == "status" {
                field = "status"
                status = scanner.readNull() ? nil : try scanner.readString()
            } else if key == "usage" {
                field = "usage"
                if !scanner.readNull() {
                    tokens = try UsageSpelling.responses.read(&scanner, field: &field, cost: &cost)
                }
            } else if key == "service_tier" {
                field = "service_tier"
                tier = scanner.readNull() ? nil : try CompletionObjectReader.interned(&scanner, in: &tiers)
            } else if key == "metadata" {
                field = "metadata"
                tags = scanner.readNull()
                    ? nil : try CompletionObjectReader.metadata(&scanner, cache: &metadataSets, skippingNested: true)
            } else if key == "object" {
                field = "object"
                let (bytes, _) = try scanner.readStringBytes()
                let kind = JSONKey(raw: bytes)
                if kind == "list" { throw ListPageFound() }
                if kind == "chat.completion" { throw CompletionObjectFound() }
                guard kind == "response" else {
                    throw IngestError.field(
                        "object", "must be \"response\", found \"\(String(decoding: bytes, as: UTF8.self))\"")
                }
            } else if key == "output", storeContent {
                field = "output"
                response = String(decoding: try scanner.readRawValue(), as: UTF8.self)
            } else if key == "input", storeContent {
                field = "input"
                messages = String(decoding: try scanner.readRawValue(), as: UTF8.self)
            } else if key == "tools", storeContent {
                field = "tools"
                tools = String(decoding: try scanner.readRawValue(), as: UTF8.self)
            } else if key == "instructions", storeContent {
                field = "instructions"
                instructions = scanner.readNull() ? nil : try scanner.readString()
            } else {
                try scanner.skipValue()
            }
        }
        guard let id, !id.isEmpty else { throw IngestError.field("id", "is missing") }
        guard let created else { throw IngestError.field("created_at", "is missing") }
        try TimeRule.check(seconds: created, field: "created_at")
        guard let model, !model.isEmpty else { throw IngestError.field("model", "is missing") }
        let failed: Bool
        switch status {
        case nil, "completed"?: failed = false
        case "failed"?, "incomplete"?, "cancelled"?: failed = true
        case let other?:
            throw IngestError.field("status", "is \"\(other)\": the response has not finished, so it has no usage to cost yet")
        }
        guard let tokens = tokens ?? (failed ? TokenUsage.zero : nil) else {
            throw IngestError.field("usage", "is missing; a completed response without usage cannot be costed")
        }
        let record = RequestRecord(
            key: id, model: model, createdAt: created, serviceTier: tier, failedCount: failed ? 1 : 0, tokens: tokens,
            status: failed ? "failed" : "ok", tags: tags, reportedCost: cost)
        if let input = messages, instructions != nil, let value = try? JSONValue.parse(input) {
            messages = StoredPrompt.responsesInput(value, instructions: instructions).text(.canonical)
        }
        messages = messages.map { StoredPrompt.text(messages: $0, tools: tools) }
        let content = response == nil && messages == nil ? nil : RequestContent(messages: messages, response: response)
        return CompletionObjectReader.Parsed(record: record, content: content)
    }
}

/// Thrown when a line that should be a Responses API object is a chat completion, so the caller
/// can read it with `CompletionObjectReader`.
struct CompletionObjectFound: Error {}
