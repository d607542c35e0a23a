import HTTP
import Testing

/// The retry loop of `HTTPClient` on an in-memory transport: which answers are retried, how long it
/// waits, and what the error says when it gives up.
@Suite struct RetryingClientTests {
    static let url = "https://api.example.test/v1/organization/costs"

    func client(_ transport: ScriptedTransport, clock: ManualClock, maxRetries: Int = 3) -> HTTPClient {
        HTTPClient(transport: transport, policy: RetryPolicy(maxRetries: maxRetries), clock: clock, jitter: { 0 })
    }

    func status(_ code: Int, _ body: String = "", headers: [(String, String)] = []) -> ScriptedTransport.Outcome {
        var fields = HTTPHeaders()
        for (name, value) in headers { fields.append(name: name, value: value) }
        return .response(HTTPResponse(status: code, headers: fields, body: Array(body.utf8)))
    }

    @Test func retriesServerErrorsWithDoublingBackoffThenReturnsTheAnswer() throws {
        let transport = ScriptedTransport([status(500), status(502), status(200, "{}")])
        let clock = ManualClock()
        let response = try client(transport, clock: clock).get(HTTPRequest(url: Self.url))
        #expect(response.body == Array("{}".utf8))
        #expect(transport.sent.count == 3)
        #expect(clock.sleeps == [0.5, 1.0])
    }

    @Test func retriesConnectionFailuresAndCountsAttemptsWhenItGivesUp() throws {
        let refused = HTTPError.connectionFailed(url: Self.url, reason: "refused", attempts: 1)
        let transport = ScriptedTransport(Array(repeating: .failure(refused), count: 3))
        let clock = ManualClock()
        let error = #expect(throws: HTTPError.self) {
            try client(transport, clock: clock, maxRetries: 2).get(HTTPRequest(url: Self.url))
        }
        #expect(error == .connectionFailed(url: Self.url, reason: "refused", attempts: 3))
        #expect(clock.sleeps == [0.5, 1.0])
    }

    @Test func aClientErrorIsNotRetriedAndItsMessageIsKept() throws {
        let transport = ScriptedTransport([status(400, #"{"error": {"message": "bad group_by"}}"#)])
        let clock = ManualClock()
        let error = #expect(throws: HTTPError.self) { try client(transport, clock: clock).get(HTTPRequest(url: Self.url)) }
        #expect(error == .unexpectedStatus(url: Self.url, status: 400, message: "bad group_by", attempts: 1))
        #expect(transport.sent.count == 1)
        #expect(clock.sleeps.isEmpty)
    }

    @Test func waitsAsLongAsRetryAfterSaysAndRefusesAnAbsurdWait() throws {
        let clock = ManualClock()
        let transport = ScriptedTransport([status(429, headers: [("Retry-After", "3")]), status(200)])
        _ = try client(transport, clock: clock).get(HTTPRequest(url: Self.url))
        #expect(clock.sleeps == [3.0])

        let tooLong = ScriptedTransport([status(429, headers: [("Retry-After", "86400")])])
        let error = #expect(throws: HTTPError.self) { try client(tooLong, clock: ManualClock()).get(HTTPRequest(url: Self.url)) }
        guard case .waitTooLong(_, let seconds, _) = error else {
            Issue.record("expected waitTooLong, got \(String(describing: error))")
            return
        }
        #expect(seconds == 86_400)
    }
}
