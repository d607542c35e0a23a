/// A retry about to happen, for progress output: what failed and how long the client waits.
public struct HTTPRetryEvent: Sendable, Equatable {
    public let url: String
    /// The retry about to be made: 1 for the first.
    public let retry: Int
    public let maxRetries: Int
    public let delaySeconds: Double
    /// `HTTP 429`, `HTTP 503`, `connection failed`, `timed out`.
    public let reason: String
    /// True when the wait was named by the server (`Retry-After`, `x-ratelimit-reset-*`).
    public let serverRequested: Bool
}
