import Foundation
import HTTP
import Ingest
import Testing
import TestSupport

/// The retrying client against the real loopback server: every fault is either retried to the
/// same response a clean request gets, or fails with a message that names the problem.
@Suite struct HTTPClientTests {
    let directory: TemporaryDirectory
    static let costsPath = "/organization/costs"

    init() throws {
        directory = try TemporaryDirectory("http")
    }

    func client(
        _ server: FixtureServer, clock: ManualClock, maxRetries: Int = 3, totalTimeout: Double = 10
    ) throws -> HTTPClient {
        let transport = try CurlTransport(timeouts: HTTPTimeouts(connectSeconds: 5, totalSeconds: totalTimeout))
        return HTTPClient(transport: transport, policy: RetryPolicy(maxRetries: maxRetries), clock: clock, jitter: { 0 })
    }

    func costsRequest(_ server: FixtureServer, key: String = FixtureServer.adminKey) -> HTTPRequest {
        HTTPRequest(
            url: server.url(Self.costsPath),
            query: [
                ("start_time", "1793577600"), ("end_time", "1793750400"), ("group_by[]", "line_item"),
                ("group_by[]", "project_id"),
            ],
            headers: [("Authorization", "Bearer \(key)")])
    }

    func cleanBody() throws -> [UInt8] {
        let server = try FixtureServer(in: directory)
        return try client(server, clock: ManualClock()).get(costsRequest(server)).body
    }

    @Test func sendsQueryAndCredentialAndReturnsTheBody() throws {
        let server = try FixtureServer(in: directory)
        let request = HTTPRequest(
            url: server.url("/chat/completions"),
            query: [("limit", "2"), ("order", "asc"), ("metadata[feature]", "faq bot/é")],
            headers: [("Authorization", "Bearer \(FixtureServer.apiKey)")])
        let response = try client(server, clock: ManualClock()).get(request)
        #expect(response.status == 200)
        #expect(response.headers["content-type"] == "application/json")
        let logged = try #require(try server.requests().first)
        #expect(logged.auth == "ok")
        #expect(logged.value("metadata[feature]") == "faq bot/é")
        #expect(logged.value("order") == "asc")
        #expect(request.fullURL.hasSuffix("?limit=2&order=asc&metadata%5Bfeature%5D=faq%20bot%2F%C3%A9"))
    }

    /// Faults a retry cures: the body after the retry is byte for byte the clean one, and the
    /// waits are the server's own or the backoff (jitter pinned to 0: 0.5 s, 1 s, 2 s…).
    @Test(arguments: [
        (FixtureServer.Fault.status(429, on: "/v1/organization/costs", headers: ["Retry-After": "2"]), [2.0]),
        (.status(429, on: "/v1/organization/costs", headers: ["Retry-After": "Mon, 02 Nov 2026 00:00:07 GMT"]), [7.0]),
        (.status(429, on: "/v1/organization/costs", headers: ["x-ratelimit-reset-requests": "6m0s", "x-ratelimit-reset-tokens": "20ms"]), [360.0]),
        (.status(503, on: "/v1/organization/costs", headers: ["retry-after-ms": "250"]), [0.25]),
        (.status(500, on: "/v1/organization/costs", times: 3), [0.5, 1.0, 2.0]),
        (.status(408, on: "/v1/organization/costs"), [0.5]),
        (.status(409, on: "/v1/organization/costs"), [0.5]),
        (.kind("reset", on: "/v1/organization/costs", times: 2), [0.5, 1.0]),
        (.kind("truncate", on: "/v1/organization/costs"), [0.5]),
    ])
    func retriesToTheCleanResponse(fault: FixtureServer.Fault, expectedWaits: [Double]) throws {
        let expected = try cleanBody()
        let server = try FixtureServer(in: directory, faults: [fault])
        let clock = ManualClock()
        let http = try client(server, clock: clock)
        var events: [HTTPRetryEvent] = []
        http.onRetry = { events.append($0) }
        let response = try http.get(costsRequest(server))
        #expect(response.body == expected)
        #expect(clock.sleeps == expectedWaits)
        #expect(events.map(\.delaySeconds) == expectedWaits)
        #expect(try server.requests().count == expectedWaits.count + 1)
    }

