import DistillCore
import Ingest

/// Emits the demo history as the files users ingest: Chat Completion JSONL, Batch output JSONL,
/// a request-log CSV with latency, eval scores JSONL and a fine-tuning jobs page.
///
/// Streaming: one request is generated, written and forgotten at a time, so millions of rows use
/// the same memory as thousands. Every random draw happens in a fixed order, so a seed fixes
/// every byte of every file.
struct DemoHistoryWriter {
    let scenario: DemoScenario

    struct Files: Sendable {
        let completions: String
        let batchOutput: String
        let requestLog: String
        let evalScores: String
        let fineTuningJobs: String

        init(directory: String) {
            completions = directory + "/completions.jsonl"
            batchOutput = directory + "/batch-output.jsonl"
            requestLog = directory + "/requests.csv"
            evalScores = directory + "/eval-scores.jsonl"
            fineTuningJobs = directory + "/fine-tuning-jobs.json"
        }

        /// In the order they must be ingested: completions before the log that completes them.
        var all: [String] { ingestOrder.map(\.path) }

        /// `all`, each with the kind of file it is.
        var ingestOrder: [(path: String, kind: FileKind)] {
            [
                (completions, .completions), (batchOutput, .batchOutput), (requestLog, .requests),
                (evalScores, .scores), (fineTuningJobs, .fineTuneJobs),
            ]
        }
    }

    /// One generated request, before it is written in each file's format.
    private struct Call {
        var id: String
        var created: Int64
        var model: String
        var useCase: String
        var project: String
        var prompt: Int64
        var cached: Int64
        var completion: Int64
        var latencyMs: Int64
        var timeToFirstTokenMs: Int64
        var failed: Bool
        var purpose: String?
    }

    func emit(to directory: String) throws -> Files {
        let files = Files(directory: directory)
        let completions = try BufferedOutputFile(path: files.completions)
        let batch = try BufferedOutputFile(path: files.batchOutput)
        let log = try BufferedOutputFile(path: files.requestLog)
        try log.write("request_id,timestamp,model,input_tokens,cached_tokens,output_tokens,latency_ms,ttft_ms,status,use_case\n")

        var random = DemoRandom(seed: scenario.seed)
        var sequence: UInt64 = 0
        var distillationTokens: [String: Int64] = [:]
        let perDay = scenario.requestsPerDay()
        let cumulativeWeights = DemoScenario.useCases.reduce(into: [Double]()) { $0.append(($0.last ?? 0) + $1.weight) }

        for (offset, count) in perDay.enumerated() {
            let day = scenario.start.adding(days: offset)
            for slot in 0..<count {
                let draw = random.unit() * (cumulativeWeights.last ?? 1)
                let useCase = DemoScenario.useCases[cumulativeWeights.firstIndex { draw < $0 } ?? 0]
                let student = scenario.student(for: useCase)
                let onStudent = student != nil && random.chance(scenario.studentShare(of: useCase, on: day))
                let canaryShare = useCase.name == "support" ? scenario.canaryShare(on: day) : 0
                let onCanary = onStudent && canaryShare > 0 && random.chance(canaryShare)
                let created = day.unixSeconds + Int64((Double(slot) + random.unit()) * 86_400 / Double(count))
                var call = makeCall(
                    &random, &sequence, created: created, useCase: useCase, onStudent: onStudent,
                    model: onCanary ? DemoScenario.openWeightStudent : (onStudent ? student?.model : nil))
                if let student, !onStudent, day < student.distillationEnds, random.chance(0.4) {
                    call.purpose = "distillation"
                    distillationTokens[student.model, default: 0] += call.prompt + call.completion
                }
                if !onStudent, random.chance(useCase.batchShare) {
                    try batch.write(batchLine(call, random.chance(0.02)))
                } else {
                    try write(call, completions: completions, log: log)
                }
            }
        }
        // The evaluation draws from its own stream, so a change to the traffic leaves the scores as they are.
        var evaluationRandom = DemoRandom(seed: scenario.seed ^ 0x5EED_E7A1)
        try writeEvaluation(&evaluationRandom, &sequence, completions: completions, log: log, scoresPath: files.evalScores)
        try completions.close()
        try batch.close()
        try log.close()
        try writeFineTuningJobs(
            trainedTokens: distillationTokens.mapValues { $0 * DemoScenario.epochs }, path: files.fineTuningJobs)
        return files
    }

