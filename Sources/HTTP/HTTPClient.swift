import DistillCore

/// Sends GET requests through a transport, retrying what may succeed on a later attempt.
///
/// Retries 408, 409, 429, 5xx, connection failures and timeouts up to `policy.maxRetries` times,
/// waiting what the server asks (`ServerRetryDelay`) or an exponential backoff with jitter.
/// Any other non-2xx status fails at once with the API's own error message. Knows nothing of
/// endpoints: callers build the request and read the body.
package final class HTTPClient {
    package let transport: any HTTPTransport
    package let policy: RetryPolicy
    package let clock: any RetryClock
    /// Uniform in 0..<1; injectable so tests can pin the backoff.
    private let jitter: () -> Double
    /// Called before each wait, for progress lines on a terminal.
    package var onRetry: ((HTTPRetryEvent) -> Void)?

    package init(
        transport: any HTTPTransport, policy: RetryPolicy = RetryPolicy(), clock: any RetryClock = SystemRetryClock(),
        jitter: @escaping () -> Double = { Double.random(in: 0..<1) }
    ) {
        self.transport = transport
        self.policy = policy
        self.clock = clock
        self.jitter = jitter
    }

    /// The 2xx response to `request`, after retries; throws `HTTPError` otherwise.
    package func get(_ request: HTTPRequest) throws -> HTTPResponse {
        let scrubber = SecretScrubber(secrets: request.secrets)
        let url = request.displayURL
        var attempt = 0
        while true {
            attempt += 1
            let retriesLeft = attempt <= policy.maxRetries
            let response: HTTPResponse
            do {
                response = try transport.send(request)
            } catch let error as HTTPError where error.isRetryableTransportFailure {
                guard retriesLeft else { throw error.afterAttempts(attempt) }
                let delay = policy.backoffSeconds(retry: attempt, jitter: jitter())
                let reason = if case .timedOut = error { "timed out" } else { "connection failed" }
                wait(delay, url: url, retry: attempt, reason: reason, serverRequested: false)
                continue
            }
            if response.isSuccess { return response }
            let message = Self.apiMessage(in: response.body).map(scrubber.scrub)
            guard RetryPolicy.isRetryable(status: response.status), retriesLeft else {
                throw HTTPError.unexpectedStatus(url: url, status: response.status, message: message, attempts: attempt)
            }
            let serverDelay = ServerRetryDelay.seconds(in: response.headers, status: response.status, now: clock.now())
            if let serverDelay, serverDelay > policy.longestServerWaitSeconds {
                throw HTTPError.waitTooLong(url: url, seconds: serverDelay, limit: policy.longestServerWaitSeconds)
            }
            let delay = serverDelay ?? policy.backoffSeconds(retry: attempt, jitter: jitter())
            let reason = "HTTP \(response.status)"
            wait(delay, url: url, retry: attempt, reason: reason, serverRequested: serverDelay != nil)
        }
    }

    private func wait(_ seconds: Double, url: String, retry: Int, reason: String, serverRequested: Bool) {
        onRetry?(
            HTTPRetryEvent(
                url: url, retry: retry, maxRetries: policy.maxRetries, delaySeconds: seconds, reason: reason,
                serverRequested: serverRequested))
        clock.sleep(seconds: seconds)
    }

    /// The message of an error body: OpenAI's `{"error": {"message": …}}`, a gateway's
    /// `{"error": "…"}` or `{"message": "…"}`, or a short plain-text body. At most 500 characters.
    static func apiMessage(in body: [UInt8]) -> String? {
        let text: String?
        if case .object(let object)? = try? JSONValue.parse(body) {
            if case .object(let error)? = object["error"] {
                text = error["message"]?.stringValue
            } else {
                text = object["error"]?.stringValue ?? object["message"]?.stringValue
            }
        } else {
            let plain = String(decoding: body, as: UTF8.self).trimmingSpaces()
            text = plain.isEmpty || plain.hasPrefix("<") ? nil : plain
        }
        guard let text = text?.trimmingSpaces(), !text.isEmpty else { return nil }
        let oneLine = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return oneLine.count > 500 ? String(oneLine.prefix(500)) + "…" : oneLine
    }
}