    /// libcurl itself retries a request once on a fresh connection when a reused keep-alive
    /// connection turns out dead before any response byte, so no backoff is spent on it.
    @Test func resetOfAReusedConnectionIsRetriedByLibcurl() throws {
        let server = try FixtureServer(in: directory, faults: [.kind("reset", on: "/v1/organization/costs", after: 1)])
        let clock = ManualClock()
        let http = try client(server, clock: clock)
        let first = try http.get(costsRequest(server))
        let second = try http.get(costsRequest(server))
        #expect(first.body == second.body)
        #expect(clock.sleeps.isEmpty)
        #expect(try server.requests().count == 3)
    }

    @Test func slowResponsePastTheTimeoutIsRetried() throws {
        let expected = try cleanBody()
        let server = try FixtureServer(in: directory, faults: [.kind("slow", on: "/v1/organization/costs", delay: 6)])
        let clock = ManualClock()
        let started = Date()
        let response = try client(server, clock: clock, totalTimeout: 1.5).get(costsRequest(server))
        #expect(response.body == expected)
        #expect(clock.sleeps == [0.5])
        #expect(Date().timeIntervalSince(started) < 5)
    }

    @Test func slowResponsesBeyondTheRetriesFailWithATimeout() throws {
        let server = try FixtureServer(in: directory, faults: [.kind("slow", on: "/v1/organization/costs", times: 9, delay: 3)])
        let http = try client(server, clock: ManualClock(), maxRetries: 1, totalTimeout: 1)
        let error = try #require(throws: HTTPError.self) { try http.get(costsRequest(server)) }
        guard case .timedOut(_, _, let attempts) = error else {
            Issue.record("expected a timeout, got \(error)")
            return
        }
        #expect(attempts == 2)
        #expect(error.description.contains("timed out (2 attempts)"))
    }

    @Test func serverErrorsBeyondTheRetriesFailWithTheStatus() throws {
        let server = try FixtureServer(in: directory, faults: [.status(500, on: "/v1/organization/costs", times: 9)])
        let clock = ManualClock()
        let http = try client(server, clock: clock, maxRetries: 2)
        let error = try #require(throws: HTTPError.self) { try http.get(costsRequest(server)) }
        #expect(error == .unexpectedStatus(url: server.url(Self.costsPath), status: 500, message: "Injected failure.", attempts: 3))
        #expect(clock.sleeps == [0.5, 1.0])
        #expect(error.description.hasPrefix("GET \(server.url(Self.costsPath)) answered HTTP 500 (Internal Server Error) (3 attempts): Injected failure."))
    }

    /// A wrong key is a 401 at once, with the API's message and no trace of the key, not even the
    /// masked ends the API echoes back.
    @Test func unauthorizedStopsAtOnceWithTheAPIMessageAndNoKey() throws {
        let server = try FixtureServer(in: directory)
        let wrongKey = "sk-wrong-DISTILLSECRET9876"
        let http = try client(server, clock: ManualClock())
        let error = try #require(throws: HTTPError.self) { try http.get(costsRequest(server, key: wrongKey)) }
        guard case .unexpectedStatus(_, 401, let message, 1) = error else {
            Issue.record("expected a 401 without retries, got \(error)")
            return
        }
        #expect(message?.hasPrefix("Incorrect API key provided: sk-[redacted]") == true)
        #expect(!error.description.contains("9876"))
        #expect(!error.description.contains(wrongKey))
        #expect(error.description.contains("Check that the key is valid"))
        #expect(try server.requests().count == 1)
    }

    @Test func forbiddenAndNotFoundAreNotRetried() throws {
        let server = try FixtureServer(in: directory)
        let http = try client(server, clock: ManualClock())
        let forbidden = try #require(throws: HTTPError.self) { try http.get(costsRequest(server, key: FixtureServer.apiKey)) }
        #expect(forbidden.description.contains("HTTP 403 (Forbidden): You have insufficient permissions"))
        let missing = HTTPRequest(url: server.url("/no/such/endpoint"), headers: [("Authorization", "Bearer x-key")])
        let notFound = try #require(throws: HTTPError.self) { try http.get(missing) }
        #expect(notFound.description.contains("HTTP 404 (Not Found): Invalid URL (GET /v1/no/such/endpoint)"))
        #expect(notFound.description.contains("it must include /v1"))
        #expect(try server.requests().count == 2)
    }