    private func makeCall(
        _ random: inout DemoRandom, _ sequence: inout UInt64, created: Int64, useCase: DemoScenario.UseCase,
        onStudent: Bool, model: String? = nil
    ) -> Call {
        sequence += 1
        var mixer = SplitMix64(seed: scenario.seed ^ (sequence &* 0x2545_F491_4F6C_DD1D))
        let id = "chatcmpl-demo" + String(mixer.next(), radix: 36)
        let promptMedian = onStudent ? useCase.studentPrompt : useCase.teacherPrompt
        let prompt = Int64(max(20, random.logNormal(median: promptMedian, sigma: 0.35)).rounded())
        let completion = Int64(max(5, random.logNormal(median: useCase.completion, sigma: 0.5)).rounded())
        // The API caches whole 128-token blocks of a repeated prefix of at least 1,024 tokens.
        let cached = prompt >= 1024 && random.chance(0.6) ? min(prompt, 1152) / 128 * 128 : 0
        let perToken = onStudent ? 3.0 : 9.0
        let latency = (onStudent ? 150 : 350) + Double(completion) * perToken * random.logNormal(median: 1, sigma: 0.25)
        let firstToken = random.logNormal(median: onStudent ? 160 : 420, sigma: 0.3)
        return Call(
            id: id, created: created,
            model: model ?? (onStudent ? DemoScenario.student : DemoScenario.teacher),
            useCase: useCase.name, project: useCase.project, prompt: prompt, cached: cached, completion: completion,
            latencyMs: Int64(latency.rounded()), timeToFirstTokenMs: Int64(min(firstToken, latency).rounded()),
            failed: random.chance(onStudent ? 0.008 : 0.006), purpose: nil)
    }

    /// A successful call goes to the completions file and the log; a failed one only to the log
    /// (a failed call returns no completion object) with zero tokens.
    private func write(_ call: Call, completions: BufferedOutputFile, log: BufferedOutputFile) throws {
        if !call.failed { try completions.write(completionObject(call) + "\n") }
        let tokens = call.failed ? "0,0,0" : "\(call.prompt),\(call.cached),\(call.completion)"
        try log.write(
            "\(call.id),\(Timestamp.iso8601(call.created)),\(call.model),\(tokens),\(call.latencyMs),"
                + "\(call.timeToFirstTokenMs),\(call.failed ? "error" : "ok"),\(call.useCase)\n")
    }

    private func completionObject(_ call: Call) -> String {
        var metadata = ["use_case": call.useCase]
        if let purpose = call.purpose { metadata["purpose"] = purpose }
        let usage = JSONText.object([
            "prompt_tokens": "\(call.prompt)", "completion_tokens": "\(call.completion)",
            "total_tokens": "\(call.prompt + call.completion)",
            "prompt_tokens_details": #"{"cached_tokens":\#(call.cached),"audio_tokens":0}"#,
            "completion_tokens_details":
                #"{"reasoning_tokens":0,"audio_tokens":0,"accepted_prediction_tokens":0,"rejected_prediction_tokens":0}"#,
        ])
        return JSONText.object([
            "id": JSONText.quoted(call.id), "object": #""chat.completion""#, "created": "\(call.created)",
            "model": JSONText.quoted(call.model),
            "choices": #"[{"index":0,"message":{"role":"assistant","content":"Synthetic \#(call.useCase) answer.","refusal":null,"annotations":[]},"logprobs":null,"finish_reason":"stop"}]"#,
            "usage": usage, "service_tier": #""default""#, "system_fingerprint": #""fp_demo""#,
            "metadata": JSONText.sortedStringObject(metadata),
        ])
    }

    private func batchLine(_ call: Call, _ errored: Bool) -> String {
        let customID = JSONText.quoted("request-" + call.id.dropFirst("chatcmpl-".count))
        let requestID = JSONText.quoted("req_" + call.id.dropFirst("chatcmpl-".count))
        if errored {
            return #"{"id":"batch_req_\#(call.id)","custom_id":\#(customID),"response":{"status_code":500,"request_id":\#(requestID),"body":{"error":{"message":"The server had an error processing your request.","type":"server_error","param":null,"code":null}}},"error":null}"#
                + "\n"
        }
        return #"{"id":"batch_req_\#(call.id)","custom_id":\#(customID),"response":{"status_code":200,"request_id":\#(requestID),"body":\#(completionObject(call))},"error":null}"#
            + "\n"
    }

