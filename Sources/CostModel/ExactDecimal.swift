import DistillCore

/// An exact decimal with up to nine fractional digits, as prices are written in `pricing/`: USD per
/// 1M tokens (`0.075`, `2.225`), per hour (`100`), or a currency rate (`1.0842`).
///
/// Prices must never pass through `Double`: `0.075` has no exact binary form, and a sum of many
/// binary approximations drifts. The value is an `Int128` count of 10⁻⁹ units, parsed from the
/// catalog's source text, so every price is the number the file says. Nine digits is enough for a
/// per-token price converted to per-1M (litellm's `2.225e-06` is `2.225`); text with more
/// precision is rejected rather than rounded.
public struct ExactDecimal: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Fractional digits kept: values are whole multiples of 10⁻⁹.
    public static let scale = 9
    /// 10⁹, the number of units in one.
    public static let unitsPerOne: Int128 = 1_000_000_000

    /// The value times 10⁹.
    public let units: Int128

    public init(units: Int128) { self.units = units }

    public init(_ integer: Int64) { self.units = Int128(integer) * Self.unitsPerOne }

    public static let zero = ExactDecimal(units: 0)

    /// Parses decimal text: an optional sign, digits with an optional fraction, and an optional
    /// exponent (`1e-6`, `2.5E+3`), then multiplies by 10^`powerOfTen` exactly (so a per-token
    /// price `2.5e-06` with `timesPowerOfTen: 6` reads as 2.5 per million). Returns nil for
    /// anything else, and for values whose exact form needs more than nine fractional digits or
    /// overflows.
    public init?(_ text: some StringProtocol, timesPowerOfTen powerOfTen: Int = 0) {
        guard let literal = DecimalLiteral(text, maximumExponent: 99) else { return nil }
        var digits = literal.digits
        // value = digits × 10^(exponent + powerOfTen − fractionDigits); stored × 10^9.
        var shift = literal.exponent + powerOfTen - literal.fractionDigits + Self.scale
        while shift < 0, digits.last == 0 {
            digits.removeLast()
            shift += 1
        }
        while digits.count > 1, digits.first == 0 { digits.removeFirst() }
        guard shift >= 0, digits.count + shift <= 37 else { return nil }
        var value: Int128 = 0
        for digit in digits { value = value * 10 + Int128(digit) }
        for _ in 0..<shift { value *= 10 }
        self.units = literal.isNegative ? -value : value
    }

    public var isNegative: Bool { units < 0 }

    /// Shortest exact decimal text: `0.075`, `2.5`, `100`, `-0.5`.
    public var description: String { DecimalText.trimmed(units, scale: Self.scale) }

    /// The value multiplied by `numerator / denominator`, or nil when the exact result needs more
    /// than nine fractional digits: callers never round a price silently.
    public func scaled(by numerator: Int64, over denominator: Int64) -> ExactDecimal? {
        let (product, overflow) = units.multipliedReportingOverflow(by: Int128(numerator))
        guard !overflow, denominator != 0, product % Int128(denominator) == 0 else { return nil }
        return ExactDecimal(units: product / Int128(denominator))
    }

    /// A view for charts and ratios only; never sum money through it.
    public var approximateDouble: Double { Double(units) / Double(Self.unitsPerOne) }

    public static func < (lhs: ExactDecimal, rhs: ExactDecimal) -> Bool { lhs.units < rhs.units }
}
