import DistillCore
import Store

/// Reads a page of the organization usage API for completions (`/v1/organization/usage/completions`):
/// `{"object":"page","data":[bucket...],"has_more":..,"next_page":..}`, each bucket's `results`
/// becoming one usage bucket record.
///
/// Grouping fields the request did not group by are null: the model is then `ungroupedModel`, the
/// project and tier empty, and batch false.
package struct UsagePageReader {
    /// The model name of results not grouped by model.
    package static let ungroupedModel = "(all models)"

    package init() {}

    package func read(_ bytes: UnsafeRawBufferPointer) throws -> UsagePage {
        try read(JSONValue.parseForIngest(bytes))
    }

    package func read(_ bytes: [UInt8]) throws -> UsagePage {
        try bytes.withUnsafeBytes { try read($0) }
    }

    func read(_ value: JSONValue) throws -> UsagePage {
        let page = try JSONFields(value, path: "")
        var records: [UsageBucketRecord] = []
        for bucket in try page.objects("data") {
            let start = try bucket.time("start_time")
            let end = try bucket.int64("end_time")
            guard end > start else { throw IngestError.field(bucket.name("end_time"), "must be after start_time") }
            for result in try bucket.objects("results") {
                if let kind = try result.optionalString("object"), kind != "organization.usage.completions.result" {
                    throw IngestError.field(
                        result.name("object"), "must be \"organization.usage.completions.result\", found \"\(kind)\"")
                }
                let input = try result.count("input_tokens")
                let cached = try result.optionalCount("input_cached_tokens") ?? 0
                guard cached <= input else {
                    throw IngestError.field(
                        result.name("input_cached_tokens"),
                        "\(cached) cached tokens exceed the \(input) input tokens they are part of")
                }
                records.append(
                    UsageBucketRecord(
                        startTime: start, endTime: end,
                        model: try result.optionalString("model") ?? Self.ungroupedModel,
                        project: try result.optionalString("project_id") ?? "",
                        isBatch: try result.optionalBool("batch") ?? false,
                        serviceTier: try result.optionalString("service_tier") ?? "",
                        requestCount: try result.count("num_model_requests"), inputTokens: input,
                        cachedInputTokens: cached,
                        outputTokens: try result.count("output_tokens")))
            }
        }
        return UsagePage(
            records: records, hasMore: try page.optionalBool("has_more") ?? false,
            nextPage: try page.optionalString("next_page"))
    }
}

/// One usage page's buckets, and the cursor for the next page (`page=`).
package struct UsagePage: Sendable, Equatable {
    package var records: [UsageBucketRecord]
    package var hasMore: Bool
    package var nextPage: String?
}