    /// Teacher, base student and fine-tuned student answer the same items; each call is a stored
    /// request tagged `purpose=evaluation` (its cost is a one-time cost) and each answer is graded.
    /// Item difficulty is shared, so the models' scores are paired, as in a real eval. The
    /// open-weight student answers the same items in the last week, before its canary.
    private func writeEvaluation(
        _ random: inout DemoRandom, _ sequence: inout UInt64, completions: BufferedOutputFile,
        log: BufferedOutputFile, scoresPath: String
    ) throws {
        let scores = try BufferedOutputFile(path: scoresPath)
        let support = DemoScenario.useCases[0]
        let runs: [(run: String, model: String, mean: Double, noise: Double, student: Bool, time: Int64)] = [
            ("eval-support-teacher", DemoScenario.teacher, 0.86, 0.05, false, scenario.evaluationTime),
            ("eval-support-base", DemoScenario.baseStudent, 0.70, 0.09, false, scenario.evaluationTime),
            ("eval-support-student", DemoScenario.student, 0.85, 0.06, true, scenario.evaluationTime),
            ("eval-support-open-weight", DemoScenario.openWeightStudent, 0.855, 0.06, true, scenario.canaryEvaluationTime),
        ]
        for item in 1...DemoScenario.evaluationItems {
            let difficulty = 0.12 * random.normal()
            let digits = String(item)
            let itemID = "item-" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
            for run in runs {
                let score = min(1, max(0, run.mean + difficulty + run.noise * random.normal()))
                let rounded = (score * 1000).rounded() / 1000
                try scores.write(
                    JSONText.object([
                        "run": JSONText.quoted(run.run), "item_id": JSONText.quoted(itemID),
                        "model": JSONText.quoted(run.model), "grader": #""rubric""#,
                        "score": Self.decimal(rounded), "passed": rounded >= 0.7 ? "true" : "false",
                        "created_at": JSONText.quoted(Timestamp.iso8601(run.time)),
                    ]) + "\n")
                var call = makeCall(
                    &random, &sequence, created: run.time + Int64(item), useCase: support,
                    onStudent: run.student, model: run.model)
                call.purpose = "evaluation"
                call.failed = false
                try write(call, completions: completions, log: log)
            }
        }
        try scores.close()
    }

    /// Both students' jobs, newest first as the API lists them: each trained on the distillation
    /// outputs of its use case for the cookbook's epochs.
    private func writeFineTuningJobs(trainedTokens: [String: Int64], path: String) throws {
        let jobs = [
            job(
                id: DemoScenario.fineTuningJobID, base: DemoScenario.baseStudent, model: DemoScenario.student,
                created: scenario.fineTuningCreated, finished: scenario.fineTuningFinished,
                trainedTokens: trainedTokens[DemoScenario.student] ?? 0, metadata: #"{"use_case":"support"}"#),
            job(
                id: DemoScenario.extractJobID, base: DemoScenario.extractBase, model: DemoScenario.extractStudent,
                created: scenario.extractFineTuningCreated, finished: scenario.extractFineTuningFinished,
                trainedTokens: trainedTokens[DemoScenario.extractStudent] ?? 0,
                metadata: #"{"use_case":"extract","teacher":"\#(DemoScenario.teacher)"}"#),
        ]
        let file = try BufferedOutputFile(path: path)
        try file.write(#"{"object":"list","data":["# + jobs.joined(separator: ",") + #"],"has_more":false}"# + "\n")
        try file.close()
    }

    private func job(
        id: String, base: String, model: String, created: Int64, finished: Int64, trainedTokens: Int64, metadata: String
    ) -> String {
        let suffix = model.split(separator: ":").dropLast().last.map(String.init) ?? ""
        return """
            {"object":"fine_tuning.job","id":"\(id)","model":"\(base)","created_at":\(created),\
            "finished_at":\(finished),"fine_tuned_model":"\(model)",\
            "organization_id":"org-demo","result_files":["file-demoresults"],"status":"succeeded",\
            "validation_file":null,"training_file":"file-demotraining","hyperparameters":{"n_epochs":\(DemoScenario.epochs),\
            "batch_size":4,"learning_rate_multiplier":1.8},"trained_tokens":\(trainedTokens),"error":null,\
            "user_provided_suffix":"\(suffix)","seed":42,"estimated_finish":null,"integrations":[],\
            "metadata":\(metadata),"method":{"type":"supervised","supervised":{"hyperparameters":\
            {"n_epochs":\(DemoScenario.epochs),"batch_size":4,"learning_rate_multiplier":1.8}}}}
            """
    }

    /// Three decimals without trailing zeros, independent of locale: `0.83`, `1`, `0.705`.
    static func decimal(_ value: Double) -> String {
        let thousandths = Int((value * 1000).rounded())
        let whole = thousandths / 1000
        var fraction = String(thousandths % 1000)
        fraction = String(repeating: "0", count: 3 - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return fraction.isEmpty ? "\(whole)" : "\(whole).\(fraction)"
    }
}
