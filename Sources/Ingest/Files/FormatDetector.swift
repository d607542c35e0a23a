import DistillCore

/// Recognises a file's layout and kind from its first bytes, for `--kind auto`.
///
/// JSON is recognised by its first byte. If the first line is a complete JSON value the file is
/// JSON Lines and that line decides the kind; otherwise it is one (pretty-printed) document, read
/// whole. Anything else is CSV, and its header decides. Kinds are told apart by what the OpenAI
/// objects say they are (`"object": "chat.completion"`, `"response"`, `"fine_tuning.job"`, `"page"` of usage or
/// costs results, ...), by `resourceSpans` (OTLP) or `custom_id` (Batch output), by `choices` or a
/// `usage` object with `prompt_tokens` (a completion exported without its `object` member), and
/// for flat records by their columns: a score or pass/fail with an item id means scores, a model with a
/// time means a request log.
struct FormatDetector {
    /// The first line is looked at whole up to this size; a longer one means a document.
    static let firstLineLimit = 64 << 20

    enum Peeked {
        /// JSON Lines, with the first valid line's value (nil when none of the first lines is
        /// valid). When the file had to be read whole to find out, `replay` holds its bytes.
        case jsonLines(first: JSONValue?, replay: [UInt8]?)
        /// One JSON document, read whole.
        case jsonDocument(bytes: [UInt8], value: JSONValue)
        case csv(header: [String], reader: CSVReader)
        case empty
    }

    /// Looks at the start of the input: for JSON Lines nothing is consumed; a document is read whole;
    /// for CSV the header is consumed.
    static func peek(_ input: InputBuffer, path: String) throws -> Peeked {
        try input.prefetch(1 << 16)
        // Text never holds a zero byte: saying "binary" beats quoting garbage as field names.
        if let zero = input.buffered.firstIndex(of: 0) {
            throw IngestError.unreadable(
                path: path,
                reason: "it is binary data, not JSON or CSV text (a zero byte at byte \(zero - input.buffered.startIndex + 1)); "
                    + "of compressed files only gzip is read")
        }
        guard let first = input.buffered.first(where: { !isWhitespace($0) }) else { return .empty }
        guard first == UInt8(ascii: "{") || first == UInt8(ascii: "[") else {
            var reader = CSVReader(input: input)
            let header: (fields: [String], line: Int)?
            do {
                header = try reader.nextRecord()
            } catch IngestError.invalidValue(let diagnostic) {
                // Broken quoting in the header: no column can be told from the next, so the file
                // is rejected as a whole, naming it and the line like any other rejection.
                throw IngestError.fileRejected(path: path, firstProblems: [diagnostic.located(file: path, line: nil)], invalidCount: 1)
            }
            guard let header else { return .empty }
            return .csv(header: header.fields, reader: reader)
        }
        var lineEnd = input.buffered.firstIndex(of: 0x0A)
        var prefetched = input.buffered.count
        while lineEnd == nil, prefetched < firstLineLimit {
            try input.prefetch(prefetched * 2)
            if input.buffered.count == prefetched { break }
            prefetched = input.buffered.count
            lineEnd = input.buffered.firstIndex(of: 0x0A)
        }
        let firstLine = UnsafeRawBufferPointer(rebasing: input.buffered[..<(lineEnd ?? input.buffered.count)])
        if let value = try? JSONValue.parse(firstLine) { return .jsonLines(first: value, replay: nil) }
        let document = try input.remainder()
        if let value = try? JSONValue.parse(document) { return .jsonDocument(bytes: document, value: value) }
        // Neither a valid first line nor a valid document: JSON Lines with a broken line, most
        // likely. Recognise the kind from the first valid line, and report the broken ones.
        let firstValid = document.split(separator: 0x0A, maxSplits: 1000).lazy.compactMap { line in
            line.withUnsafeBytes { try? JSONValue.parse($0) }
        }.first
        return .jsonLines(first: firstValid, replay: document)
    }

    /// The kind a JSON value describes, or a reason it is not recognised.
    static func kind(of value: JSONValue, columnMap: [String: String] = [:]) -> Result<FileKind, Unrecognised> {
        switch value {
        case .array(let elements):
            guard let first = elements.first else { return .failure(Unrecognised("it is an empty JSON array")) }
            return kind(of: first, columnMap: columnMap)
        case .object(let object):
            return kind(of: object, columnMap: columnMap)
        default:
            return .failure(Unrecognised("it holds a JSON \(value.typeName), not objects"))
        }
    }

