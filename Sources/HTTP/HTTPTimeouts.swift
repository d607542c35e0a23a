/// How long one attempt may take: to connect, and in total (connect, send, wait, receive).
///
/// They map to libcurl's CURLOPT_CONNECTTIMEOUT_MS and CURLOPT_TIMEOUT_MS; a timed-out attempt
/// fails with CURLE_OPERATION_TIMEDOUT and is retried like a connection error.
package struct HTTPTimeouts: Sendable, Equatable {
    package var connectSeconds: Double
    package var totalSeconds: Double

    package init(connectSeconds: Double = 10, totalSeconds: Double = 120) {
        self.connectSeconds = connectSeconds
        self.totalSeconds = totalSeconds
    }
}
