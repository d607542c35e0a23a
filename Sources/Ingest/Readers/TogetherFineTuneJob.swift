import DistillCore
import Store

/// A Together AI fine-tuning job object (`GET /v1/fine-tunes/{id}`, or an element of the list's `data`).
///
/// `total_price` is the job's actual charge in nanodollars (the Together SDK's
/// `finetune_price_to_dollars` divides it by 10⁹); it is stored as exact USD text. `token_count` is
/// the tokens the job was billed for (epochs × training tokens + evaluation passes), `model_output_name`
/// the fine-tuned model. Times are RFC 3339 text; a finished job's `updated_at` is its finish time.
/// `training_method.method` (`sft`, `dpo`) and `training_type.type` (`Lora`, `Full`) are kept: the
/// method as the job's method, the type in its metadata beside `provider: together`.
enum TogetherFineTuneJob {
    /// Members only Together's job object has: a file of them is recognised by any.
    static let distinctiveMembers = ["model_output_name", "total_price", "token_count", "training_type"]

    static func record(_ job: JSONFields) throws -> FineTuningJobRecord {
        let status = try job.string("status")
        let normalised = normalisedStatus(status)
        let finished = ["succeeded", "failed", "cancelled"].contains(normalised)
        let method: String
        switch try job.optionalObject("training_method")?.optionalString("method") {
        case nil, "sft"?: method = "supervised"
        case let other?: method = other
        }
        var metadata = ["provider": "together"]
        metadata["training_type"] = try job.optionalObject("training_type")?.optionalString("type")
        return FineTuningJobRecord(
            id: try job.string("id"), baseModel: try job.string("model"),
            fineTunedModel: try job.optionalString("model_output_name"), status: normalised, method: method,
            trainedTokens: try job.optionalCount("token_count"), epochs: try job.optionalCount("n_epochs"),
            trainingFile: try job.optionalString("training_file"), createdAt: try job.textOrUnixTime("created_at"),
            finishedAt: finished ? try job.optionalTextOrUnixTime("updated_at") : nil,
            metadata: TagSet.canonicalJSON(metadata), charge: try charge(job))
    }

    /// Together's statuses in OpenAI's words, so the reports' "succeeded" means the same everywhere.
    static func normalisedStatus(_ status: String) -> String {
        switch status.lowercased() {
        case "completed": return "succeeded"
        case "error", "user_error": return "failed"
        case "cancelled", "cancel_requested": return "cancelled"
        case "pending", "queued": return "queued"
        case "running", "compressing", "uploading": return "running"
        default: return status.lowercased()
        }
    }

    /// `total_price` (nanodollars) as USD text; a fractional nanodollar count is shifted exactly too.
    private static func charge(_ job: JSONFields) throws -> String? {
        guard job.value("total_price") != nil else { return nil }
        let text = try job.numberText("total_price")
        guard let dollars = DecimalAmount.shifted(text, left: 9) else {
            throw IngestError.field(
                job.name("total_price"), "must be a plain non-negative decimal number of nanodollars, found \(text)")
        }
        return dollars
    }
}
