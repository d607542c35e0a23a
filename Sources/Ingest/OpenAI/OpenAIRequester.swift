import HTTP

/// Sends one GET to an endpoint with its credential headers, through the retrying client.
///
/// The only place a key is put into a request; `HTTPClient` scrubs it from anything it reports.
package final class OpenAIRequester {
    package let environment: OpenAIEnvironment
    package let http: HTTPClient

    package init(environment: OpenAIEnvironment, http: HTTPClient) {
        self.environment = environment
        self.http = http
    }

    /// The body of a 2xx response.
    func get(_ endpoint: OpenAIEndpoint, query: [(name: String, value: String)]) throws -> [UInt8] {
        try get(endpoint, below: [], query: query)
    }

    /// The body of a 2xx response from a path below the endpoint's, such as
    /// `/chat/completions/{id}/messages`; each component is percent-encoded and `.` or `..` (which
    /// URL parsing would resolve as a path step) refused, so an id from a page cannot change the path.
    func get(_ endpoint: OpenAIEndpoint, below components: [String], query: [(name: String, value: String)]) throws -> [UInt8] {
        if let step = components.first(where: { $0.isEmpty || $0 == "." || $0 == ".." }) {
            throw OpenAIIngestError.unexpectedResponse(endpoint: endpoint, field: "id", problem: "an id of \"\(step)\" cannot name a resource")
        }
        let path = components.map { "/" + HTTPRequest.percentEncoded($0) }.joined()
        let request = HTTPRequest(
            url: environment.baseURL + endpoint.path + path, query: query, headers: try environment.headers(for: endpoint))
        return try http.get(request).body
    }
}