    @Test func refusedConnectionIsRetriedThenReported() throws {
        let port: Int
        do {
            let server = try FixtureServer(in: directory)
            port = server.port
        }
        let clock = ManualClock()
        let transport = try CurlTransport(timeouts: HTTPTimeouts(connectSeconds: 2, totalSeconds: 5))
        let http = HTTPClient(transport: transport, policy: RetryPolicy(maxRetries: 2), clock: clock, jitter: { 0 })
        let error = try #require(throws: HTTPError.self) {
            try http.get(HTTPRequest(url: "http://127.0.0.1:\(port)/v1/organization/costs"))
        }
        guard case .connectionFailed(_, let reason, 3) = error else {
            Issue.record("expected a connection failure after 3 attempts, got \(error)")
            return
        }
        #expect(reason.contains("curl error 7"))
        #expect(clock.sleeps == [0.5, 1.0])
    }

    @Test func aServerWaitBeyondTheLimitFailsInsteadOfStalling() throws {
        let server = try FixtureServer(
            in: directory, faults: [.status(429, on: "/v1/organization/costs", headers: ["Retry-After": "3600"])])
        let transport = try CurlTransport()
        let clock = ManualClock()
        let http = HTTPClient(transport: transport, policy: RetryPolicy(longestServerWaitSeconds: 600), clock: clock)
        let error = try #require(throws: HTTPError.self) { try http.get(costsRequest(server)) }
        #expect(error == .waitTooLong(url: server.url(Self.costsPath), seconds: 3600, limit: 600))
        #expect(clock.sleeps.isEmpty)
    }

    @Test func aBodyPastTheSizeLimitStopsTheTransfer() throws {
        let server = try FixtureServer(in: directory)
        let http = HTTPClient(transport: try CurlTransport(maximumBodyBytes: 100), clock: ManualClock())
        let error = try #require(throws: HTTPError.self) { try http.get(costsRequest(server)) }
        #expect(error == .responseTooLarge(url: server.url(Self.costsPath), limit: 100))
        #expect(try server.requests().count == 1)
    }

    /// TLS verification is on: a certificate no CA in libcurl's bundle vouches for is refused
    /// before any request is sent, and not retried.
    @Test func anUnverifiableCertificateIsRefused() throws {
        let server = try FixtureServer(in: directory, tls: true)
        let clock = ManualClock()
        let error = try #require(throws: HTTPError.self) { try client(server, clock: clock).get(costsRequest(server)) }
        guard case .transferFailed(let url, let reason) = error else {
            Issue.record("expected a transfer failure, got \(error)")
            return
        }
        #expect(url.hasPrefix("https://127.0.0.1:"))
        #expect(reason.contains("(curl error 60)"))
        #expect(clock.sleeps.isEmpty)
        #expect(try server.requests().isEmpty)
    }

    @Test func malformedURLIsAnInvalidRequest() throws {
        let http = HTTPClient(transport: try CurlTransport(), clock: ManualClock())
        let error = try #require(throws: HTTPError.self) { try http.get(HTTPRequest(url: "ftp://example.invalid/v1")) }
        guard case .invalidRequest = error else {
            Issue.record("expected an invalid request, got \(error)")
            return
        }
    }

    @Test func headerWithALineBreakIsRefusedBeforeSending() throws {
        let http = HTTPClient(transport: try CurlTransport(), clock: ManualClock())
        let request = HTTPRequest(url: "http://127.0.0.1:9/v1", headers: [("X-Test", "a\r\nInjected: yes")])
        let error = try #require(throws: HTTPError.self) { try http.get(request) }
        #expect(error == .invalidRequest(url: "http://127.0.0.1:9/v1", reason: "the header X-Test contains a line break"))
    }
}