    private static func kind(of object: JSONObject, columnMap: [String: String]) -> Result<FileKind, Unrecognised> {
        if object["resourceSpans"] != nil { return .success(.otel) }
        if object["custom_id"] != nil, object["result"] != nil { return .success(.anthropic) }
        if object["trace"] != nil, object["observations"] != nil { return .success(.langfuse) }
        if object["custom_id"] != nil, object["response"] != nil || object["error"] != nil {
            return .success(.batchOutput)
        }
        if isAnthropicMessage(object) || object["response"]?.objectValue.map(isAnthropicMessage) == true {
            return .success(.anthropic)
        }
        if object["usageMetadata"] != nil || object["response"]?.objectValue?["usageMetadata"] != nil {
            return .success(.gemini)
        }
        if FireworksFineTuningJob.isJob(object) { return .success(.fineTuneJobs) }
        if TogetherFineTuneJob.distinctiveMembers.contains(where: { object[$0] != nil }) {
            return .success(.fineTuneJobs)
        }
        for member in ["data"] + FireworksFineTuningJob.listMembers {
            if case .array(let jobs)? = object[member], let first = jobs.first?.objectValue, first["object"] == nil,
                case .success(.fineTuneJobs) = kind(of: first, columnMap: columnMap)
            {
                return .success(.fineTuneJobs)
            }
        }
        switch object["object"]?.stringValue {
        case "chat.completion"?: return .success(.completions)
        case "fine_tuning.job"?: return .success(.fineTuneJobs)
        case "eval.run"?, "eval.run.output_item"?: return .success(.evalRuns)
        case "list"?:
            guard case .array(let data)? = object["data"], let first = data.first else {
                return .failure(Unrecognised("it is a list page with no data"))
            }
            return kind(of: first, columnMap: columnMap)
        case "page"?:
            guard case .array(let buckets)? = object["data"] else {
                return .failure(Unrecognised("it is a page with no data"))
            }
            for bucket in buckets {
                guard case .array(let results)? = bucket.objectValue?["results"], let result = results.first else {
                    continue
                }
                switch result.objectValue?["object"]?.stringValue {
                case "organization.usage.completions.result"?: return .success(.usageBuckets)
                case "organization.costs.result"?: return .success(.billedCosts)
                case let other?:
                    return .failure(Unrecognised("its page results are \"\(other)\", which distill-roi does not read"))
                case nil: continue
                }
            }
            return .failure(Unrecognised("its page has no results to tell usage from costs"))
        default:
            break
        }
        for (_, member) in object.members {
            if case .success(let kind) = nestedEvalKind(member) { return .success(kind) }
        }
        // A completion exported without its "object" member still has choices or an API usage object.
        if object["choices"] != nil || object["usage"]?.objectValue?["prompt_tokens"] != nil {
            return .success(.completions)
        }
        // A response exported without its "object" member: the Responses API's usage names and time.
        if let usage = object["usage"]?.objectValue, usage["input_tokens"] != nil, usage["output_tokens"] != nil,
            object["created_at"] != nil
        {
            return .success(.responses)
        }
        return kind(ofColumns: mapped(object.members.map(\.key), by: columnMap))
    }

    /// The column names as `--map` renames them (`llm=model` makes `llm` count as `model`; a
    /// dropped column does not count), so detection sees what the reader will.
    static func mapped(_ names: [String], by columnMap: [String: String]) -> [String] {
        guard !columnMap.isEmpty else { return names }
        let targets = Dictionary(
            columnMap.map { (ColumnResolver<RequestField>.normalise($0.key), $0.value.trimmingSpaces()) },
            uniquingKeysWith: { _, last in last })
        return names.compactMap { name in
            guard let target = targets[ColumnResolver<RequestField>.normalise(name)] else { return name }
            if target == "-" || target.lowercased() == "ignore" { return nil }
            return target.lowercased().hasPrefix("tag:") ? name : target
        }
    }

    /// An Anthropic Messages API response: `"type": "message"` with a `usage` object.
    private static func isAnthropicMessage(_ object: JSONObject) -> Bool {
        object["type"]?.stringValue == "message" && object["usage"]?.objectValue != nil
    }

    /// An export object wrapping eval runs (`{"run": {...}, "output_items": [...]}`).
    private static func nestedEvalKind(_ value: JSONValue) -> Result<FileKind, Unrecognised> {
        let candidate: JSONValue?
        switch value {
        case .object: candidate = value
        case .array(let elements): candidate = elements.first
        default: candidate = nil
        }
        switch candidate?.objectValue?["object"]?.stringValue {
        case "eval.run"?, "eval.run.output_item"?: return .success(.evalRuns)
        default: return .failure(Unrecognised("no eval objects"))
        }
    }

    /// Scores or a request log, from column (or member) names.
    static func kind(ofColumns names: [String]) -> Result<FileKind, Unrecognised> {
        let normalised = Set(names.map { ColumnResolver<RequestField>.normalise($0) })
        if OneTimeCostsReader.matches(normalisedColumns: normalised) { return .success(.oneTimeCosts) }
        // A Langfuse observation (export row or API object) names its trace, its type and its start.
        if normalised.isSuperset(of: ["traceid", "type", "starttime"]) { return .success(.langfuse) }
        if normalised.isSuperset(of: ["traceid", "name", "value", "datatype"]) {
            return .failure(
                Unrecognised(
                    "its records are Langfuse scores, which name a trace but not its model; ingest the trace download "
                        + "(trace-*.json), which carries the scores with their generations"))
        }
        let scoreFields = Set(ScoreReader.Field.aliases.filter { $0.value == .score || $0.value == .passed }.keys)
        let itemFields = Set(ScoreReader.Field.aliases.filter { $0.value == .itemID }.keys)
        if !normalised.isDisjoint(with: scoreFields), !normalised.isDisjoint(with: itemFields) {
            return .success(.scores)
        }
        let modelFields = Set(RequestField.aliases.filter { $0.value == .model }.keys)
        let timeFields = Set(RequestField.aliases.filter { $0.value == .timestamp }.keys)
        if !normalised.isDisjoint(with: modelFields), !normalised.isDisjoint(with: timeFields) {
            return .success(.requests)
        }
        let shown = names.prefix(12).joined(separator: ", ")
        return .failure(
            Unrecognised(
                "its records have the fields \(shown)\(names.count > 12 ? ", ..." : ""), which match no known format "
                    + "(a request log needs a model and a timestamp; scores need an item id and a score or passed)"))
    }

    struct Unrecognised: Error {
        let reason: String
        init(_ reason: String) { self.reason = reason }
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }
}
