import DistillCore
import Store

/// Reads OTLP/JSON trace exports (`resourceSpans` → `scopeSpans` → `spans`) whose spans carry
/// OpenTelemetry GenAI attributes, one request per model-call span.
///
/// The model is `gen_ai.response.model`, else `gen_ai.request.model` (or another spelling, see
/// `Spelling`); spans without one are not model calls and are ignored (counted, not rejected).
/// Tokens come from `gen_ai.usage.*` and the other instrumentations' spellings (`Spelling`), or
/// Langfuse's `langfuse.observation.usage_details`. The span's duration is the latency, its start the request
/// time; status code 2 (ERROR) or an `error.type` attribute marks a failure. The key is
/// `gen_ai.response.id` (so a span and a stored completion are one request), else `otel-` and the
/// trace and span ids. The resource's `service.name` becomes the tag `service`.
///
/// With `storeContent` a span's messages are kept for `dataset build`: `gen_ai.input.messages` and
/// `gen_ai.output.messages` (the semantic conventions' JSON of `parts` messages, as OpenLLMetry
/// writes them), else Traceloop's indexed `gen_ai.prompt.N.role`/`.content` and
/// `gen_ai.completion.0.*`.
struct OTelSpanReader {
    var storeContent = false
    /// Spans skipped because they are not model calls.
    private(set) var ignoredSpans = 0

    mutating func read(_ value: JSONValue, emit: Emit) throws {
        let document = try JSONFields(value, path: "")
        for resourceSpans in try document.objects("resourceSpans") {
            let resource = try attributes(of: resourceSpans.optionalObject("resource"))
            let service = resource["service.name"]?.text
            for scopeSpans in try resourceSpans.objects("scopeSpans") {
                for span in try scopeSpans.objects("spans") {
                    if let (record, known) = try request(from: span, service: service) {
                        let content = storeContent ? Self.content(of: try attributes(of: span)) : nil
                        // A span keyed by the response id completes the stored completion.
                        try emit(
                            record.key.hasPrefix("otel-")
                                ? .request(record, content: content) : .completingRequest(record, known: known, content: content))
                    } else {
                        ignoredSpans += 1
                    }
                }
            }
        }
    }

    /// The span's request and the optional token fields it carried; nil when it is not a model call.
    private func request(from span: JSONFields, service: String?) throws -> (RequestRecord, KnownFields)? {
        let attributes = try attributes(of: span)
        guard let model = Spelling.model.lazy.compactMap({ attributes[$0]?.text }).first, !model.isEmpty else {
            return nil
        }
        let startNanos = try span.int64("startTimeUnixNano")
        let endNanos = try span.optionalInt64("endTimeUnixNano")
        let created = startNanos / 1_000_000_000
        try TimeRule.check(seconds: created, field: span.name("startTimeUnixNano"))
        var latency: Double?
        if let endNanos {
            guard endNanos >= startNanos else {
                throw IngestError.field(span.name("endTimeUnixNano"), "is before startTimeUnixNano")
            }
            latency = Double(endNanos - startNanos) / 1_000_000
        }

        func count(_ names: [String]) throws -> Int64? {
            for name in names {
                guard let attribute = attributes[name] else { continue }
                guard let value = attribute.integer else {
                    throw IngestError.field(
                        "\(span.name("attributes")).\(name)",
                        "must be an integer, found \(attribute.text ?? "a non-scalar")")
                }
                guard value >= 0 else {
                    throw IngestError.field(
                        "\(span.name("attributes")).\(name)", "must not be negative, found \(value)")
                }
                return try TokenRule.bounded(value, field: "\(span.name("attributes")).\(name)")
            }
            return nil
        }
        func present(_ names: [String]) -> String? { names.first { attributes[$0] != nil } }
        let input = try count(Spelling.input)
        let output = try count(Spelling.output)
        var tokens: TokenUsage?
        if input != nil || output != nil {
            let counts = TokenUsage(
                input: input ?? 0, cachedInput: try count(Spelling.cacheRead) ?? 0,
                cacheWrite: try count(Spelling.cacheWrite) ?? 0, output: output ?? 0,
                reasoning: try count(Spelling.reasoning) ?? 0)
            try TokenRule.check(
                counts, cachedField: "\(span.name("attributes")).\(present(Spelling.cacheRead) ?? Spelling.cacheRead[0])",
                reasoningField: "\(span.name("attributes")).\(present(Spelling.reasoning) ?? Spelling.reasoning[0])")
            tokens = counts
        } else if let details = attributes["langfuse.observation.usage_details"]?.text,
            let usage = (try? JSONValue.parse(details))?.objectValue
        {
            // Langfuse's own spelling: a JSON object with its usageDetails semantics.
            tokens = try LangfuseReader.tokens(
                JSONFields(JSONObject([("usageDetails", .object(usage))]), path: "\(span.name("attributes")).langfuse.observation"))
        }
        var ttft: Double?
        if let seconds = attributes["gen_ai.response.time_to_first_chunk"]?.number {
            // Checked in milliseconds too: 1e308 seconds is finite, its milliseconds are not.
            guard (seconds * 1000).isFinite, seconds >= 0 else {
                throw IngestError.field(
                    "\(span.name("attributes")).gen_ai.response.time_to_first_chunk",
                    "must be a finite number of seconds ≥ 0")
            }
            ttft = seconds * 1000
        }
        let statusCode = try span.optionalObject("status")?.optionalInt64("code")
        let failed = statusCode == 2 || attributes["error.type"] != nil
        let key: String
        if let responseID = attributes["gen_ai.response.id"]?.text, !responseID.isEmpty {
            key = responseID
        } else {
            key = "otel-\(try span.string("traceId").lowercased())-\(try span.string("spanId").lowercased())"
        }
        let tier =
            attributes["openai.response.service_tier"]?.text ?? attributes["gen_ai.openai.response.service_tier"]?.text
        var known: KnownFields = []
        if present(Spelling.cacheRead) != nil { known.insert(.cachedTokens) }
        if present(Spelling.cacheWrite) != nil { known.insert(.cacheWriteTokens) }
        if present(Spelling.reasoning) != nil { known.insert(.reasoningTokens) }
        let record = RequestRecord(
            key: key, model: model, createdAt: created, serviceTier: tier, failedCount: failed ? 1 : 0, tokens: tokens,
            latencyMs: latency, timeToFirstTokenMs: ttft, status: failed ? "failed" : "ok",
            tags: service.map { ["service": $0] })
        return (record, known)
    }

