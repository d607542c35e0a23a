import CostModel
import Reports
import Statistics
import Testing

/// How numbers read on the page: each case below is written out by hand.
@Suite struct DisplayFormatTests {
    @Test func pValuesBelowAThousandthAreNotZero() {
        #expect(DisplayFormat.pValue(0.0004) == "< 0.001")
        #expect(DisplayFormat.pValue(0.0000001) == "< 0.001")
        #expect(DisplayFormat.pValue(0.0123) == "0.012")
        #expect(DisplayFormat.pValue(nil) == "–")
    }

    @Test func negativeRangesUseMinusSignsAndTo() {
        let interval = MeanInterval(count: 30, mean: -15.44, low: -16.81, high: -14.07)
        #expect(DisplayFormat.interval(interval, scale: 1, unit: " pts") == "−15.4 pts (−16.8 to −14.1)")
        let positive = MeanInterval(count: 30, mean: 0.852, low: 0.831, high: 0.873)
        #expect(DisplayFormat.interval(positive, scale: 100) == "85.2 (83.1–87.3)")
        let straddling = MeanInterval(count: 30, mean: 0.4, low: -1.2, high: 2.0)
        #expect(DisplayFormat.interval(straddling, scale: 1) == "0.4 (−1.2 to 2.0)")
    }

    /// The verdict uses the unrounded bound: −1.96 is inside a 2-point margin, and one decimal
    /// would show it as −2.0, on the margin; two decimals show why.
    @Test func boundsNextToTheMarginGetEnoughDigits() {
        #expect(DisplayFormat.placesSeparating(-1.96, from: -2) == 2)
        #expect(DisplayFormat.placesSeparating(-1.5, from: -2) == 1)
        #expect(DisplayFormat.placesSeparating(-1.9996, from: -2) == 3)
        let interval = MeanInterval(count: 30, mean: 0.1, low: -1.96, high: 2.16)
        #expect(DisplayFormat.interval(interval, scale: 1, places: 2) == "0.10 (−1.96 to 2.16)")
    }

    @Test func largeAmountsDropTheSixDecimals() throws {
        #expect(DisplayFormat.precise(try #require(Money(decimalText: "1234.5"))) == "$1,234.50")
        #expect(DisplayFormat.precise(try #require(Money(decimalText: "-2.125"))) == "-$2.12")
        #expect(DisplayFormat.precise(try #require(Money(decimalText: "0.000375"))) == "$0.000375")
    }

    @Test func compactCounts() {
        #expect(DisplayFormat.compactCount(7_800_000) == "7.8M")
        #expect(DisplayFormat.compactCount(4_400) == "4.4K")
        #expect(DisplayFormat.compactCount(950) == "950")
        #expect(DisplayFormat.compactCount(2_500_000_000) == "2.5B")
    }
}
