#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The times of one benchmark's measured runs, after a warm-up run that is not kept.
///
/// Both clocks are kept because the machine is shared: CPU time (`CLOCK_PROCESS_CPUTIME_ID`) is
/// what the work costs on one core whatever else runs, wall time (`CLOCK_MONOTONIC`) is what a
/// user waits and grows when other processes take the core.
struct Measurement: Codable, Sendable {
    var cpuSeconds: [Double]
    var wallSeconds: [Double]

    /// Runs `body` once to warm caches and fill lazily built state, then `runs` times timed.
    static func take(runs: Int, _ body: () throws -> Void) throws -> Measurement {
        try body()
        var measurement = Measurement(cpuSeconds: [], wallSeconds: [])
        for _ in 0..<runs {
            let cpuStart = seconds(on: CLOCK_PROCESS_CPUTIME_ID)
            let wallStart = seconds(on: CLOCK_MONOTONIC)
            try body()
            measurement.wallSeconds.append(seconds(on: CLOCK_MONOTONIC) - wallStart)
            measurement.cpuSeconds.append(seconds(on: CLOCK_PROCESS_CPUTIME_ID) - cpuStart)
        }
        return measurement
    }

    /// Seconds on `clock` since its own origin: only differences between two readings mean anything.
    static func seconds(on clock: clockid_t) -> Double {
        var now = timespec()
        clock_gettime(clock, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }
}
