import Store

/// A `GET /chat/completions` page (`ChatCompletionList`): all five envelope fields are required.
struct StoredCompletionsPage: Decodable {
    let object: String
    let data: [Completion]
    let firstID: String?
    let lastID: String?
    let hasMore: Bool

    enum CodingKeys: String, CodingKey {
        case object, data, firstID = "first_id", lastID = "last_id", hasMore = "has_more"
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        object = try container.decode(String.self, forKey: .object)
        data = try container.decode([Completion].self, forKey: .data)
        firstID = try container.decode(String?.self, forKey: .firstID)
        lastID = try container.decode(String?.self, forKey: .lastID)
        hasMore = try container.decode(Bool.self, forKey: .hasMore)
    }

    /// A `chat.completion` object, reduced to what a request row keeps.
    struct Completion: Decodable {
        let id: String
        let object: String
        let created: Int64
        let model: String
        let usage: Usage?
        let serviceTier: String?
        let metadata: [String: String]?

        enum CodingKeys: String, CodingKey {
            case id, object, created, model, usage, serviceTier = "service_tier", metadata
        }
    }

    struct Usage: Decodable {
        let promptTokens: Int64
        let completionTokens: Int64
        let promptTokensDetails: PromptDetails?
        let completionTokensDetails: CompletionDetails?

        enum CodingKeys: String, CodingKey {
            case promptTokens = "prompt_tokens", completionTokens = "completion_tokens"
            case promptTokensDetails = "prompt_tokens_details", completionTokensDetails = "completion_tokens_details"
        }
    }

    struct PromptDetails: Decodable {
        let cachedTokens: Int64?
        let cacheWriteTokens: Int64?

        enum CodingKeys: String, CodingKey {
            case cachedTokens = "cached_tokens", cacheWriteTokens = "cache_write_tokens"
        }
    }

    struct CompletionDetails: Decodable {
        let reasoningTokens: Int64?

        enum CodingKeys: String, CodingKey { case reasoningTokens = "reasoning_tokens" }
    }

    static func decode(_ body: [UInt8]) throws -> StoredCompletionsPage {
        let page = try PageDecoding.decode(Self.self, from: body, endpoint: .completions)
        try PageDecoding.expect(page.object, equals: "list", field: "object", endpoint: .completions)
        for (index, item) in page.data.enumerated() {
            try PageDecoding.expect(item.object, equals: "chat.completion", field: "data[\(index)].object", endpoint: .completions)
        }
        return page
    }

    /// Tokens with the API's meaning: prompt includes cached and cache-write, completion includes reasoning.
    var records: [RequestRecord] {
        data.map { item in
            RequestRecord(
                key: item.id, model: item.model, createdAt: item.created, serviceTier: item.serviceTier,
                tokens: item.usage.map { usage in
                    TokenCounts(
                        input: usage.promptTokens, cachedInput: usage.promptTokensDetails?.cachedTokens ?? 0,
                        cacheWrite: usage.promptTokensDetails?.cacheWriteTokens ?? 0, output: usage.completionTokens,
                        reasoning: usage.completionTokensDetails?.reasoningTokens ?? 0)
                },
                status: "ok", tags: item.metadata)
        }
    }
}
