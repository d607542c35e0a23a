import DistillCore
import Store

/// A Fireworks AI fine-tuning job (`GET /v1/accounts/{account}/supervisedFineTuningJobs/{id}`, `dpoJobs`,
/// `reinforcementFineTuningJobs`, or an element of their list pages).
///
/// The job's `name` (`accounts/ACCOUNT/supervisedFineTuningJobs/ID`) is its id, and its collection
/// gives the method. `baseModel`, `outputModel` (the fine-tuned model, as inference logs name it),
/// `state` (`JOB_STATE_COMPLETED`, ...), `epochs`, `dataset`, `createTime` and `completedTime` are
/// read. The object reports neither trained tokens nor a charge, so training is priced from the
/// catalog (or entered in a one-time costs file). `loraRank` is kept in the metadata.
enum FireworksFineTuningJob {
    /// The list pages' members holding jobs.
    static let listMembers = ["supervisedFineTuningJobs", "dpoJobs", "reinforcementFineTuningJobs"]

    static func isJob(_ object: JSONObject) -> Bool {
        object["baseModel"] != nil && object["state"] != nil
    }

    static func record(_ job: JSONFields) throws -> FineTuningJobRecord {
        let name = try job.string("name")
        let method: String
        if name.contains("/dpoJobs/") {
            method = "dpo"
        } else if name.contains("/reinforcementFineTuningJobs/") {
            method = "reinforcement"
        } else {
            method = "supervised"
        }
        var metadata = ["provider": "fireworks"]
        if job.value("loraRank") != nil { metadata["lora_rank"] = String(try job.int64("loraRank")) }
        let status = normalisedState(try job.string("state"))
        return FineTuningJobRecord(
            id: name, baseModel: try job.string("baseModel"), fineTunedModel: try job.optionalString("outputModel"),
            status: status, method: method, trainedTokens: nil, epochs: try job.optionalCount("epochs"),
            trainingFile: try job.optionalString("dataset"), createdAt: try job.textOrUnixTime("createTime"),
            finishedAt: try job.optionalTextOrUnixTime("completedTime"), metadata: TagSet.canonicalJSON(metadata))
    }

    /// `JOB_STATE_*` in OpenAI's words.
    static func normalisedState(_ state: String) -> String {
        let bare = state.hasPrefix("JOB_STATE_") ? String(state.dropFirst("JOB_STATE_".count)) : state
        switch bare.uppercased() {
        case "COMPLETED": return "succeeded"
        case "FAILED", "FAILED_CLEANING_UP", "EXPIRED": return "failed"
        case "CANCELLED", "CANCELLING", "DELETING": return "cancelled"
        case "CREATING", "PENDING", "UNSPECIFIED": return "queued"
        case "RUNNING", "VALIDATING", "WRITING_RESULTS", "EVALUATION", "RE_QUEUEING", "POLICY_UPDATE":
            return "running"
        default: return bare.lowercased()
        }
    }
}
