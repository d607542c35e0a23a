import DistillCore

/// An exact amount of money: an `Int128` count of 10⁻¹⁵ currency units.
///
/// Why 10⁻¹⁵: a price per 1M tokens has at most nine fractional digits (`ExactDecimal`), so one
/// token costs a whole number of 10⁻¹⁵ units and `tokens × price` is exact with no rounding at all.
/// `Int128` holds about 1.7 × 10²³ units of currency, so sums never overflow in practice; the
/// arithmetic operators still trap on overflow rather than wrap.
///
/// The currency is not part of the value: every amount comes from one `ResolvedPrice` (which names
/// its currency) or from a conversion that names its target, and report code keeps amounts of one
/// currency together. Rounding happens once, at presentation (`rounded(places:)`, half to even).
public struct Money: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Fractional digits of the representation.
    public static let scale = 15
    /// 10¹⁵, the number of units in one currency unit.
    public static let unitsPerCurrencyUnit: Int128 = 1_000_000_000_000_000

    /// The amount times 10¹⁵.
    public let femtoUnits: Int128

    public init(femtoUnits: Int128) { self.femtoUnits = femtoUnits }

    /// A whole number of currency units.
    public init(_ whole: Int64) { self.femtoUnits = Int128(whole) * Self.unitsPerCurrencyUnit }

    /// Parses exact decimal text (`"0.24"`, `"-12.5"`, `"1e-3"`); nil for anything else or for more
    /// than fifteen fractional digits.
    public init?(decimalText text: some StringProtocol) {
        // 10⁻⁹ units of (amount × 10⁶) are exactly 10⁻¹⁵ units of the amount.
        guard let value = ExactDecimal(text, timesPowerOfTen: Self.scale - ExactDecimal.scale) else { return nil }
        self.femtoUnits = value.units
    }

    /// Parses an amount a source states (a billed cost, a reported cost), whose text may carry more
    /// than fifteen fractional digits: the Costs API writes JSON floats such as
    /// `0.06935999999999999`. The digits are read exactly from the text, never through `Double`, and
    /// only the part below 10⁻¹⁵ (a millionth of a billionth of a dollar) is rounded half to even, so
    /// the amount is counted in every total instead of being left out. Nil for text that is not a
    /// number.
    public init?(statedAmountText text: some StringProtocol) {
        if let exact = Money(decimalText: text) {
            self = exact
            return
        }
        // Read the value times 10^extra exactly, then divide the extra digits away with rounding.
        for extra in 1...20 {
            guard
                let scaled = ExactDecimal(text, timesPowerOfTen: Self.scale - ExactDecimal.scale + extra)
            else { continue }
            self.femtoUnits = DecimalText.divideHalfEven(scaled.units, DecimalText.powerOfTen(extra))
            return
        }
        return nil
    }

    /// `quantity × price`, where the price is per `per` units of quantity and exact to 10⁻⁹
    /// (`per: 1_000_000` for a price per 1M tokens). Exact whenever 10⁶ is a multiple of `per`,
    /// which covers tokens; otherwise rounded half to even at 10⁻¹⁵.
    public init(quantity: Int64, price: ExactDecimal, per: Int64 = 1_000_000) {
        let shift = DecimalText.powerOfTen(Self.scale - ExactDecimal.scale)
        if Int128(per) == shift {
            // Per 1M: a token costs exactly `price.units` femto-units; no division at all.
            self.femtoUnits = Int128(quantity) * price.units
        } else {
            self.femtoUnits = DecimalText.divideHalfEven(Int128(quantity) * price.units * shift, Int128(per))
        }
    }

    /// `quantity × price` for a decimal quantity (hours, a currency rate), rounded half to even at
    /// 10⁻¹⁵ when the product has more digits: a billionth of a cent, far below any presented figure.
    public init(decimalQuantity quantity: ExactDecimal, price: ExactDecimal) {
        let product = quantity.units * price.units
        self.femtoUnits = DecimalText.divideHalfEven(product, DecimalText.powerOfTen(2 * ExactDecimal.scale - Self.scale))
    }

    public static let zero = Money(femtoUnits: 0)

    public var isNegative: Bool { femtoUnits < 0 }
    public var isZero: Bool { femtoUnits == 0 }

    /// The unrounded amount as decimal text with trailing zeros trimmed: `"0.0003502"`, `"0.24"`,
    /// `"12"`. Used wherever a machine reads the amount (JSON), so nothing is lost.
    public var exactDecimalString: String { DecimalText.trimmed(femtoUnits, scale: Self.scale) }

    public var description: String { exactDecimalString }

    /// The amount rounded half to even to `places` fractional digits (0...15). Half-even avoids the
    /// upward drift of half-up when many rounded figures are compared with a rounded total.
    public func rounded(places: Int) -> Money {
        let places = min(max(places, 0), Self.scale)
        let step = DecimalText.powerOfTen(Self.scale - places)
        return Money(femtoUnits: DecimalText.divideHalfEven(femtoUnits, step) * step)
    }

    /// Rounded half to even and printed with exactly `places` digits and no grouping: `"1234.56"`.
    public func formatted(places: Int) -> String {
        let places = min(max(places, 0), Self.scale)
        let step = DecimalText.powerOfTen(Self.scale - places)
        return DecimalText.fixed(DecimalText.divideHalfEven(femtoUnits, step), scale: places)
    }

    /// The amount divided by `divisor`, rounded half to even at 10⁻¹⁵. The name says it rounds;
    /// for exact per-request figures use `MoneyPerRequest`, which keeps the fraction.
    public func dividedRounding(by divisor: Int64) -> Money? {
        guard divisor != 0 else { return nil }
        return Money(femtoUnits: DecimalText.divideHalfEven(femtoUnits, Int128(divisor)))
    }

    /// The amount times `numerator / denominator`, rounded half to even at 10⁻¹⁵; nil for a zero
    /// denominator. Used for allocations such as "this share of the deployment's hours".
    public func multipliedRounding(by numerator: Int64, over denominator: Int64) -> Money? {
        guard denominator != 0 else { return nil }
        let (product, overflow) = femtoUnits.multipliedReportingOverflow(by: Int128(numerator))
        guard !overflow else { return nil }
        return Money(femtoUnits: DecimalText.divideHalfEven(product, Int128(denominator)))
    }

    /// The amount times an exact decimal factor (a currency rate, a discount), rounded half to even
    /// at 10⁻¹⁵.
    public func multipliedRounding(by factor: ExactDecimal) -> Money {
        Money(femtoUnits: DecimalText.divideHalfEven(femtoUnits * factor.units, ExactDecimal.unitsPerOne))
    }

    /// A `Double` view for charts and ratios only; money is never summed through it.
    public var approximateDouble: Double { Double(femtoUnits) / Double(Self.unitsPerCurrencyUnit) }

    public static func + (lhs: Money, rhs: Money) -> Money { Money(femtoUnits: lhs.femtoUnits + rhs.femtoUnits) }
    public static func - (lhs: Money, rhs: Money) -> Money { Money(femtoUnits: lhs.femtoUnits - rhs.femtoUnits) }
    public static prefix func - (value: Money) -> Money { Money(femtoUnits: -value.femtoUnits) }
    public static func * (lhs: Money, rhs: Int64) -> Money { Money(femtoUnits: lhs.femtoUnits * Int128(rhs)) }
    public static func += (lhs: inout Money, rhs: Money) { lhs = lhs + rhs }
    public static func -= (lhs: inout Money, rhs: Money) { lhs = lhs - rhs }
    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.femtoUnits < rhs.femtoUnits }
}

extension Sequence where Element == Money {
    /// The exact sum.
    public func sum() -> Money { reduce(.zero, +) }
}