    /// The span's messages and answer as stored content, nil when it carries neither.
    static func content(of attributes: [String: AttributeValue]) -> RequestContent? {
        var messages = attributes["gen_ai.input.messages"]?.text
        var response = attributes["gen_ai.output.messages"]?.text
        if messages == nil {
            var prompt: [JSONValue] = []
            while let content = attributes["gen_ai.prompt.\(prompt.count).content"]?.text {
                let role = attributes["gen_ai.prompt.\(prompt.count).role"]?.text ?? "user"
                prompt.append(.object([("role", .string(role)), ("content", .string(content))]))
            }
            messages = prompt.isEmpty ? nil : JSONValue.array(prompt).text(.canonical)
        }
        if response == nil, let content = attributes["gen_ai.completion.0.content"]?.text {
            // As a completion's `choices`, so a `length` finish marks the answer truncated.
            let message = JSONValue.object([
                ("role", .string(attributes["gen_ai.completion.0.role"]?.text ?? "assistant")), ("content", .string(content)),
            ])
            let reason = attributes["gen_ai.completion.0.finish_reason"]?.text.map(JSONValue.string) ?? .null
            response = JSONValue.array([.object([("index", .number("0")), ("message", message), ("finish_reason", reason)])])
                .text(.canonical)
        }
        guard messages != nil || response != nil else { return nil }
        return RequestContent(messages: messages, response: response)
    }

    /// The attribute names each value is found under, first match wins: the GenAI semantic
    /// conventions (current, then deprecated), OpenLLMetry/Traceloop (`gen_ai.usage.reasoning_tokens`,
    /// `llm.usage.*`), OpenLIT, OpenInference (`llm.token_count.*`) and Langfuse's own
    /// (`langfuse.observation.*`). Input includes cache reads, as in the OpenAI API.
    enum Spelling {
        static let model = [
            "gen_ai.response.model", "gen_ai.request.model", "langfuse.observation.model.name", "llm.response.model",
            "llm.request.model", "llm.model_name",
        ]
        static let input = [
            "gen_ai.usage.input_tokens", "gen_ai.usage.prompt_tokens", "llm.usage.prompt_tokens",
            "llm.token_count.prompt",
        ]
        static let output = [
            "gen_ai.usage.output_tokens", "gen_ai.usage.completion_tokens", "llm.usage.completion_tokens",
            "llm.token_count.completion",
        ]
        static let cacheRead = [
            "gen_ai.usage.cache_read.input_tokens", "gen_ai.usage.cache_read_input_tokens",
            "gen_ai.usage.cached_input_tokens", "llm.usage.cache_read_input_tokens",
            "llm.token_count.prompt_details.cache_read",
        ]
        static let cacheWrite = [
            "gen_ai.usage.cache_creation.input_tokens", "gen_ai.usage.cache_creation_input_tokens",
            "llm.usage.cache_creation_input_tokens", "llm.token_count.prompt_details.cache_write",
        ]
        static let reasoning = [
            "gen_ai.usage.reasoning.output_tokens", "gen_ai.usage.reasoning_tokens", "llm.usage.reasoning_tokens",
            "llm.token_count.completion_details.reasoning",
        ]
    }

    /// An OTLP `AnyValue`: exactly one of `stringValue`, `intValue` (a decimal string or a number),
    /// `doubleValue`, `boolValue`, `arrayValue`, `kvlistValue`, `bytesValue`.
    struct AttributeValue {
        var text: String?
        var integer: Int64?
        var number: Double?
    }

    private func attributes(of fields: JSONFields?) throws -> [String: AttributeValue] {
        guard let fields else { return [:] }
        var result: [String: AttributeValue] = [:]
        for attribute in try fields.objects("attributes") {
            let key = try attribute.string("key")
            guard let value = try attribute.optionalObject("value") else { continue }
            if let text = try value.optionalString("stringValue") {
                result[key] = AttributeValue(text: text, integer: nil, number: Double(text))
            } else if value.value("intValue") != nil {
                let integer = try value.int64("intValue")
                result[key] = AttributeValue(text: String(integer), integer: integer, number: Double(integer))
            } else if let number = try value.optionalDouble("doubleValue") {
                let whole = number.rounded() == number && abs(number) < 9e15 ? Int64(number) : nil
                result[key] = AttributeValue(text: String(number), integer: whole, number: number)
            } else if let flag = try value.optionalBool("boolValue") {
                result[key] = AttributeValue(text: flag ? "true" : "false", integer: nil, number: nil)
            } else {
                result[key] = AttributeValue(text: nil, integer: nil, number: nil)
            }
        }
        return result
    }
}
