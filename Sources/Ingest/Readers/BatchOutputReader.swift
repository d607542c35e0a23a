import DistillCore
import Store

/// Reads Batch API output (and error) files: one line per request, `{"id":"batch_req_...",
/// "custom_id":..., "response":{"status_code":200,"request_id":...,"body":{chat.completion}},
/// "error":null}`; for the `/v1/responses` endpoint the body is a Responses API object.
///
/// A successful line is its completion, flagged `is_batch` so it is priced at batch rates. A line
/// with an error, or a non-2xx status, is a failed request: counted in `failed_count` with zero
/// tokens, never as usage (see `FailedBatchRequests` for the model and time they take). With a
/// Batch input file, each successful line's content gets the request messages of its `custom_id`.
struct BatchOutputReader {
    private var completions: CompletionObjectReader
    private var responses: ResponseObjectReader
    private var failures: FailedBatchRequests
    /// Set once a body was a response object: a batch runs one endpoint, so later bodies are read
    /// as responses first.
    private var bodiesAreResponses = false
    /// The Batch input file's request messages by `custom_id` (`--batch-input`), joined to the
    /// successful lines' answers.
    private let input: BatchInputFile?
    private var seenIDs: Set<String> = []
    private(set) var join: BatchJoin?

    init(storeContent: Bool, fallbackTime: Int64, input: BatchInputFile? = nil) {
        completions = CompletionObjectReader(storeContent: storeContent)
        responses = ResponseObjectReader(storeContent: storeContent)
        failures = FailedBatchRequests(fallbackTime: fallbackTime)
        self.input = input
        join = input.map { BatchJoin(inputPath: $0.path) }
    }

    mutating func read(_ bytes: UnsafeRawBufferPointer, emit: Emit) throws {
        var scanner = JSONScanner(bytes)
        var field = ""
        var id: String?
        var customID: String?
        var statusCode: Int64?
        var body: UnsafeRawBufferPointer?
        var hasResponse = false
        var hasError = false
        do {
            var object = try scanner.beginObject()
            while let key = try scanner.nextKey(&object) {
                if key == "id" {
                    field = "id"
                    id = scanner.readNull() ? nil : try scanner.readString()
                } else if key == "custom_id" {
                    field = "custom_id"
                    customID = scanner.readNull() ? nil : try scanner.readString()
                } else if key == "error" {
                    field = "error"
                    if !scanner.readNull() {
                        hasError = true
                        try scanner.skipValue()
                    }
                } else if key == "response" {
                    field = "response"
                    if scanner.readNull() { continue }
                    hasResponse = true
                    var response = try scanner.beginObject()
                    while let member = try scanner.nextKey(&response) {
                        if member == "status_code" {
                            field = "response.status_code"
                            statusCode = try scanner.readInt64()
                        } else if member == "body" {
                            field = "response.body"
                            body = scanner.readNull() ? nil : try scanner.readRawValue()
                        } else {
                            try scanner.skipValue()
                        }
                    }
                } else {
                    try scanner.skipValue()
                }
            }
            field = ""
            try scanner.expectEnd()
        } catch let error as JSONError {
            throw error.ingestError(field: field.isEmpty ? nil : field)
        }
        guard hasResponse || hasError else {
            throw IngestError.field("response", "is missing (a Batch output line has a response or an error)")
        }
        let succeeded = !hasError && (statusCode.map { (200..<300).contains($0) } ?? false)
        if let customID { seenIDs.insert(customID) }
        if succeeded, let body {
            var parsed: CompletionObjectReader.Parsed
            if bodiesAreResponses {
                parsed = try responses.parse(body, path: "response.body")
            } else {
                do {
                    parsed = try completions.parse(body, path: "response.body")
                } catch is ResponseObjectFound {
                    parsed = try responses.parse(body, path: "response.body")
                    bodiesAreResponses = true
                }
            }
            parsed.record.isBatch = true
            if let input {
                if let customID, let request = input.requests[customID] {
                    try Self.check(request, answeredBy: parsed.record.model, isResponse: bodiesAreResponses, customID: customID, in: input)
                    parsed.content = RequestContent(messages: request.messages, response: parsed.content?.response)
                    join?.joined += 1
                } else {
                    join?.outputsWithoutInput += 1
                }
            }
            failures.succeeded(parsed.record)
            try emit(.request(parsed.record, content: parsed.content))
            return
        }
        if succeeded { throw IngestError.field("response.body", "is missing on a successful line") }
        guard let key = id ?? customID.map({ "batch-" + $0 }) else {
            throw IngestError.field("id", "is missing (neither id nor custom_id identifies the failed request)")
        }
        failures.failed(key: key)
    }

    /// `custom_id`s like `request-1` repeat across batches: an input file of another batch would
    /// pair prompts with answers to other questions, so a line whose endpoint or model does not
    /// match its input request refuses the file.
    private static func check(
        _ request: BatchInputFile.Request, answeredBy model: String, isResponse: Bool, customID: String, in input: BatchInputFile
    ) throws {
        let endpoint = { (responses: Bool) in responses ? "/v1/responses" : "/v1/chat/completions" }
        if request.isResponses != isResponse {
            throw IngestError.field(
                "custom_id",
                "\"\(customID)\" is a \(endpoint(request.isResponses)) request in \(input.path) but this line answers \(endpoint(isResponse)): is --batch-input the input file of this batch?")
        }
        if let asked = request.model, !model.hasPrefix(asked), !asked.hasPrefix(model) {
            throw IngestError.field(
                "custom_id",
                "\"\(customID)\" asks \(asked) in \(input.path) but \(model) answered this line: is --batch-input the input file of this batch?")
        }
    }

    /// Writes the failed lines, now that the batch's model and time are known.
    mutating func finish(emit: Emit) throws {
        try failures.finish(emit: emit)
        if let input { join?.inputsWithoutOutput = input.requests.keys.count { !seenIDs.contains($0) } }
    }
}
