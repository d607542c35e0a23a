/// Why a pull from the OpenAI API stopped, in one sentence that says what to do. Transport and
/// status failures are `HTTPError`s; these are the API-level ones.
package enum OpenAIIngestError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The environment variable with the key the endpoint needs is not set.
    case missingKey(endpoint: OpenAIEndpoint)
    /// A 2xx body that is not the documented shape: nothing from that page was written.
    case unexpectedResponse(endpoint: OpenAIEndpoint, field: String?, problem: String)
    /// A page of a stored completion's request messages (`--store-content`) that is not the
    /// documented shape: nothing from the completions page that listed it was written.
    case unexpectedMessages(completionID: String, field: String?, problem: String)
    /// An option that cannot be honoured (a bad date range, a metadata filter without `=`).
    case invalidOption(String)

    package var description: String {
        switch self {
        case .missingKey(let endpoint):
            let variable = endpoint.credential.environmentVariable
            let kind = endpoint.credential == .adminKey ? "an organization admin key" : "a project API key"
            return "\(variable) is not set: \(endpoint) needs \(kind) in that environment variable."
        case .unexpectedResponse(let endpoint, let field, let problem):
            let location = field.map { "field \($0)" } ?? "the body"
            return "\(endpoint) returned a page this tool cannot read (\(location): \(problem)); nothing from that page "
                + "was written. Check that the base URL points at the OpenAI API."
        case .unexpectedMessages(let id, let field, let problem):
            let location = field.map { "field \($0)" } ?? "the body"
            return "GET /chat/completions/\(id)/messages returned a page this tool cannot read (\(location): \(problem)); "
                + "nothing from the completions page that listed \(id) was written. Check that the base URL points at the OpenAI API."
        case .invalidOption(let message):
            return message
        }
    }
}
