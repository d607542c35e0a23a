import DistillCore
import Store

/// Reads Langfuse exports: observation rows (the JSON Lines and CSV batch exports) and the trace
/// download `{"trace": {...}, "observations": [...]}`, with the trace's scores.
///
/// A GENERATION (or EMBEDDING) observation with a model is one request, keyed `langfuse-` and its
/// id; every other observation (SPAN, EVENT, AGENT, TOOL, ... or one without a model) is passed
/// over and counted, never an error. Tokens follow Langfuse's `usageDetails` semantics: `input`
/// excludes cache reads and cache writes and `output` excludes reasoning, each kept under its own
/// key, so the stored input (which, as in the OpenAI API, includes cached tokens) is the sum of the
/// input-side keys and the stored output the sum of the output-side keys. Latency is `endTime −
/// startTime` and time to first token `completionStartTime − startTime`, at full precision. Tags
/// come from the observation's and trace's metadata and the trace's tags, by `TagRule` (scalars
/// only). `costDetails.total` is kept as the source's reported cost, beside (never instead of) the
/// computed one; audio keys are counted as audio tokens. A trace download's scores become eval
/// scores of the run `langfuse-TRACEID`, on the model and at the time of the observation they name
/// (else the trace's first generation). With `storeContent`, a generation's `input` and `output`
/// are kept as its content.
struct LangfuseReader {
    /// Observations that are not model calls, passed over.
    private(set) var ignoredObservations = 0
    /// Scores not stored: not numeric or boolean, or on a trace without a generation.
    private(set) var ignoredScores = 0
    private let scale: ScoreScale?
    /// Keep a generation's `input` and `output` as its content: `--store-content`.
    private let storeContent: Bool

    init(scale: ScoreScale?, storeContent: Bool = false) {
        self.scale = scale
        self.storeContent = storeContent
    }

    mutating func read(_ value: JSONValue, emit: Emit) throws {
        let document = try JSONFields(value, path: "")
        guard document.value("observations") != nil || document.value("trace") != nil else {
            try readObservation(document, trace: nil, emit: emit)
            return
        }
        let trace = try document.optionalObject("trace")
        var generations: [String: RequestRecord] = [:]
        var first: RequestRecord?
        for observation in try document.objects("observations") {
            guard let record = try readObservation(observation, trace: trace, emit: emit) else { continue }
            generations[try observation.string("id")] = record
            if let earliest = first, earliest.createdAt <= record.createdAt { continue }
            first = record
        }
        guard let trace else { return }
        for score in try trace.objects("scores") {
            let target = try score.optionalString("observationId").flatMap { generations[$0] } ?? first
            guard let target else {
                ignoredScores += 1
                continue
            }
            try readScore(score, traceID: try trace.string("id"), on: target, emit: emit)
        }
    }

    /// A CSV export row: JSON-valued cells (`usageDetails`, `metadata`, ...) are read as JSON.
    mutating func read(_ row: TabularRow, emit: Emit) throws {
        var members: [(key: String, value: JSONValue)] = []
        for (index, name) in row.names.enumerated() {
            guard let text = row.values[index], !text.isEmpty else { continue }
            let first = text.utf8.first
            if first == UInt8(ascii: "{") || first == UInt8(ascii: "["), let parsed = try? JSONValue.parse(text) {
                members.append((name, parsed))
            } else {
                members.append((name, .string(text)))
            }
        }
        try readObservation(JSONFields(JSONObject(members)), trace: nil, emit: emit)
    }

    /// Emits the observation's request; nil when it is not a model call.
    @discardableResult
    private mutating func readObservation(_ observation: JSONFields, trace: JSONFields?, emit: Emit) throws
        -> RequestRecord?
    {
        let type = try observation.optionalString("type")?.uppercased()
        let model = try (observation.optionalString("model") ?? observation.optionalString("providedModelName"))?
            .trimmingSpaces()
        guard let model, !model.isEmpty, type == nil || type == "GENERATION" || type == "EMBEDDING" else {
            if trace == nil, observation.value("traceId") == nil, observation.value("type") == nil {
                throw IngestError.field("type", "is missing: this is not a Langfuse observation")
            }
            ignoredObservations += 1
            return nil
        }
        let startField = observation.name("startTime")
        let start = try TimeRule.nanoseconds(try observation.string("startTime"), field: startField)
        func since(_ key: String) throws -> Double? {
            guard let text = try observation.optionalString(key) else { return nil }
            let end = try TimeRule.nanoseconds(text, field: observation.name(key))
            guard end >= start else { throw IngestError.field(observation.name(key), "is before startTime") }
            return Double(end - start) / 1_000_000
        }
        var tags: [String: String] = [:]
        if let trace {
            tags.merge(try Self.metadataTags(trace.value("metadata"))) { _, new in new }
            tags.merge(TagRule.listTags(try trace.array("tags").compactMap(\.stringValue))) { _, new in new }
        }
        tags.merge(try Self.metadataTags(observation.value("metadata"))) { _, new in new }
        let failed = try observation.optionalString("level")?.uppercased() == "ERROR"
        let record = RequestRecord(
            key: "langfuse-" + (try observation.string("id")), model: model,
            createdAt: (start / 1_000_000).floorDividedBy1000, failedCount: failed ? 1 : 0,
            tokens: try Self.tokens(observation), latencyMs: try since("endTime"),
            timeToFirstTokenMs: try since("completionStartTime"), status: failed ? "failed" : "ok",
            tags: tags.isEmpty ? nil : tags, reportedCost: try Self.reportedCost(observation))
        try emit(.request(record, content: type == "EMBEDDING" ? nil : content(observation)))
        return record
    }

