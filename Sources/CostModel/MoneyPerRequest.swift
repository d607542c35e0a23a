/// An exact amount per request: a total divided by a request count, kept as a reduced fraction.
///
/// Savings per request compares two averages over different request counts. Rounding each average
/// first would put a rounding error into every break-even figure downstream; cross-multiplying the
/// totals and counts keeps the comparison exact, and rounding happens only when the figure is shown.
public struct MoneyPerRequest: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// 10⁻¹⁵ currency units, over `denominator` requests.
    public let numerator: Int128
    /// Always positive.
    public let denominator: Int128

    /// `total / requests`; nil for zero or negative request counts.
    public init?(total: Money, requests: Int64) {
        guard requests > 0 else { return nil }
        self.init(reducing: total.femtoUnits, Int128(requests))
    }

    /// A whole amount per request.
    public init(_ amount: Money) { self.init(reducing: amount.femtoUnits, 1) }

    init(reducing numerator: Int128, _ denominator: Int128) {
        let divisor = DecimalText.gcd(numerator.magnitude, denominator.magnitude)
        let sign: Int128 = denominator < 0 ? -1 : 1
        self.numerator = sign * numerator / Int128(divisor)
        self.denominator = sign * denominator / Int128(divisor)
    }

    public static let zero = MoneyPerRequest(.zero)

    public var isPositive: Bool { numerator > 0 }

    /// `self − other`, exactly; throws only if the cross products overflow 128 bits.
    public func subtracting(_ other: MoneyPerRequest) throws(CostModelError) -> MoneyPerRequest {
        let left = numerator.multipliedReportingOverflow(by: other.denominator)
        let right = other.numerator.multipliedReportingOverflow(by: denominator)
        let bottom = denominator.multipliedReportingOverflow(by: other.denominator)
        guard !left.overflow, !right.overflow, !bottom.overflow else {
            throw .overflow("subtracting per-request amounts \(self) and \(other)")
        }
        let top = left.partialValue.subtractingReportingOverflow(right.partialValue)
        guard !top.overflow else { throw .overflow("subtracting per-request amounts \(self) and \(other)") }
        return MoneyPerRequest(reducing: top.partialValue, bottom.partialValue)
    }

    /// The amount for `requests` requests, rounded half to even at 10⁻¹⁵ (exact when the count is a
    /// multiple of the denominator, as it is for the window the figure came from).
    ///
    /// The product is computed at 256 bits; only a result beyond `Int128` (about 1.7 × 10²³
    /// currency units) saturates.
    public func times(_ requests: Int64) -> Money {
        let units = DecimalText.multiplyDivide(numerator, Int128(requests), denominator, rounding: .halfEven)
        return Money(femtoUnits: units ?? ((numerator < 0) != (requests < 0) ? Int128.min : Int128.max))
    }

    /// The per-request amount as money, rounded half to even at 10⁻¹⁵, for display.
    public var rounded: Money { Money(femtoUnits: DecimalText.divideHalfEven(numerator, denominator)) }

    public var approximateDouble: Double { rounded.approximateDouble }

    public var description: String { rounded.exactDecimalString }

    public static func < (lhs: MoneyPerRequest, rhs: MoneyPerRequest) -> Bool {
        DecimalText.fractionLess(lhs.numerator, lhs.denominator, rhs.numerator, rhs.denominator)
    }
}
