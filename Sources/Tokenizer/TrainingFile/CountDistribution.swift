/// Minimum, mean, median, 95th percentile and maximum of a list of counts: the summary the
/// cookbook's data-preparation notebook prints for tokens and messages per example.
///
/// Percentiles interpolate linearly between the two nearest ranks, as `numpy.quantile` does by
/// default, so the figures can be checked against the notebook's output.
package struct CountDistribution: Sendable, Equatable {
    package let count: Int
    package let minimum: Int
    package let mean: Double
    package let median: Double
    package let p95: Double
    package let maximum: Int

    /// nil for an empty list: a distribution of nothing has no minimum.
    package init?(_ values: [Int]) {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        count = sorted.count
        minimum = sorted[0]
        maximum = sorted[sorted.count - 1]
        mean = Double(sorted.reduce(0, +)) / Double(sorted.count)
        median = Self.quantile(0.5, of: sorted)
        p95 = Self.quantile(0.95, of: sorted)
    }

    static func quantile(_ fraction: Double, of sorted: [Int]) -> Double {
        let position = fraction * Double(sorted.count - 1)
        let lower = Int(position.rounded(.down))
        let upper = min(lower + 1, sorted.count - 1)
        let weight = position - Double(lower)
        return Double(sorted[lower]) + (Double(sorted[upper]) - Double(sorted[lower])) * weight
    }
}
