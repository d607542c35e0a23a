import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Everything one invocation measured, with the conditions it ran under: what `--json` writes and
/// what the Markdown table is printed from.
struct ResultsDocument: Codable {
    /// UTC, ISO 8601.
    var date: String
    var commit: String?
    var quick: Bool
    var runsPerBenchmark: Int
    /// Online processors, as `nproc` reports them.
    var processors: Int
    /// The 1, 5 and 15-minute load averages: the machine is shared, so they say how much else ran.
    var loadAverageAtStart: [Double]
    var loadAverageAtEnd: [Double] = []
    var totalWallSeconds: Double = 0
    var benchmarks: [BenchmarkResult] = []

    init(commit: String?, quick: Bool, runsPerBenchmark: Int) {
        date = ISO8601DateFormatter().string(from: Date())
        self.commit = commit
        self.quick = quick
        self.runsPerBenchmark = runsPerBenchmark
        processors = ProcessInfo.processInfo.activeProcessorCount
        loadAverageAtStart = Self.loadAverage()
    }

    static func loadAverage() -> [Double] {
        var averages = [Double](repeating: 0, count: 3)
        let count = getloadavg(&averages, 3)
        return Array(averages.prefix(max(Int(count), 0)))
    }
}
