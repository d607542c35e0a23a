/// One benchmark: what a run processes and how long each run took.
struct BenchmarkResult: Codable, Sendable {
    /// An amount of work done by every run, in a unit a rate can be given in (`records`, `MB`).
    struct Work: Codable, Sendable {
        var unit: String
        var amount: Double
    }

    var name: String
    /// What the input is, for the reader of the results: sizes, sources, how it was generated.
    var input: String
    var work: [Work]
    var measurement: Measurement

    /// One rate per measured run: the work over that run's time on `clock`.
    func rates(of work: Work, clock: KeyPath<Measurement, [Double]>) -> [Double] {
        measurement[keyPath: clock].map { work.amount / $0 }
    }
}

/// Median, smallest and largest of a set of runs.
struct Spread: Sendable {
    var median: Double
    var min: Double
    var max: Double

    init(_ values: [Double]) {
        let sorted = values.sorted()
        let middle = sorted.count / 2
        median = sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
        min = sorted.first ?? 0
        max = sorted.last ?? 0
    }
}
