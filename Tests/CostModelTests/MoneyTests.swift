import Testing

@testable import CostModel

@Suite struct MoneyTests {
    @Test(arguments: [
        ("0.075", Int128(75_000_000)),
        ("2.225", Int128(2_225_000_000)),
        ("10", Int128(10_000_000_000)),
        ("0.60", Int128(600_000_000)),
        ("-0.5", Int128(-500_000_000)),
        ("0.000000001", Int128(1)),
    ])
    func parsesExactDecimals(text: String, units: Int128) throws {
        #expect(try #require(ExactDecimal(text)).units == units)
    }

    @Test func convertsPerTokenPricesToPerMillionExactly() throws {
        // litellm writes $2.225 per 1M as 2.225e-06 per token; × 10^6 is exactly 2.225.
        #expect(try #require(ExactDecimal("2.225e-06", timesPowerOfTen: 6)).description == "2.225")
        #expect(try #require(ExactDecimal("1e-6", timesPowerOfTen: 6)).description == "1")
        #expect(try #require(ExactDecimal("1.375E-07", timesPowerOfTen: 6)).description == "0.1375")
    }

    @Test(arguments: ["", "abc", "1.2.3", "0.0000000001", "1e", "--1", "0x10"])
    func rejectsTextThatIsNotAnExactNineDigitDecimal(text: String) {
        #expect(ExactDecimal(text) == nil)
    }

    /// A stated amount may have more than fifteen fractional digits (a JSON float); its digits are
    /// read from the text and only what lies below 10⁻¹⁵ is rounded, half to even.
    @Test(arguments: [
        ("0.06935999999999999", "0.06936"),  // …999|99 rounds up at the 15th digit
        ("0.0000000000000014", "0.000000000000001"),  // …001|4 rounds down
        ("0.0000000000000025", "0.000000000000002"),  // …002|5: half, to even
        ("6.1049999e-05", "0.000061049999"),  // exact, exponent form
        ("0.16", "0.16"),
    ])
    func readsStatedAmountsWithTheirDigits(text: String, expected: String) throws {
        #expect(try #require(Money(statedAmountText: text)).exactDecimalString == expected)
        #expect(Money(statedAmountText: "abc") == nil)
    }

    @Test func printsTheShortestExactText() throws {
        // 1234 tokens at 0.15 per 1M = 0.0001851; 277 at 0.60 = 0.0001662; sum 0.0003513.
        let amount = Money(quantity: 1234, price: ExactDecimal("0.15")!) + Money(quantity: 277, price: ExactDecimal("0.60")!)
        #expect(amount.exactDecimalString == "0.0003513")
        #expect(try #require(Money(decimalText: "0.0003502")).exactDecimalString == "0.0003502")
        #expect(Money(12).exactDecimalString == "12")
        #expect(try #require(Money(decimalText: "-1.50")).exactDecimalString == "-1.5")
        #expect(Money.zero.exactDecimalString == "0")
    }

    @Test(arguments: [
        // Half to even at 2 places: a tie goes to the even neighbour, anything past it rounds away.
        ("0.125", "0.12"), ("0.135", "0.14"), ("-0.125", "-0.12"), ("0.1251", "0.13"), ("2.5", "2.50"),
        ("0.005", "0.00"), ("0.015", "0.02"), ("1234.565", "1234.56"),
    ])
    func roundsHalfToEven(text: String, expected: String) throws {
        let money = try #require(Money(decimalText: text))
        #expect(money.formatted(places: 2) == expected)
        #expect(money.rounded(places: 2) == Money(decimalText: expected))
    }

    @Test func formatsWholeUnitsWithoutAFraction() {
        #expect(Money(1234).formatted(places: 0) == "1234")
    }

    @Test func dividesWithHonestRounding() throws {
        // 1 / 3 = 0.333…: fifteen 3s, the 16th digit (3) rounds down; 2 / 3 rounds the last 6 up to 7.
        #expect(Money(1).dividedRounding(by: 3)?.exactDecimalString == "0.333333333333333")
        #expect(Money(2).dividedRounding(by: 3)?.exactDecimalString == "0.666666666666667")
        #expect(Money(1).dividedRounding(by: 0) == nil)
    }

    @Test func addsSubtractsAndMultipliesExactly() throws {
        // 0.1 + 0.2 is exactly 0.3 here (it is not in Double).
        let sum = try #require(Money(decimalText: "0.1")) + #require(Money(decimalText: "0.2"))
        #expect(sum == Money(decimalText: "0.3"))
        #expect((sum - Money(1)).exactDecimalString == "-0.7")
        #expect((sum * 7).exactDecimalString == "2.1")
        #expect([Money(1), Money(2), -Money(4)].sum() == -Money(1))
    }

    @Test func multipliesByADecimalFactor() throws {
        // 10.00 EUR × 1.0842 = 10.842 USD.
        #expect(Money(10).multipliedRounding(by: try #require(ExactDecimal("1.0842"))).exactDecimalString == "10.842")
        // 1 × 1/3 rounds at the 15th digit.
        #expect(Money(1).multipliedRounding(by: 1, over: 3)?.exactDecimalString == "0.333333333333333")
    }

    @Test func keepsPerRequestAmountsAsExactFractions() throws {
        // 1/2 − 1/3 = 1/6 exactly; shown rounded half to even at the 15th digit.
        let half = try #require(MoneyPerRequest(total: Money(1), requests: 2))
        let third = try #require(MoneyPerRequest(total: Money(1), requests: 3))
        let sixth = try half.subtracting(third)
        #expect(sixth == MoneyPerRequest(total: Money(1), requests: 6))
        #expect(sixth.rounded.exactDecimalString == "0.166666666666667")
        #expect(sixth.times(6) == Money(1))
        #expect(third < half && !(half < third))
        #expect(MoneyPerRequest(total: Money(1), requests: 0) == nil)
        // Ratios order and print the same way: 1/3 < 1/2; 1/3 = 33.33…% → "33.33".
        let ratio = try #require(Ratio(1, 3))
        #expect(ratio < Ratio(1, 2)!)
        #expect(ratio.percentText(places: 2) == "33.33")
        #expect(Ratio(-3, -6) == Ratio(1, 2))
    }
}
