/// Exact latency percentiles of a set of requests, in milliseconds.
///
/// Percentiles interpolate linearly between order statistics (Hyndman and Fan's type 7, the
/// default of numpy, pandas and R), so they can be checked against any of those tools.
package struct LatencySummary: Sendable, Equatable {
    package var count: Int
    package var p50: Double
    package var p90: Double
    package var p95: Double
    package var p99: Double

    package init(count: Int, p50: Double, p90: Double, p95: Double, p99: Double) {
        self.count = count
        self.p50 = p50
        self.p90 = p90
        self.p95 = p95
        self.p99 = p99
    }

    static let levels = [0.50, 0.90, 0.95, 0.99]

    /// Reads values in ascending order, keeping only the order statistics the levels need: memory
    /// stays constant however many requests there are.
    package static func from(count: Int, sortedValues: (_ visit: (Double) -> Void) throws -> Void) rethrows -> LatencySummary? {
        guard count > 0 else { return nil }
        let positions = levels.map { Double(count - 1) * $0 }
        var needed = Set(positions.flatMap { [Int($0.rounded(.down)), Int($0.rounded(.up))] })
        var values: [Int: Double] = [:]
        var index = 0
        try sortedValues { value in
            if needed.contains(index) {
                values[index] = value
                needed.remove(index)
            }
            index += 1
        }
        let results = positions.map { position -> Double in
            let lower = Int(position.rounded(.down))
            let upper = Int(position.rounded(.up))
            let low = values[lower] ?? 0
            let high = values[upper] ?? low
            return low + (high - low) * (position - Double(lower))
        }
        return LatencySummary(count: count, p50: results[0], p90: results[1], p95: results[2], p99: results[3])
    }
}
