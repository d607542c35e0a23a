/// Why an HTTP request failed, after any retries.
///
/// Every case names the URL without its query or credentials; no case carries a header, so a key
/// sent in `Authorization` cannot reach an error message. Messages quoted from a server are
/// scrubbed of the request's secrets before they are stored here (see `SecretScrubber`).
package enum HTTPError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The request could not be built or was refused by libcurl before any byte was sent
    /// (a malformed URL, an unsupported scheme, a header with a line break).
    case invalidRequest(url: String, reason: String)
    /// No usable connection: refused, reset, closed early, DNS failure, TLS handshake aborted, or a
    /// body shorter than its Content-Length. Retried.
    case connectionFailed(url: String, reason: String, attempts: Int)
    /// The connect or total timeout passed. Retried.
    case timedOut(url: String, reason: String, attempts: Int)
    /// A transfer error that retrying cannot fix, such as a certificate that fails verification.
    case transferFailed(url: String, reason: String)
    /// The server answered with a status that is not 2xx: either one that is never retried
    /// (401, 403, 404, other 4xx) or a retried one (408, 409, 429, 5xx) on the last attempt.
    case unexpectedStatus(url: String, status: Int, message: String?, attempts: Int)
    /// The server asked us to wait longer than the client is allowed to.
    case waitTooLong(url: String, seconds: Double, limit: Double)
    /// The body exceeded the client's size limit, so the transfer was aborted.
    case responseTooLarge(url: String, limit: Int)

    /// True for failures a later attempt may not repeat: connections and timeouts.
    package var isRetryableTransportFailure: Bool {
        switch self {
        case .connectionFailed, .timedOut: true
        default: false
        }
    }

    /// The same error, counting `attempts` requests.
    func afterAttempts(_ attempts: Int) -> HTTPError {
        switch self {
        case .connectionFailed(let url, let reason, _): .connectionFailed(url: url, reason: reason, attempts: attempts)
        case .timedOut(let url, let reason, _): .timedOut(url: url, reason: reason, attempts: attempts)
        case .unexpectedStatus(let url, let status, let message, _):
            .unexpectedStatus(url: url, status: status, message: message, attempts: attempts)
        default: self
        }
    }

    package var description: String {
        switch self {
        case .invalidRequest(let url, let reason):
            return "Cannot send GET \(url): \(reason). Check the base URL (for example https://api.openai.com/v1)."
        case .connectionFailed(let url, let reason, let attempts):
            return "Cannot reach \(url)\(Self.tries(attempts)): \(reason). Check the network, the base URL and any "
                + "proxy set in https_proxy / no_proxy, then try again."
        case .timedOut(let url, let reason, let attempts):
            return "GET \(url) timed out\(Self.tries(attempts)): \(reason). The server is slow or unreachable; "
                + "run the command again later, or raise the timeout."
        case .transferFailed(let url, let reason):
            return "GET \(url) failed: \(reason). Retrying would not help; check the URL and the server's "
                + "TLS certificate."
        case .unexpectedStatus(let url, let status, let message, let attempts):
            var text = "GET \(url) answered HTTP \(status) \(Self.reason(status))\(Self.tries(attempts))"
            if let message, !message.isEmpty { text += ": \(message)" }
            return text + (text.hasSuffix(".") ? " " : ". ") + Self.advice(status)
        case .waitTooLong(let url, let seconds, let limit):
            return "GET \(url) is rate limited and the server asks to wait \(Self.seconds(seconds)), more than the "
                + "\(Self.seconds(limit)) this client waits; try again later."
        case .responseTooLarge(let url, let limit):
            return "GET \(url) sent a body larger than \(limit) bytes, so the transfer was stopped; "
                + "ask for smaller pages."
        }
    }

    private static func tries(_ attempts: Int) -> String {
        attempts > 1 ? " (\(attempts) attempts)" : ""
    }

    private static func seconds(_ value: Double) -> String {
        value.rounded() == value ? "\(Int(value)) s" : "\((value * 10).rounded() / 10) s"
    }

    private static func reason(_ status: Int) -> String {
        switch status {
        case 400: "(Bad Request)"
        case 401: "(Unauthorized)"
        case 403: "(Forbidden)"
        case 404: "(Not Found)"
        case 408: "(Request Timeout)"
        case 409: "(Conflict)"
        case 429: "(Too Many Requests)"
        case 500: "(Internal Server Error)"
        case 502: "(Bad Gateway)"
        case 503: "(Service Unavailable)"
        case 504: "(Gateway Timeout)"
        case 300..<400: "(a redirect, which is not followed)"
        default: ""
        }
    }

    private static func advice(_ status: Int) -> String {
        switch status {
        case 401: "Check that the key is valid and set in the right environment variable."
        case 403: "The key lacks permission for this endpoint (organization endpoints need an admin key)."
        case 404: "Check the base URL: it must include /v1, as in https://api.openai.com/v1."
        case 429: "The rate limit or quota is exhausted; try again later."
        case 500..<600: "The server failed; try again later."
        case 300..<400: "Use the final URL as the base URL."
        default: "The server rejected the request as sent."
        }
    }
}
