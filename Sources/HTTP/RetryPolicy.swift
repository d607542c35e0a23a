/// When and how long to wait before trying a request again.
///
/// Retried: 408, 409, 429 and every 5xx, plus connection failures and timeouts, as the OpenAI SDKs
/// do. Never retried: 401, 403, 404 and other 4xx, which a second identical request cannot fix.
/// The wait is the server's own (`Retry-After`, `x-ratelimit-reset-*`) when it names one, else an
/// exponential backoff with jitter, so many clients that failed together do not retry together.
package struct RetryPolicy: Sendable, Equatable {
    /// Retries after the first attempt: `maxRetries = 3` makes at most four requests.
    package var maxRetries: Int
    package var initialDelaySeconds: Double
    package var maxDelaySeconds: Double
    /// A server asking for a longer wait than this fails the request instead of stalling the run.
    package var longestServerWaitSeconds: Double

    package init(
        maxRetries: Int = 3, initialDelaySeconds: Double = 0.5, maxDelaySeconds: Double = 8,
        longestServerWaitSeconds: Double = 900
    ) {
        self.maxRetries = max(0, maxRetries)
        self.initialDelaySeconds = initialDelaySeconds
        self.maxDelaySeconds = maxDelaySeconds
        self.longestServerWaitSeconds = longestServerWaitSeconds
    }

    package static func isRetryable(status: Int) -> Bool {
        status == 408 || status == 409 || status == 429 || (500...599).contains(status)
    }

    /// The backoff before retry number `retry` (1 for the first retry): the initial delay doubled
    /// per retry, capped, then shortened by up to a quarter. `jitter` is uniform in 0..<1.
    package func backoffSeconds(retry: Int, jitter: Double) -> Double {
        let exponential = initialDelaySeconds * Double(1 << min(max(retry - 1, 0), 30))
        return min(exponential, maxDelaySeconds) * (1 - 0.25 * min(max(jitter, 0), 1))
    }
}
