import DistillCore
import Store

/// Reads fine-tuning job objects: OpenAI's (`fine_tuning.job`), Together's (`TogetherFineTuneJob`) and
/// Fireworks' (`FireworksFineTuningJob`); a list page (`{"object":"list","data":[...]}`, Together's
/// `{"data":[...]}`, Fireworks' `{"supervisedFineTuningJobs":[...]}`), a JSON array, or a single job.
///
/// `trained_tokens` is the job's only billing field; `n_epochs` comes from `hyperparameters` or
/// from `method.<type>.hyperparameters` (nil while it is `"auto"`).
package struct FineTuningJobsPageReader {
    package init() {}

    package func read(_ bytes: UnsafeRawBufferPointer) throws -> FineTuningJobsPage {
        try read(JSONValue.parseForIngest(bytes))
    }

    package func read(_ bytes: [UInt8]) throws -> FineTuningJobsPage {
        try bytes.withUnsafeBytes { try read($0) }
    }

    func read(_ value: JSONValue) throws -> FineTuningJobsPage {
        switch value {
        case .array(let elements):
            let jobs = try elements.enumerated().map { try Self.anyJob(JSONFields($1, path: "[\($0)]")) }
            return FineTuningJobsPage(records: jobs, hasMore: false, lastID: jobs.last?.id)
        case .object(let object):
            let fields = JSONFields(object)
            if try fields.optionalString("object") == "list" {
                let jobs = try fields.objects("data").map(Self.job)
                return FineTuningJobsPage(
                    records: jobs, hasMore: try fields.optionalBool("has_more") ?? false, lastID: jobs.last?.id)
            }
            for member in ["data"] + FireworksFineTuningJob.listMembers where object[member] != nil {
                let jobs = try fields.objects(member).map(Self.anyJob)
                return FineTuningJobsPage(records: jobs, hasMore: false, lastID: jobs.last?.id)
            }
            let job = try Self.anyJob(fields)
            return FineTuningJobsPage(records: [job], hasMore: false, lastID: job.id)
        default:
            throw IngestError.field(nil, "must be a fine-tuning job object or a list page, found \(value.typeName)")
        }
    }

    /// A job of whichever provider its members say.
    static func anyJob(_ fields: JSONFields) throws -> FineTuningJobRecord {
        if FireworksFineTuningJob.isJob(fields.object) { return try FireworksFineTuningJob.record(fields) }
        if TogetherFineTuneJob.distinctiveMembers.contains(where: { fields.object[$0] != nil }) {
            return try TogetherFineTuneJob.record(fields)
        }
        return try job(fields)
    }

    /// An OpenAI `fine_tuning.job`.
    static func job(_ fields: JSONFields) throws -> FineTuningJobRecord {
        if let kind = try fields.optionalString("object"), kind != "fine_tuning.job" {
            throw IngestError.field(fields.name("object"), "must be \"fine_tuning.job\", found \"\(kind)\"")
        }
        let method = try fields.optionalObject("method")
        let methodType = try method?.optionalString("type") ?? "supervised"
        var epochs = try epochCount(fields.optionalObject("hyperparameters"))
        if epochs == nil, let method, let detail = try method.optionalObject(methodType) {
            epochs = try epochCount(detail.optionalObject("hyperparameters"))
        }
        let metadata = try fields.stringMap("metadata").flatMap { $0.isEmpty ? nil : TagSet.canonicalJSON($0) }
        return FineTuningJobRecord(
            id: try fields.string("id"), baseModel: try fields.string("model"),
            fineTunedModel: try fields.optionalString("fine_tuned_model"), status: try fields.string("status"),
            method: methodType, trainedTokens: try fields.optionalCount("trained_tokens"), epochs: epochs,
            trainingFile: try fields.optionalString("training_file"), createdAt: try fields.time("created_at"),
            finishedAt: try fields.optionalTime("finished_at"), metadata: metadata)
    }

    /// `n_epochs` is an integer or `"auto"` (not known until the job runs).
    private static func epochCount(_ hyperparameters: JSONFields?) throws -> Int64? {
        guard let hyperparameters, let value = hyperparameters.value("n_epochs") else { return nil }
        if case .string = value { return nil }
        return try hyperparameters.optionalCount("n_epochs")
    }
}

/// One page of fine-tuning jobs and whether another follows (pass `lastID` as `after`).
package struct FineTuningJobsPage: Sendable, Equatable {
    package var records: [FineTuningJobRecord]
    package var hasMore: Bool
    package var lastID: String?
}