    /// A generation's `input` (a message list, or a string) and `output` (a message, a list of
    /// them, a whole completion or Response object, or text) as stored, for `dataset build`.
    private func content(_ observation: JSONFields) -> RequestContent? {
        guard storeContent else { return nil }
        let messages = LoggedContent.stored(observation.value("input"))
        let response = LoggedContent.stored(observation.value("output"))
        guard messages != nil || response != nil else { return nil }
        return RequestContent(messages: messages, response: response)
    }

    /// The usage of an observation: `usageDetails` when it has keys, else `inputUsage`/`outputUsage`
    /// (the export's sums), else the older `promptTokens`/`completionTokens`; nil when none is there.
    static func tokens(_ observation: JSONFields) throws -> TokenUsage? {
        if let details = try observation.optionalObject("usageDetails"), !details.object.members.isEmpty {
            var usage = TokenUsage.zero
            for (key, _) in details.object.members {
                let count = try details.optionalCount(key) ?? 0
                let name = key.lowercased()
                if name == "total" || name.hasPrefix("total") { continue }
                let isOutput = name.hasPrefix("output") || name.hasPrefix("completion")
                let isInput =
                    name.hasPrefix("input") || name.hasPrefix("prompt") || name.hasPrefix("cache")
                if isInput {
                    usage.input += count
                    if name.contains("audio") { usage.audioInput += count }
                    if name.contains("cache_read") || name.contains("cached") {
                        usage.cachedInput += count
                    } else if name.contains("cache_creation") || name.contains("cache_write") {
                        usage.cacheWrite += count
                    }
                } else if isOutput {
                    usage.output += count
                    if name.contains("reasoning") { usage.reasoning += count }
                    if name.contains("audio") { usage.audioOutput += count }
                } else {
                    throw IngestError.field(
                        details.name(key),
                        "is not a usage key distill-roi knows (input…, prompt…, cache…, output…, completion…, total)")
                }
            }
            try TokenRule.check(
                usage, cachedField: details.name("input_cache_read"), reasoningField: details.name("output_reasoning"))
            return usage
        }
        for (input, output) in [("inputUsage", "outputUsage"), ("promptTokens", "completionTokens")] {
            let inputCount = try Self.count(observation, input)
            let outputCount = try Self.count(observation, output)
            if inputCount != nil || outputCount != nil {
                return TokenUsage(input: inputCount ?? 0, output: outputCount ?? 0)
            }
        }
        return nil
    }

    /// `costDetails.total`, the cost Langfuse states for the observation, as the exact text written.
    static func reportedCost(_ observation: JSONFields) throws -> String? {
        guard let details = try observation.optionalObject("costDetails"), details.value("total") != nil else {
            return nil
        }
        let text = try details.numberText("total")
        guard DecimalTextSum.isAmount(text) else {
            throw IngestError.field(details.name("total"), "must be an amount in USD that is not negative, found \(text)")
        }
        return text
    }

    /// A count that CSV exports write as text.
    private static func count(_ fields: JSONFields, _ key: String) throws -> Int64? {
        if case .string(let text)? = fields.value(key) {
            return try CellParsing.count(text, field: fields.name(key))
        }
        return try fields.optionalCount(key)
    }

    /// Scalar members of a metadata object (or of the JSON text of one, as traces and CSV cells hold
    /// it), by `TagRule`; nested objects such as OTel `attributes` are not labels and are dropped.
    static func metadataTags(_ value: JSONValue?) throws -> [String: String] {
        var object: JSONObject?
        switch value {
        case .object(let members)?: object = members
        case .string(let text)?: object = (try? JSONValue.parse(text))?.objectValue
        default: object = nil
        }
        var tags: [String: String] = [:]
        for (member, value) in object?.members ?? [] {
            let text: String
            switch value {
            case .string(let string), .number(let string): text = string
            case .bool(let flag): text = flag ? "true" : "false"
            case .array(let elements) where member == "tags":
                tags.merge(TagRule.listTags(elements.compactMap(\.stringValue))) { _, new in new }
                continue
            default: continue
            }
            if let accepted = TagRule.value(name: member, text) { tags[member] = accepted }
        }
        return tags
    }

    private mutating func readScore(_ score: JSONFields, traceID: String, on request: RequestRecord, emit: Emit)
        throws
    {
        let dataType = try score.optionalString("dataType")?.uppercased() ?? "NUMERIC"
        guard dataType == "NUMERIC" || dataType == "BOOLEAN" else {
            ignoredScores += 1
            return
        }
        guard let text = score.value("value").flatMap({ value -> String? in
            if case .number(let number) = value { return number }
            return nil
        }) else {
            ignoredScores += 1
            return
        }
        let raw = try ScoreReader.number(text, field: score.name("value"))
        let runID = "langfuse-" + traceID
        try emit(.impliedEvalRun(EvalRunRecord(id: runID, evalName: "langfuse", model: request.model, createdAt: request.createdAt)))
        try emit(
            .evalScore(
                EvalScoreRecord(
                    runID: runID, itemID: try score.optionalString("observationId") ?? traceID,
                    grader: try score.string("name"), model: request.model,
                    score: dataType == "NUMERIC" ? try ScoreScale.normalise(raw, scale: scale, field: score.name("value")) : nil,
                    passed: dataType == "BOOLEAN" ? raw != 0 : nil)))
    }
}
