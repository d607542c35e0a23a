import HTTP
import Ingest
import Testing

@Suite struct ServerRetryDelayTests {
    @Test(arguments: [
        ("20ms", 0.02), ("1s", 1.0), ("6m0s", 360.0), ("1h2m3.5s", 3723.5), ("0s", 0.0), ("1.5s", 1.5),
    ])
    func readsRateLimitResetDurations(text: String, seconds: Double) {
        #expect(ServerRetryDelay.duration(text) == seconds)
    }

    @Test(arguments: ["", "s", "5", "5x", "1m-2s", "ms"])
    func rejectsMalformedDurations(text: String) {
        #expect(ServerRetryDelay.duration(text) == nil)
    }

    /// The three HTTP-date forms of RFC 9110 §5.6.7 name the same instant.
    @Test(arguments: ["Sun, 06 Nov 1994 08:49:37 GMT", "Sunday, 06-Nov-94 08:49:37 GMT", "Sun Nov  6 08:49:37 1994"])
    func readsEveryHTTPDateForm(text: String) {
        #expect(ServerRetryDelay.httpDate(text) == 784_111_777)
    }

    @Test(arguments: ["tomorrow", "Sun, 32 Nov 1994 08:49:37 GMT", "Sun, 06 Nov 1994 25:49:37 GMT", "Sun, 06 Nov 1994"])
    func rejectsMalformedDates(text: String) {
        #expect(ServerRetryDelay.httpDate(text) == nil)
    }

    @Test func prefersRetryAfterAndReadsResetsOnlyFor429() {
        let headers = HTTPHeaders([("Retry-After", "3"), ("x-ratelimit-reset-requests", "1m0s")])
        #expect(ServerRetryDelay.seconds(in: headers, status: 429, now: 0) == 3)
        let resets = HTTPHeaders([("x-ratelimit-reset-requests", "1s"), ("X-RateLimit-Reset-Tokens", "6m0s")])
        #expect(ServerRetryDelay.seconds(in: resets, status: 429, now: 0) == 360)
        #expect(ServerRetryDelay.seconds(in: resets, status: 503, now: 0) == nil)
        let past = HTTPHeaders([("Retry-After", "Sun, 06 Nov 1994 08:49:37 GMT")])
        #expect(ServerRetryDelay.seconds(in: past, status: 503, now: 784_111_800) == 0)
    }

    @Test func backoffDoublesUpToTheCapAndJitterShortensIt() {
        let policy = RetryPolicy(maxRetries: 8, initialDelaySeconds: 0.5, maxDelaySeconds: 8)
        #expect((1...6).map { policy.backoffSeconds(retry: $0, jitter: 0) } == [0.5, 1, 2, 4, 8, 8])
        #expect(policy.backoffSeconds(retry: 3, jitter: 1) == 1.5)
        #expect(RetryPolicy.isRetryable(status: 429) && RetryPolicy.isRetryable(status: 599))
        #expect(!RetryPolicy.isRetryable(status: 401) && !RetryPolicy.isRetryable(status: 404))
    }
}
