import DistillCore

/// A Batch API *input* file (`{"custom_id", "method", "url", "body": {"model", "messages": [...]}}`
/// a line), read into each request's messages by `custom_id`: the output file carries only the
/// answers, and `ingest file OUTPUT --batch-input INPUT --store-content` joins the two so
/// `dataset build` has both halves of each example.
///
/// The request is `body.messages` for `/v1/chat/completions` and `body.input` for `/v1/responses`
/// (the shapes `request_content.messages` holds for those APIs). Every line must name a unique
/// `custom_id` (the Batch API refuses a file that repeats one) and carry its request; the first
/// line that does not stops the ingest with its `file:line` and field, before anything is stored.
struct BatchInputFile {
    /// One input line: what the join needs to store it and to check it answers this request.
    struct Request: Sendable {
        /// The request's messages as JSON text; for a Response its `instructions` lead as a system message.
        var messages: String
        var isResponses: Bool
        /// `body.model`, when given.
        var model: String?
    }

    let path: String
    /// `custom_id` → the request.
    let requests: [String: Request]

    init(path: String) throws {
        self.path = path
        let file = try FileByteSource(path: path)
        let source: ByteSource = file.startsWithGzipMagic ? try GzipByteSource(file: file) : file
        let input = InputBuffer(source: source)
        var requests: [String: Request] = [:]
        var line = 0
        while let bytes = try input.nextLine() {
            line += 1
            guard bytes.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) else { continue }
            do {
                let (id, request) = try Self.request(bytes)
                guard requests.updateValue(request, forKey: id) == nil else {
                    throw IngestError.field("custom_id", "\"\(id)\" appears on an earlier line; each request needs its own")
                }
            } catch IngestError.invalidValue(let diagnostic) {
                throw IngestError.invalidValue(diagnostic.located(file: path, line: line))
            }
        }
        self.requests = requests
    }

    private static func request(_ bytes: UnsafeRawBufferPointer) throws -> (id: String, request: Request) {
        let line: JSONFields
        do {
            line = try JSONFields(try JSONValue.parse(bytes), path: "")
        } catch let error as JSONError {
            throw error.ingestError(field: nil)
        }
        let id = try line.string("custom_id")
        let url = try line.optionalString("url")
        guard let body = line.object["body"]?.objectValue else {
            throw IngestError.field("body", "is missing or not an object: a Batch input line carries its request there")
        }
        let isResponses = url?.hasSuffix("/responses") == true
        let member = isResponses ? "input" : "messages"
        guard var request = body[member], request != .null else {
            throw IngestError.field("body.\(member)", "is missing: the request's \(member) are what `dataset build` trains on")
        }
        if isResponses { request = StoredPrompt.responsesInput(request, instructions: body["instructions"]?.stringValue) }
        return (
            id,
            Request(
                messages: StoredPrompt.text(messages: request, tools: body["tools"]), isResponses: isResponses,
                model: body["model"]?.stringValue)
        )
    }
}
