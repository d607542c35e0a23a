import DistillCore
import Store

/// Reads exported OpenAI eval runs (`eval.run`) and their output items (`eval.run.output_item`),
/// in whatever envelope the export used: single objects, list pages, arrays, or an object holding
/// them (`{"run": {...}, "output_items": [...]}`), as JSON or JSON Lines.
///
/// A run gives its record and its `per_model_usage` (the tokens the run itself cost, per model).
/// Each output item gives one score per grader result, keyed by run, `datasource_item_id` (so a
/// teacher and a student run compare on the same items) and grader name. The hosted Evals service
/// is shutting down, so these exports are what teams keep.
struct EvalRunsReader {
    private let scale: ScoreScale?
    /// Models of runs seen so far, for output items that do not name their sample's model.
    private var runModels: [String: String] = [:]

    init(scale: ScoreScale?) {
        self.scale = scale
    }

    mutating func read(_ value: JSONValue, emit: Emit) throws {
        try visit(value, path: "", emit: emit)
    }

    private mutating func visit(_ value: JSONValue, path: String, emit: Emit) throws {
        switch value {
        case .array(let elements):
            for (index, element) in elements.enumerated() {
                try visit(element, path: "\(path)[\(index)]", emit: emit)
            }
        case .object(let object):
            let fields = JSONFields(object, path: path)
            switch try fields.optionalString("object") {
            case "eval.run": try run(fields, emit: emit)
            case "eval.run.output_item": try outputItem(fields, emit: emit)
            default:
                for (key, member) in object.members {
                    switch member {
                    case .array, .object: try visit(member, path: fields.name(key), emit: emit)
                    default: continue
                    }
                }
            }
        default:
            return
        }
    }

    private mutating func run(_ fields: JSONFields, emit: Emit) throws {
        let id = try fields.string("id")
        let dataSourceModel = try fields.optionalObject("data_source")?.optionalString("model")
        let model = try fields.optionalString("model") ?? dataSourceModel ?? "unknown"
        runModels[id] = model
        try emit(
            .evalRun(
                EvalRunRecord(
                    id: id, evalName: try fields.optionalString("eval_id") ?? (try fields.optionalString("name") ?? id),
                    model: model, status: try fields.optionalString("status") ?? "completed",
                    createdAt: try fields.time("created_at"))))
        for usage in try fields.objects("per_model_usage") {
            let input = try usage.count("prompt_tokens")
            let cached = try usage.optionalCount("cached_tokens") ?? 0
            guard cached <= input else {
                throw IngestError.field(
                    usage.name("cached_tokens"),
                    "\(cached) cached tokens exceed the \(input) prompt tokens they are part of")
            }
            try emit(
                .evalRunUsage(
                    EvalRunUsageRecord(
                        runID: id, model: try usage.string("model_name"),
                        invocationCount: try usage.optionalCount("invocation_count") ?? 0,
                        inputTokens: input, cachedInputTokens: cached,
                        outputTokens: try usage.count("completion_tokens"))))
        }
    }

    private mutating func outputItem(_ fields: JSONFields, emit: Emit) throws {
        let runID = try fields.string("run_id")
        let sampleModel = try fields.optionalObject("sample")?.optionalString("model")
        let model = sampleModel ?? runModels[runID] ?? "unknown"
        let item: String
        if let index = try? fields.optionalInt64("datasource_item_id") {
            item = String(index)
        } else if let text = try fields.optionalString("datasource_item_id") {
            item = text
        } else {
            item = try fields.string("id")
        }
        try emit(
            .impliedEvalRun(
                EvalRunRecord(
                    id: runID, evalName: try fields.optionalString("eval_id") ?? runID, model: model,
                    createdAt: try fields.time("created_at"))))
        for result in try fields.objects("results") {
            let score = try result.optionalDouble("score").map {
                try ScoreScale.normalise($0, scale: scale, field: result.name("score"))
            }
            let passed = try result.optionalBool("passed")
            guard score != nil || passed != nil else {
                throw IngestError.field(result.name("score"), "is missing (a result needs a score or passed)")
            }
            try emit(
                .evalScore(
                    EvalScoreRecord(
                        runID: runID, itemID: item, grader: try result.optionalString("name") ?? "", model: model,
                        score: score,
                        passed: passed)))
        }
    }
}
