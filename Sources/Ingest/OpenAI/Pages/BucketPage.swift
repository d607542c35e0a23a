/// The page envelope shared by `/organization/usage/*` and `/organization/costs`: time buckets,
/// each with result objects, and a `next_page` cursor. Every envelope field is required.
struct BucketPage<Result: Decodable>: Decodable {
    let object: String
    let data: [Bucket]
    let hasMore: Bool
    let nextPage: String?

    struct Bucket: Decodable {
        let object: String
        let startTime: Int64
        let endTime: Int64
        let results: [Result]

        enum CodingKeys: String, CodingKey {
            case object, startTime = "start_time", endTime = "end_time", results
        }
    }

    enum CodingKeys: String, CodingKey {
        case object, data, hasMore = "has_more", nextPage = "next_page"
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        object = try container.decode(String.self, forKey: .object)
        data = try container.decode([Bucket].self, forKey: .data)
        hasMore = try container.decode(Bool.self, forKey: .hasMore)
        nextPage = try container.decode(String?.self, forKey: .nextPage)
    }

    static func decode(_ body: [UInt8], endpoint: OpenAIEndpoint) throws -> BucketPage {
        let page = try PageDecoding.decode(Self.self, from: body, endpoint: endpoint)
        try PageDecoding.expect(page.object, equals: "page", field: "object", endpoint: endpoint)
        for (index, bucket) in page.data.enumerated() {
            try PageDecoding.expect(bucket.object, equals: "bucket", field: "data[\(index)].object", endpoint: endpoint)
            guard bucket.endTime > bucket.startTime else {
                throw OpenAIIngestError.unexpectedResponse(
                    endpoint: endpoint, field: "data[\(index)].end_time", problem: "not after start_time")
            }
        }
        return page
    }
}
