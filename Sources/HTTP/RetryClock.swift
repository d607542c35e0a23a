#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The role of telling the time and waiting, so retries can be tested without real waits.
///
/// `now` is Unix seconds (an HTTP-date in `Retry-After` is turned into a delay against it).
package protocol RetryClock {
    func now() -> Double
    func sleep(seconds: Double)
}

/// The machine's real-time clock and a blocking sleep.
package struct SystemRetryClock: RetryClock, Sendable {
    package init() {}

    package func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// Restarts `nanosleep` after a signal interrupts it, so a wait is never cut short.
    package func sleep(seconds: Double) {
        guard seconds > 0 else { return }
        var request = timespec(tv_sec: Int(seconds), tv_nsec: Int((seconds - seconds.rounded(.down)) * 1e9))
        var remaining = timespec()
        while nanosleep(&request, &remaining) != 0, errno == EINTR {
            request = remaining
        }
    }
}
