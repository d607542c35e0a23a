import DistillCore

/// How one OpenAI API names the members of its `usage` object, and the reader of that object.
///
/// The Chat Completions API and the Responses API count the same tokens under different names
/// (`prompt_tokens` / `input_tokens`, `completion_tokens` / `output_tokens`, and their `_details`
/// blocks); the detail members (`cached_tokens`, `cache_write_tokens`, `audio_tokens`,
/// `reasoning_tokens`) and `cost` are spelled alike. Field paths are `StaticString`s so that naming
/// the member being read, before every read, costs nothing on the ingest hot path.
struct UsageSpelling: Sendable {
    static let chatCompletions = UsageSpelling(
        input: "prompt_tokens", output: "completion_tokens", inputDetails: "prompt_tokens_details",
        outputDetails: "completion_tokens_details", inputField: "usage.prompt_tokens",
        outputField: "usage.completion_tokens", inputDetailsField: "usage.prompt_tokens_details",
        outputDetailsField: "usage.completion_tokens_details",
        cachedField: "usage.prompt_tokens_details.cached_tokens",
        cacheWriteField: "usage.prompt_tokens_details.cache_write_tokens",
        audioInputField: "usage.prompt_tokens_details.audio_tokens",
        reasoningField: "usage.completion_tokens_details.reasoning_tokens",
        audioOutputField: "usage.completion_tokens_details.audio_tokens",
        otherAPIInput: "input_tokens", otherAPIObjectFound: ResponseObjectFound())

    static let responses = UsageSpelling(
        input: "input_tokens", output: "output_tokens", inputDetails: "input_tokens_details",
        outputDetails: "output_tokens_details", inputField: "usage.input_tokens", outputField: "usage.output_tokens",
        inputDetailsField: "usage.input_tokens_details", outputDetailsField: "usage.output_tokens_details",
        cachedField: "usage.input_tokens_details.cached_tokens",
        cacheWriteField: "usage.input_tokens_details.cache_write_tokens",
        audioInputField: "usage.input_tokens_details.audio_tokens",
        reasoningField: "usage.output_tokens_details.reasoning_tokens",
        audioOutputField: "usage.output_tokens_details.audio_tokens",
        otherAPIInput: "prompt_tokens", otherAPIObjectFound: CompletionObjectFound())

    /// Member names inside `usage`.
    let input, output, inputDetails, outputDetails: StaticString
    /// Full paths from the object's top, as errors name them.
    let inputField, outputField, inputDetailsField, outputDetailsField: StaticString
    let cachedField, cacheWriteField, audioInputField, reasoningField, audioOutputField: StaticString
    /// The other API's name for the input count: an object carrying it belongs to the other API,
    /// whatever comes later, so `otherAPIObjectFound` is thrown for the caller to read it again.
    let otherAPIInput: StaticString
    let otherAPIObjectFound: any Error

    /// Reads a `usage` object into token counts; `field` names the member being read (for syntax
    /// errors), and `cost` receives a gateway's `usage.cost`.
    func read(_ scanner: inout JSONScanner, field: inout StaticString, cost: inout String?) throws -> TokenUsage {
        var inputCount: Int64?
        var outputCount: Int64?
        var cached: Int64 = 0
        var cacheWrite: Int64 = 0
        var reasoning: Int64 = 0
        var audioInput: Int64 = 0
        var audioOutput: Int64 = 0
        var object = try scanner.beginObject()
        while let key = try scanner.nextKey(&object) {
            if key == "cost" {
                field = "usage.cost"
                cost = try CompletionObjectReader.reportedCost(&scanner, field)
            } else if key == input {
                field = inputField
                inputCount = try CompletionObjectReader.count(&scanner, field)
            } else if key == output {
                field = outputField
                outputCount = try CompletionObjectReader.count(&scanner, field)
            } else if key == inputDetails {
                field = inputDetailsField
                if scanner.readNull() { continue }
                var details = try scanner.beginObject()
                while let detail = try scanner.nextKey(&details) {
                    if detail == "cached_tokens" {
                        field = cachedField
                        cached = scanner.readNull() ? 0 : try CompletionObjectReader.count(&scanner, field)
                    } else if detail == "cache_write_tokens" {
                        field = cacheWriteField
                        cacheWrite = scanner.readNull() ? 0 : try CompletionObjectReader.count(&scanner, field)
                    } else if detail == "audio_tokens" {
                        field = audioInputField
                        audioInput = scanner.readNull() ? 0 : try CompletionObjectReader.count(&scanner, field)
                    } else {
                        try scanner.skipValue()
                    }
                }
            } else if key == outputDetails {
                field = outputDetailsField
                if scanner.readNull() { continue }
                var details = try scanner.beginObject()
                while let detail = try scanner.nextKey(&details) {
                    if detail == "reasoning_tokens" {
                        field = reasoningField
                        reasoning = scanner.readNull() ? 0 : try CompletionObjectReader.count(&scanner, field)
                    } else if detail == "audio_tokens" {
                        field = audioOutputField
                        audioOutput = scanner.readNull() ? 0 : try CompletionObjectReader.count(&scanner, field)
                    } else {
                        try scanner.skipValue()
                    }
                }
            } else if key == otherAPIInput {
                throw otherAPIObjectFound
            } else {
                try scanner.skipValue()
            }
        }
        guard let inputCount else { throw IngestError.field(inputField.description, "is missing") }
        guard let outputCount else { throw IngestError.field(outputField.description, "is missing") }
        let tokens = TokenUsage(
            input: inputCount, cachedInput: cached, cacheWrite: cacheWrite, output: outputCount, reasoning: reasoning,
            audioInput: audioInput, audioOutput: audioOutput)
        try TokenRule.check(
            tokens, cachedField: cachedField.description, reasoningField: reasoningField.description,
            audioInputField: audioInputField.description, audioOutputField: audioOutputField.description)
        return tokens
    }
}
