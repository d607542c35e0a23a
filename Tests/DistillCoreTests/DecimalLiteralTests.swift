import DistillCore
import Testing

@Suite struct DecimalLiteralTests {
    /// Read by hand: `-0012.3400e-5` is negative, digits 0 0 1 2 3 4 0 0 as written, four of them
    /// after the point, exponent -5; `.5` has one fraction digit; `7.` none; `+2E+3` exponent 3.
    @Test func takesDecimalTextApartAsWritten() throws {
        let long = try #require(DecimalLiteral("-0012.3400e-5", maximumExponent: 400))
        #expect(long.isNegative)
        #expect(long.digits == [0, 0, 1, 2, 3, 4, 0, 0])
        #expect(long.fractionDigits == 4)
        #expect(long.exponent == -5)
        let half = try #require(DecimalLiteral(".5", maximumExponent: 400))
        #expect(!half.isNegative && half.digits == [5] && half.fractionDigits == 1 && half.exponent == 0)
        let seven = try #require(DecimalLiteral("7.", maximumExponent: 400))
        #expect(seven.digits == [7] && seven.fractionDigits == 0)
        let thousands = try #require(DecimalLiteral("+2E+3", maximumExponent: 400))
        #expect(!thousands.isNegative && thousands.digits == [2] && thousands.exponent == 3)
    }

    /// The exponent bound is inclusive: `ExactDecimal` passes 99 and refuses `1e100`,
    /// `DecimalTextSum` passes 400.
    @Test func refusesExponentsBeyondTheBound() {
        #expect(DecimalLiteral("1e99", maximumExponent: 99)?.exponent == 99)
        #expect(DecimalLiteral("1e-99", maximumExponent: 99)?.exponent == -99)
        #expect(DecimalLiteral("1e100", maximumExponent: 99) == nil)
        #expect(DecimalLiteral("1e-401", maximumExponent: 400) == nil)
        // `abs(Int.min)` traps: the bound is checked on the magnitude, so this is refused, not a crash.
        #expect(DecimalLiteral("1e-9223372036854775808", maximumExponent: 400) == nil)
    }

    @Test(arguments: ["", "+", "-", ".", "abc", "1.2.3", "1e", "1e+", "--1", "+-1", "1 ", "NaN", "0x10"])
    func refusesWhatIsNotADecimal(text: String) {
        #expect(DecimalLiteral(text, maximumExponent: 400) == nil)
    }
}
