import DistillCore
import Testing

@Suite struct DecimalTextSumTests {
    /// Hand-added: 0.00013499999999999997 + 0.000015 (1.5e-05) + 0.25 + 3 = 3.25014999999999999997;
    /// 9.99 + 0.01 carries into the integer digits (10).
    @Test func addsEveryDigitWithoutRounding() throws {
        var sum = DecimalTextSum()
        for text in ["0.00013499999999999997", "1.5e-05", "0.25", "3"] {
            let added = sum.add(text)
            #expect(added)
        }
        #expect(sum.text == "3.25014999999999999997")
        var carry = try #require(DecimalTextSum("9.99"))
        carry.add("0.01")
        #expect(carry.text == "10")
        #expect(DecimalTextSum("2.5E+3")?.text == "2500")
        #expect(DecimalTextSum("0")?.text == "0")
        #expect(DecimalTextSum().text == "0")
    }

    @Test(arguments: ["-0.5", "", "abc", "1.2.3", "1e", "NaN"])
    func refusesWhatIsNotANonNegativeAmount(text: String) {
        var sum = DecimalTextSum()
        let added = sum.add(text)
        #expect(!added)
        #expect(sum.text == "0")
        #expect(!DecimalTextSum.isAmount(text))
    }
}
