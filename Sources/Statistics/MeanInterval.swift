#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A sample mean with its two-sided 95% confidence interval from Student's t distribution.
package struct MeanInterval: Sendable, Equatable {
    package var count: Int
    package var mean: Double
    /// Nil below two values: one value has no spread to estimate.
    package var low: Double?
    package var high: Double?

    package init(count: Int, mean: Double, low: Double?, high: Double?) {
        self.count = count
        self.mean = mean
        self.low = low
        self.high = high
    }

    /// Mean ± t(0.975, n−1) × s / √n, with the sample standard deviation s (n − 1 divisor).
    package static func of(_ values: [Double]) -> MeanInterval? {
        guard !values.isEmpty else { return nil }
        let count = values.count
        let mean = values.reduce(0, +) / Double(count)
        guard count >= 2 else { return MeanInterval(count: count, mean: mean, low: nil, high: nil) }
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(count - 1)
        let halfWidth = StudentT.quantile975(degreesOfFreedom: count - 1) * (variance / Double(count)).squareRoot()
        return MeanInterval(count: count, mean: mean, low: mean - halfWidth, high: mean + halfWidth)
    }
}

/// The 97.5th percentile of Student's t distribution, for two-sided 95% intervals.
enum StudentT {
    /// Exact to six decimals for 1...30 degrees of freedom (standard tables).
    private static let table: [Double] = [
        12.706205, 4.302653, 3.182446, 2.776445, 2.570582, 2.446912, 2.364624, 2.306004, 2.262157, 2.228139,
        2.200985, 2.178813, 2.160369, 2.144787, 2.131450, 2.119905, 2.109816, 2.100922, 2.093024, 2.085963,
        2.079614, 2.073873, 2.068658, 2.063899, 2.059539, 2.055529, 2.051831, 2.048407, 2.045230, 2.042272,
    ]

    /// Above 30 degrees of freedom, the Cornish–Fisher expansion around the normal quantile
    /// (Abramowitz and Stegun 26.7.5) is within 1e-6 of the exact value.
    static func quantile975(degreesOfFreedom df: Int) -> Double {
        if df >= 1, df <= table.count { return table[df - 1] }
        let z = 1.959963984540054
        let v = Double(max(df, 1))
        let z3 = z * z * z, z5 = z3 * z * z, z7 = z5 * z * z, z9 = z7 * z * z
        return z + (z3 + z) / (4 * v) + (5 * z5 + 16 * z3 + 3 * z) / (96 * v * v)
            + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * v * v * v)
            + (79 * z9 + 776 * z7 + 1482 * z5 - 1920 * z3 - 945 * z) / (92160 * v * v * v * v)
    }
}
