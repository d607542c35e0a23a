/// A retry about to happen, for progress output: what failed and how long the client waits.
package struct HTTPRetryEvent: Sendable, Equatable {
    package let url: String
    /// The retry about to be made: 1 for the first.
    package let retry: Int
    package let maxRetries: Int
    package let delaySeconds: Double
    /// `HTTP 429`, `HTTP 503`, `connection failed`, `timed out`.
    package let reason: String
    /// True when the wait was named by the server (`Retry-After`, `x-ratelimit-reset-*`).
    package let serverRequested: Bool
}
