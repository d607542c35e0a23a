/// An exact sum of non-negative decimal amounts written as text (`0.000135`, `1.5e-05`,
/// `0.00013499999999999997`), with no limit on digits.
///
/// Sources state what a request cost as a JSON number or a CSV cell, and a float printed by
/// Python can carry twenty fractional digits: a fixed scale (the 10⁻¹⁵ of `Money`, or an
/// integer column of 10⁻¹² dollars) would round those, and an integer column holds only
/// about $9M of pico-dollars per roll-up row. Adding the digits themselves keeps a day's total
/// equal to the sum of what the sources said, to the last digit, whatever their precision. It
/// lives here because both the store (roll-ups, the SQL aggregate) and readers (validation) need
/// it, and neither may import the cost model.
public struct DecimalTextSum: Equatable, Sendable {
    /// Integer digits, least significant first.
    private var whole: [UInt8] = []
    /// Fractional digits, most significant (tenths) first.
    private var fraction: [UInt8] = []

    public init() {}

    /// The sum of one amount; nil when the text is not a non-negative decimal.
    public init?(_ text: some StringProtocol) {
        guard let parsed = Self.digits(of: text) else { return nil }
        (whole, fraction) = parsed
    }

    /// Whether `text` is an amount this type can add: optional `+`, digits with an optional
    /// fraction, an optional exponent; never negative.
    public static func isAmount(_ text: some StringProtocol) -> Bool { digits(of: text) != nil }

    /// Adds an amount; false (and nothing added) when the text is not a non-negative decimal.
    @discardableResult
    public mutating func add(_ text: some StringProtocol) -> Bool {
        guard let other = Self(text) else { return false }
        add(other)
        return true
    }

    public mutating func add(_ other: DecimalTextSum) {
        var carry: UInt8 = 0
        let fractionCount = max(fraction.count, other.fraction.count)
        var sumFraction = [UInt8](repeating: 0, count: fractionCount)
        for index in stride(from: fractionCount - 1, through: 0, by: -1) {
            let digit = (index < fraction.count ? fraction[index] : 0)
                + (index < other.fraction.count ? other.fraction[index] : 0) + carry
            sumFraction[index] = digit % 10
            carry = digit / 10
        }
        var sumWhole: [UInt8] = []
        sumWhole.reserveCapacity(max(whole.count, other.whole.count) + 1)
        for index in 0..<max(whole.count, other.whole.count) {
            let digit = (index < whole.count ? whole[index] : 0)
                + (index < other.whole.count ? other.whole[index] : 0) + carry
            sumWhole.append(digit % 10)
            carry = digit / 10
        }
        if carry > 0 { sumWhole.append(carry) }
        whole = sumWhole
        fraction = sumFraction
    }

    /// Equal when the amounts are: `0.50` and `5e-1` are the same sum.
    public static func == (lhs: DecimalTextSum, rhs: DecimalTextSum) -> Bool { lhs.text == rhs.text }

    /// The exact sum as plain decimal text, without exponent, leading or trailing zeros: `0.3`,
    /// `12`, `0.00013499999999999997`.
    public var text: String {
        var integer = whole
        while integer.count > 1, integer.last == 0 { integer.removeLast() }
        var decimals = fraction[...]
        while decimals.last == 0 { decimals = decimals.dropLast() }
        var result = integer.isEmpty ? "0" : String(integer.reversed().map { Character(Unicode.Scalar($0 + 48)) })
        if !decimals.isEmpty { result += "." + String(decimals.map { Character(Unicode.Scalar($0 + 48)) }) }
        return result
    }

    /// Splits decimal text into integer digits (least significant first) and fractional digits,
    /// applying the exponent by moving the point.
    private static func digits(of text: some StringProtocol) -> (whole: [UInt8], fraction: [UInt8])? {
        guard let literal = DecimalLiteral(text, maximumExponent: 400), !literal.isNegative else { return nil }
        let mantissa = literal.digits
        let point = mantissa.count - literal.fractionDigits + literal.exponent
        if point <= 0 {
            return ([], [UInt8](repeating: 0, count: -point) + mantissa)
        }
        if point >= mantissa.count {
            return (Array((mantissa + [UInt8](repeating: 0, count: point - mantissa.count)).reversed()), [])
        }
        return (Array(mantissa[..<point].reversed()), Array(mantissa[point...]))
    }
}
