import Store

/// An `organization.usage.completions.result`: the four required fields, and the grouping fields
/// that are set only for the `group_by` dimensions asked for.
struct UsageResult: Decodable {
    let object: String
    let inputTokens: Int64
    let outputTokens: Int64
    let numModelRequests: Int64
    let inputCachedTokens: Int64?
    let projectID: String?
    let model: String?
    let batch: Bool?
    let serviceTier: String?

    enum CodingKeys: String, CodingKey {
        case object, inputTokens = "input_tokens", outputTokens = "output_tokens"
        case numModelRequests = "num_model_requests", inputCachedTokens = "input_cached_tokens"
        case projectID = "project_id", model, batch, serviceTier = "service_tier"
    }

    static let objectName = "organization.usage.completions.result"

    /// A model the API did not name (traffic not attributable to one) is recorded as `unknown`.
    func record(start: Int64, end: Int64) -> UsageBucketRecord {
        UsageBucketRecord(
            startTime: start, endTime: end, model: model ?? "unknown", project: projectID ?? "", isBatch: batch ?? false,
            serviceTier: serviceTier ?? "", requestCount: numModelRequests, inputTokens: inputTokens,
            cachedInputTokens: inputCachedTokens ?? 0, outputTokens: outputTokens)
    }
}
