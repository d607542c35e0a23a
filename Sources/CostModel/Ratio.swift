/// An exact fraction for ratios such as ROI, so a figure like "ROI 150%" is computed without
/// floating point and rounded (half to even) only when printed.
public struct Ratio: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let numerator: Int128
    /// Always positive.
    public let denominator: Int128

    /// nil for a zero denominator.
    public init?(_ numerator: Int128, _ denominator: Int128) {
        guard denominator != 0 else { return nil }
        let divisor = Int128(DecimalText.gcd(numerator.magnitude, denominator.magnitude))
        let sign: Int128 = denominator < 0 ? -1 : 1
        self.numerator = sign * numerator / divisor
        self.denominator = sign * denominator / divisor
    }

    public var approximateDouble: Double { Double(numerator) / Double(denominator) }

    /// The ratio as a percentage with `places` decimals (0...20), rounded half to even: 3/2 →
    /// `"150.0"`. A percentage too large for 128 bits reads `"out of range"`.
    public func percentText(places: Int) -> String {
        let places = min(max(places, 0), 20)
        guard
            let scaled = DecimalText.multiplyDivide(
                numerator, 100 * DecimalText.powerOfTen(places), denominator, rounding: .halfEven)
        else { return "out of range" }
        return DecimalText.fixed(scaled, scale: places)
    }

    public var description: String { "\(numerator)/\(denominator)" }

    public static func < (lhs: Ratio, rhs: Ratio) -> Bool {
        DecimalText.fractionLess(lhs.numerator, lhs.denominator, rhs.numerator, rhs.denominator)
    }
}
