/// Fixed-point integer arithmetic and formatting shared by `Money`, `ExactDecimal` and `Ratio`:
/// no locale and no `Double`, so output is identical on every machine.
enum DecimalText {
    /// `units / 10^scale` with trailing fractional zeros trimmed: 240 at scale 3 → `"0.24"`.
    static func trimmed(_ units: Int128, scale: Int) -> String {
        let text = fixed(units, scale: scale)
        guard text.contains(".") else { return text }
        var result = Substring(text)
        while result.last == "0" { result = result.dropLast() }
        if result.last == "." { result = result.dropLast() }
        return String(result)
    }

    /// `units / 10^scale` with exactly `scale` fractional digits: 5 at scale 2 → `"0.05"`.
    static func fixed(_ units: Int128, scale: Int) -> String {
        var digits = String(units.magnitude)
        if digits.count <= scale { digits = String(repeating: "0", count: scale - digits.count + 1) + digits }
        let sign = units < 0 ? "-" : ""
        guard scale > 0 else { return sign + digits }
        let split = digits.index(digits.endIndex, offsetBy: -scale)
        return sign + digits[..<split] + "." + digits[split...]
    }

    static func powerOfTen(_ exponent: Int) -> Int128 {
        var value: Int128 = 1
        for _ in 0..<max(0, exponent) { value *= 10 }
        return value
    }

    /// `numerator / denominator` rounded half to even (banker's rounding), the one rounding rule
    /// used anywhere money is divided. The denominator must not be zero.
    static func divideHalfEven(_ numerator: Int128, _ denominator: Int128) -> Int128 {
        let quotient = numerator / denominator
        let remainder = numerator % denominator
        guard remainder != 0 else { return quotient }
        let twice = remainder.magnitude * 2
        let away: Int128 = (numerator < 0) != (denominator < 0) ? -1 : 1
        if twice > denominator.magnitude || (twice == denominator.magnitude && quotient % 2 != 0) {
            return quotient + away
        }
        return quotient
    }

    /// `numerator / denominator` rounded toward positive infinity, for counts that must be reached
    /// ("how many requests until…"). The denominator must be positive.
    static func divideCeiling(_ numerator: Int128, _ denominator: Int128) -> Int128 {
        let quotient = numerator / denominator
        return numerator % denominator > 0 ? quotient + 1 : quotient
    }

    /// How `multiplyDivide` rounds.
    enum Rounding {
        case halfEven
        /// Toward positive infinity.
        case ceiling
    }

    /// `a × b / c` with the product held at 256 bits, so large counts times large amounts never
    /// overflow in the middle; nil when c is zero or the result itself does not fit in `Int128`.
    static func multiplyDivide(_ a: Int128, _ b: Int128, _ c: Int128, rounding: Rounding) -> Int128? {
        guard c != 0 else { return nil }
        let negative = ((a < 0) != (b < 0)) != (c < 0)
        let product = a.magnitude.multipliedFullWidth(by: b.magnitude)
        let divisor = c.magnitude
        guard product.high < divisor else { return nil }
        let (quotient, remainder) = divisor.dividingFullWidth(product)
        var magnitude = quotient
        if remainder != 0 {
            switch rounding {
            case .halfEven:
                let rest = divisor - remainder
                if remainder > rest || (remainder == rest && quotient % 2 == 1) { magnitude += 1 }
            case .ceiling:
                if !negative { magnitude += 1 }
            }
        }
        guard magnitude <= UInt128(Int128.max) else { return nil }
        return negative ? -Int128(magnitude) : Int128(magnitude)
    }

    /// Greatest common divisor, 1 for (0, 0) so reducing a zero fraction is harmless.
    static func gcd(_ a: UInt128, _ b: UInt128) -> UInt128 {
        var (a, b) = (a, b)
        while b != 0 { (a, b) = (b, a % b) }
        return a == 0 ? 1 : a
    }

    /// Whether a/b < c/d for positive b and d, comparing the cross products at 256 bits so the
    /// comparison never overflows.
    static func fractionLess(_ a: Int128, _ b: Int128, _ c: Int128, _ d: Int128) -> Bool {
        let left = a.multipliedFullWidth(by: d)
        let right = c.multipliedFullWidth(by: b)
        return left.high != right.high ? left.high < right.high : left.low < right.low
    }
}
