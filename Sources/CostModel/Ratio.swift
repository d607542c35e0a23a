/// An exact fraction for ratios such as ROI, so a figure like "ROI 150%" is computed without
/// floating point and rounded (half to even) only when printed.
public struct Ratio: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let numerator: Int128
    /// Always positive.
    public let denominator: Int128

    /// nil for a zero denominator.
    public init?(_ numerator: Int128, _ denominator: Int128) {
        guard denominator != 0 else { return nil }
        let divisor = Int128(MoneyPerRequest.gcd(numerator.magnitude, denominator.magnitude))
        let sign: Int128 = denominator < 0 ? -1 : 1
        self.numerator = sign * numerator / divisor
        self.denominator = sign * denominator / divisor
    }

    public var approximateDouble: Double { Double(numerator) / Double(denominator) }

    /// The ratio as a percentage with `places` decimals, rounded half to even: 3/2 → `"150.0"`.
    public func percentText(places: Int) -> String {
        let scale = DecimalText.powerOfTen(places)
        return DecimalText.fixed(DecimalText.divideHalfEven(numerator * 100 * scale, denominator), scale: places)
    }

    public var description: String { "\(numerator)/\(denominator)" }

    public static func < (lhs: Ratio, rhs: Ratio) -> Bool {
        lhs.numerator * rhs.denominator < rhs.numerator * lhs.denominator
    }
}
