import HTTP

/// An in-memory transport that answers from a script, for unit tests of the retrying client that
/// need no server: each `send` takes the next outcome (a response or a transport error) and
/// records the request. The loopback `FixtureServer` tests cover the real libcurl path.
final class ScriptedTransport: HTTPTransport {
    enum Outcome {
        case response(HTTPResponse)
        case failure(HTTPError)
    }

    private var script: [Outcome]
    private(set) var sent: [HTTPRequest] = []

    init(_ script: [Outcome]) { self.script = script }

    func send(_ request: HTTPRequest) throws -> HTTPResponse {
        sent.append(request)
        guard !script.isEmpty else { throw HTTPError.transferFailed(url: request.displayURL, reason: "the script ran out") }
        switch script.removeFirst() {
        case .response(let response): return response
        case .failure(let error): throw error
        }
    }
}
