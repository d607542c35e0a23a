import DistillCore
import Store

/// Reads Chat Completion objects (`chat.completion`) as the API returns them into request records:
/// one object, a JSON Lines file of them, or a stored-completions list page.
///
/// The natural key is the completion's `id`, so the same completion from a file, a list page or a
/// Batch output line is one request. OpenAI-compatible servers that send an empty `id` (Hugging Face
/// TGI does) are keyed by a SHA-256 of the whole object instead: the same line loads once, and two
/// responses differ in their content or time. Tokens follow the API: `prompt_tokens` includes
/// `prompt_tokens_details.cached_tokens` (and `cache_write_tokens`), `completion_tokens` includes
/// `completion_tokens_details.reasoning_tokens`; `audio_tokens` in either details block are kept as
/// audio input and output. A gateway's `usage.cost` (OpenRouter) is kept as the reported cost, and
/// the model name as written (`openai/gpt-4o-mini`). `metadata` becomes the request's tags. Message
/// content is kept only when `storeContent` is set. This is the ingest hot path: it scans bytes
/// directly and decodes each distinct model name and metadata set once.
package struct CompletionObjectReader {
    package var storeContent: Bool
    private var models = ByteKeyedCache<String>()
    private var tiers = ByteKeyedCache<String>()
    private var metadataSets = ByteKeyedCache<[String: String]>()

    package init(storeContent: Bool = false) {
        self.storeContent = storeContent
    }

    /// One completion with its content (the response's `choices` as JSON text, when kept).
    struct Parsed {
        var record: RequestRecord
        var content: RequestContent?
    }

    /// One `chat.completion` object.
    package mutating func record(from bytes: UnsafeRawBufferPointer) throws -> RequestRecord {
        try parse(bytes, path: nil).record
    }

    package mutating func record(from bytes: [UInt8]) throws -> RequestRecord {
        try bytes.withUnsafeBytes { try record(from: $0) }
    }

    /// A stored-completions list page `{"object":"list","data":[...],"has_more":..,"last_id":..}`
    /// (or a bare JSON array of completions).
    package mutating func page(from bytes: UnsafeRawBufferPointer) throws -> CompletionsPage {
        var records: [RequestRecord] = []
        var contents: [RequestContent?] = []
        let paging = try Self.forEachPageElement(bytes) { element, path in
            let parsed = try parse(element, path: path)
            records.append(parsed.record)
            contents.append(parsed.content)
        }
        return CompletionsPage(records: records, contents: contents, hasMore: paging.hasMore, lastID: paging.lastID)
    }

    package mutating func page(from bytes: [UInt8]) throws -> CompletionsPage {
        try bytes.withUnsafeBytes { try page(from: $0) }
    }

    /// Parses one completion; errors name the field, prefixed by `path` (`data[3]`) when nested.
    mutating func parse(_ bytes: UnsafeRawBufferPointer, path: String?) throws -> Parsed {
        var scanner = JSONScanner(bytes)
        // A StaticString, not a String: set before every member read, it must cost nothing.
        var field: StaticString = ""
        do {
            var parsed = try read(&scanner, field: &field)
            field = ""
            try scanner.expectEnd()
            if parsed.record.key.isEmpty {
                var hash = SHA256()
                hash.update(bytes)
                parsed.record.key = "completion-" + hash.finalizeHex().prefix(32)
            }
            return parsed
        } catch let error as JSONError {
            throw error.ingestError(field: Self.join(path, field.description), container: path)
        } catch IngestError.invalidValue(let diagnostic) {
            throw IngestError.invalidValue(diagnostic.located(file: nil, line: nil, fieldPrefix: path))
        }
    }

    /// Hands each element of a list page's `data` (or of a bare array) to `each` as raw bytes with
    /// its path, then returns the paging fields. Elements are checked for JSON syntax only; the
    /// caller decides what an invalid element costs (the page, or just that element).
    static func forEachPageElement(
        _ bytes: UnsafeRawBufferPointer, each: (UnsafeRawBufferPointer, String) throws -> Void
    ) throws -> (hasMore: Bool, lastID: String?) {
        var scanner = JSONScanner(bytes)
        var field = ""
        var hasMore = false
        var lastID: String?
        var index = 0
        do {
            if scanner.peek() == UInt8(ascii: "[") {
                var array = try scanner.beginArray()
                while try scanner.nextElement(&array) {
                    field = "[\(index)]"
                    try each(try scanner.readRawValue(), field)
                    index += 1
                }
            } else {
                var object = try scanner.beginObject()
                while let key = try scanner.nextKey(&object) {
                    if key == "data" {
                        field = "data"
                        var array = try scanner.beginArray()
                        while try scanner.nextElement(&array) {
                            field = "data[\(index)]"
                            try each(try scanner.readRawValue(), field)
                            index += 1
                        }
                    } else if key == "has_more" {
                        field = "has_more"
                        hasMore = try scanner.readBool()
                    } else if key == "last_id" {
                        field = "last_id"
                        lastID = scanner.readNull() ? nil : try scanner.readString()
                    } else if key == "object" {
                        field = "object"
                        let kind = try scanner.readString()
                        guard kind == "list" else {
                            throw IngestError.field("object", "must be \"list\" for a page, found \"\(kind)\"")
                        }
                    } else {
                        try scanner.skipValue()
                    }
                }
            }
            field = ""
            try scanner.expectEnd()
        } catch let error as JSONError {
            throw error.ingestError(field: field.isEmpty ? nil : field)
        }
        return (hasMore, lastID)
    }

    private mutating func read(_ scanner: inout JSONScanner, field: inout StaticString) throws -> Parsed {
        var id: String?
        var created: Int64?
        var model: String?
        var tier: String?
        var tokens: TokenUsage?
        var tags: [String: String]?
        var response: String?
        var messages: String?
        var cost: String?
        var object = try scanner.beginObject()
        while let key = try scanner.nextKey(&object) {
            if key == "id" {
                field = "id"
                id = try scanner.readString()
            } else if key == "created" {
                field = "created"
                created = try scanner.readInt64()
            } else if key == "model" {
                field = "model"
                model = try Self.interned(&scanner, in: &models)
            } else if key == "usage" {
                field = "usage"
                if !scanner.readNull() {
                    tokens = try UsageSpelling.chatCompletions.read(&scanner, field: &field, cost: &cost)
                }
            } else if key == "service_tier" {
                field = "service_tier"
                tier = scanner.readNull() ? nil : try Self.interned(&scanner, in: &tiers)
            } else if key == "metadata" {
                field = "metadata"
                tags = scanner.readNull() ? nil : try readMetadata(&scanner)
            } else if key == "object" {
                field = "object"
                let (bytes, _) = try scanner.readStringBytes()
                let kind = JSONKey(raw: bytes)
                if kind == "list" { throw ListPageFound() }
                if kind == "response" { throw ResponseObjectFound() }
                guard kind == "chat.completion" else {
                    throw IngestError.field(
                        "object", "must be \"chat.completion\", found \"\(String(decoding: bytes, as: UTF8.self))\"")
                }
            } else if key == "choices", storeContent {
                field = "choices"
                response = String(decoding: try scanner.readRawValue(), as: UTF8.self)
            } else if key == "request", storeContent {
                field = "request"
                messages = try Self.requestMessages(&scanner)
            } else {
                try scanner.skipValue()
            }
        }
        guard let id else { throw IngestError.field("id", "is missing") }
        guard let created else { throw IngestError.field("created", "is missing") }
        try TimeRule.check(seconds: created, field: "created")
        guard let model, !model.isEmpty else { throw IngestError.field("model", "is missing") }
        guard let tokens else {
            throw IngestError.field("usage", "is missing; a completion without usage cannot be costed")
        }
        let record = RequestRecord(
            key: id, model: model, createdAt: created, serviceTier: tier, tokens: tokens, status: "ok", tags: tags,
            reportedCost: cost)
        let content = response == nil && messages == nil ? nil : RequestContent(messages: messages, response: response)
        return Parsed(record: record, content: content)
    }

    /// The `messages` (with its `tools`, see `StoredPrompt`) of a logged request (`{"request":
    /// {"messages": [...]}, ...}`, as applications log a completion beside what they sent) as JSON
    /// text; nil when the request has none. The API's own completion object never carries its
    /// request, so without this a file holds answers only and `dataset build` has no prompt to pair
    /// them with.
    static func requestMessages(_ scanner: inout JSONScanner) throws -> String? {
        if scanner.readNull() { return nil }
        var messages: String?
        var tools: String?
        var object = try scanner.beginObject()
        while let key = try scanner.nextKey(&object) {
            if key == "messages", !scanner.readNull() {
                messages = String(decoding: try scanner.readRawValue(), as: UTF8.self)
            } else if key == "tools", !scanner.readNull() {
                tools = String(decoding: try scanner.readRawValue(), as: UTF8.self)
            } else {
                try scanner.skipValue()
            }
        }
        return messages.map { StoredPrompt.text(messages: $0, tools: tools) }
    }

    /// A gateway's own charge for the request (OpenRouter's `usage.cost`, USD) as the exact text of
    /// the JSON number; nil for null.
    static func reportedCost(_ scanner: inout JSONScanner, _ field: StaticString) throws -> String? {
        if scanner.readNull() { return nil }
        let text = try scanner.readNumberText()
        guard DecimalTextSum.isAmount(text) else {
            throw IngestError.field(field.description, "must be a non-negative amount in USD, found \(text)")
        }
        return text
    }

    private mutating func readMetadata(_ scanner: inout JSONScanner) throws -> [String: String] {
        try Self.metadata(&scanner, cache: &metadataSets, skippingNested: false)
    }

    /// Metadata as tags: string values kept, numbers and booleans as their JSON text, nulls dropped;
    /// a nested value is skipped or, when `skippingNested` is false, an error (it is never a tag).
    static func metadata(
        _ scanner: inout JSONScanner, cache metadataSets: inout ByteKeyedCache<[String: String]>, skippingNested: Bool
    ) throws -> [String: String] {
        let raw = try scanner.readRawValue()
        if let cached = metadataSets.value(for: raw) { return cached }
        var inner = JSONScanner(raw)
        var tags: [String: String] = [:]
        var object = try inner.beginObject()
        while let key = try inner.nextKey(&object) {
            switch inner.peek() {
            case UInt8(ascii: "\""): tags[key.string] = try inner.readString()
            case UInt8(ascii: "t"), UInt8(ascii: "f"): tags[key.string] = try inner.readBool() ? "true" : "false"
            case UInt8(ascii: "n"): _ = inner.readNull()
            case UInt8(ascii: "{"), UInt8(ascii: "[") where skippingNested:
                try inner.skipValue()
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                throw IngestError.field("metadata.\(key.string)", "must be a string, found a nested value")
            default: tags[key.string] = try inner.readNumberText()
            }
        }
        metadataSets.store(tags, for: raw)
        return tags
    }

    static func count(_ scanner: inout JSONScanner, _ field: StaticString) throws -> Int64 {
        let value = try scanner.readInt64()
        guard value >= 0 else { throw IngestError.field(field.description, "must not be negative, found \(value)") }
        return try TokenRule.bounded(value, field: field.description)
    }

    /// A string decoded once per distinct value.
    static func interned(_ scanner: inout JSONScanner, in cache: inout ByteKeyedCache<String>) throws -> String {
        var escapedReader = scanner
        let (bytes, escaped) = try scanner.readStringBytes()
        if escaped { return try escapedReader.readString() }
        if let known = cache.value(for: bytes) { return known }
        let text = String(decoding: bytes, as: UTF8.self)
        cache.store(text, for: bytes)
        return text
    }

    static func join(_ path: String?, _ field: String) -> String? {
        switch (path, field.isEmpty) {
        case (nil, true): return nil
        case (nil, false): return field
        case (let path?, true): return path
        case (let path?, false): return path + "." + field
        }
    }
}

/// Thrown when a line that should be one completion is a whole list page, so the caller can read
/// it as a page instead (JSON Lines of saved pages).
struct ListPageFound: Error {}

/// Thrown when a line that should be a chat completion is a Responses API object, so the caller
/// can read it with `ResponseObjectReader` (a Batch output of `/v1/responses`, a mixed log).
struct ResponseObjectFound: Error {}

/// One stored-completions list page: its requests and the cursor for the next page.
package struct CompletionsPage: Sendable, Equatable {
    package var records: [RequestRecord]
    /// Each record's content, in the same order (nil where none was kept: always without `storeContent`).
    package var contents: [RequestContent?]
    package var hasMore: Bool
    package var lastID: String?
}
