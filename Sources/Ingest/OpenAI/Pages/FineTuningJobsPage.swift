import Store

/// A `GET /fine_tuning/jobs` page: `{object: "list", data, has_more}`, newest job first, with no
/// `last_id` (the next page is `after` the last job's id).
struct FineTuningJobsPage: Decodable {
    let object: String
    let data: [Job]
    let hasMore: Bool

    enum CodingKeys: String, CodingKey { case object, data, hasMore = "has_more" }

    /// A `fine_tuning.job`. The S1 list example omits most fields the schema calls required, so
    /// only what identifies and dates the job is required here.
    struct Job: Decodable {
        let object: String
        let id: String
        let model: String
        let createdAt: Int64
        let status: String
        let finishedAt: Int64?
        let fineTunedModel: String?
        let trainedTokens: Int64?
        let trainingFile: String?
        let hyperparameters: Hyperparameters?
        let method: Method?
        let metadata: [String: String]?

        enum CodingKeys: String, CodingKey {
            case object, id, model, createdAt = "created_at", status, finishedAt = "finished_at"
            case fineTunedModel = "fine_tuned_model", trainedTokens = "trained_tokens", trainingFile = "training_file"
            case hyperparameters, method, metadata
        }

        /// Terminal statuses never change again; any other (including ones added later) may.
        var isFinal: Bool { ["succeeded", "failed", "cancelled"].contains(status) }
    }

    /// `n_epochs` is `"auto"` or an integer; only an integer is a known epoch count.
    struct Hyperparameters: Decodable {
        let epochs: Int64?

        enum CodingKeys: String, CodingKey { case epochs = "n_epochs" }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            epochs = try? container.decodeIfPresent(Int64.self, forKey: .epochs)
        }
    }

    /// `{"type": "dpo", "dpo": {"hyperparameters": {...}}}`.
    struct Method: Decodable {
        let type: String
        let epochs: Int64?

        struct Key: CodingKey {
            let stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        struct Settings: Decodable { let hyperparameters: Hyperparameters? }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: Key.self)
            type = try container.decode(String.self, forKey: Key(stringValue: "type"))
            let settings = try? container.decodeIfPresent(Settings.self, forKey: Key(stringValue: type))
            epochs = settings?.hyperparameters?.epochs
        }
    }

    static func decode(_ body: [UInt8]) throws -> FineTuningJobsPage {
        let page = try PageDecoding.decode(Self.self, from: body, endpoint: .fineTuning)
        try PageDecoding.expect(page.object, equals: "list", field: "object", endpoint: .fineTuning)
        for (index, job) in page.data.enumerated() {
            try PageDecoding.expect(job.object, equals: "fine_tuning.job", field: "data[\(index)].object", endpoint: .fineTuning)
        }
        return page
    }

    static func record(_ job: Job) -> FineTuningJobRecord {
        FineTuningJobRecord(
            id: job.id, baseModel: job.model, fineTunedModel: job.fineTunedModel, status: job.status,
            method: job.method?.type ?? "supervised", trainedTokens: job.trainedTokens,
            epochs: job.method?.epochs ?? job.hyperparameters?.epochs, trainingFile: job.trainingFile,
            createdAt: job.createdAt, finishedAt: job.finishedAt, metadata: job.metadata.map(TagSet.canonicalJSON))
    }
}
