import DistillCore
import Store

/// Reads API pages with the shared page readers (`CompletionObjectReader`, `UsagePageReader`,
/// `CostsPageReader`, `FineTuningJobsPageReader`), adding what an API page must have and a file
/// may omit.
///
/// The readers accept files, so they default a missing `has_more` to false and a missing `data` to
/// empty. From the API either would silently end a pull early, so here every envelope field the
/// reference marks required must be present with its type: `object`, `data`, `has_more`, and
/// `first_id` / `last_id` or `next_page` (which may be null). Any problem becomes an
/// `OpenAIIngestError.unexpectedResponse` naming the endpoint and the field, before anything from
/// the page is written.
enum OpenAIPageReader {
    /// With `storeContent`, each completion's `choices` come with it as the response content.
    static func completions(
        _ body: [UInt8], storeContent: Bool = false
    ) throws -> OpenAIPage<(record: RequestRecord, content: RequestContent?)> {
        try translatingErrors(of: .completions) {
            let envelope = try Envelope(JSONValue.parseForIngest(body), object: "list")
            try envelope.requireNullableString("first_id")
            let lastID = try envelope.requireNullableString("last_id")
            var reader = CompletionObjectReader(storeContent: storeContent)
            let page = try reader.page(from: body)
            return OpenAIPage(
                records: Array(zip(page.records, page.contents).map { (record: $0, content: $1) }), hasMore: envelope.hasMore,
                next: lastID)
        }
    }

    /// One page of a stored completion's request messages (`ChatCompletionMessageList`): each item
    /// a message with its `id`, which is dropped (it names the message, not what was said), and
    /// `content_parts`, which stands in for a null `content` (a message of image parts).
    static func completionMessages(_ body: [UInt8], completionID: String) throws -> OpenAIPage<JSONValue> {
        try translatingErrors({ .unexpectedMessages(completionID: completionID, field: $0, problem: $1) }) {
            let envelope = try Envelope(JSONValue.parseForIngest(body), object: "list")
            try envelope.requireNullableString("first_id")
            let lastID = try envelope.requireNullableString("last_id")
            let messages = try envelope.fields.objects("data").map { item in
                guard item.object["role"]?.stringValue != nil else {
                    throw IngestError.field(item.name("role"), "must be a string")
                }
                let parts = item.object["content_parts"]
                let members = item.object.members.compactMap { member -> (key: String, value: JSONValue)? in
                    switch member.key {
                    case "id", "content_parts": return nil
                    case "content" where member.value == .null && parts != nil && parts != .null: return (member.key, parts ?? .null)
                    default: return member
                    }
                }
                return JSONValue.object(JSONObject(members))
            }
            return OpenAIPage(records: messages, hasMore: envelope.hasMore, next: lastID)
        }
    }

    static func usage(_ body: [UInt8]) throws -> OpenAIPage<UsageBucketRecord> {
        try translatingErrors(of: .usage) {
            let value = try JSONValue.parseForIngest(body)
            let envelope = try Envelope(value, object: "page")
            let next = try envelope.requireNullableString("next_page")
            let ends = try envelope.bucketEnds()
            return OpenAIPage(
                records: try UsagePageReader().read(value).records, hasMore: envelope.hasMore, next: next, bucketEnds: ends)
        }
    }

    static func costs(_ body: [UInt8]) throws -> OpenAIPage<BilledCostRecord> {
        try translatingErrors(of: .costs) {
            let value = try JSONValue.parseForIngest(body)
            let envelope = try Envelope(value, object: "page")
            let next = try envelope.requireNullableString("next_page")
            let ends = try envelope.bucketEnds()
            return OpenAIPage(
                records: try CostsPageReader().read(value).records, hasMore: envelope.hasMore, next: next, bucketEnds: ends)
        }
    }

    /// The list has no `last_id`: the next page is `after` the last job on this one.
    static func fineTuningJobs(_ body: [UInt8]) throws -> OpenAIPage<FineTuningJobRecord> {
        try translatingErrors(of: .fineTuning) {
            let value = try JSONValue.parseForIngest(body)
            let envelope = try Envelope(value, object: "list")
            let page = try FineTuningJobsPageReader().read(value)
            return OpenAIPage(records: page.records, hasMore: envelope.hasMore, next: page.records.last?.id)
        }
    }

    private static func translatingErrors<Page>(of endpoint: OpenAIEndpoint, _ body: () throws -> Page) throws -> Page {
        try translatingErrors({ .unexpectedResponse(endpoint: endpoint, field: $0, problem: $1) }, body)
    }

    /// A page's invalid value as the pull's error (`field`, `problem`), which names the request.
    private static func translatingErrors<Page>(
        _ error: (String?, String) -> OpenAIIngestError, _ body: () throws -> Page
    ) throws -> Page {
        do {
            return try body()
        } catch IngestError.invalidValue(let diagnostic) {
            throw error(diagnostic.field, diagnostic.message)
        }
    }

    /// The required members of a list or page envelope.
    private struct Envelope {
        let fields: JSONFields
        let hasMore: Bool

        init(_ value: JSONValue, object: String) throws {
            fields = try JSONFields(value, path: "")
            let kind = try fields.string("object")
            guard kind == object else { throw IngestError.field("object", "must be \"\(object)\", found \"\(kind)\"") }
            guard let data = fields.object["data"] else { throw IngestError.field("data", "is missing") }
            guard case .array = data else { throw IngestError.field("data", "must be an array, found \(data.typeName)") }
            guard let more = fields.object["has_more"] else { throw IngestError.field("has_more", "is missing") }
            guard case .bool(let flag) = more else {
                throw IngestError.field("has_more", "must be true or false, found \(more.typeName)")
            }
            hasMore = flag
        }

        /// A member that must be present, as a string or null.
        @discardableResult
        func requireNullableString(_ key: String) throws -> String? {
            guard fields.object[key] != nil else { throw IngestError.field(key, "is missing") }
            return try fields.optionalString(key)
        }

        /// Each bucket must say it is one and carry its `results` array, even when empty.
        func bucketEnds() throws -> [Int64] {
            try fields.objects("data").map { bucket in
                let kind = try bucket.string("object")
                guard kind == "bucket" else {
                    throw IngestError.field(bucket.name("object"), "must be \"bucket\", found \"\(kind)\"")
                }
                guard let results = bucket.object["results"], case .array = results else {
                    throw IngestError.field(bucket.name("results"), "must be an array")
                }
                return try bucket.int64("end_time")
            }
        }
    }
}
