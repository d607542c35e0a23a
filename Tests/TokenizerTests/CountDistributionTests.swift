import Testing
import Tokenizer

@Suite struct CountDistributionTests {
    /// numpy.quantile([1, 2, 3, 4], 0.5) = 2.5; at 0.95 the position is 0.95 × 3 = 2.85, so
    /// 3 + 0.85 × (4 − 3) = 3.85.
    @Test func percentilesInterpolateLikeNumpy() throws {
        let distribution = try #require(CountDistribution([4, 1, 3, 2]))
        #expect(distribution.minimum == 1)
        #expect(distribution.maximum == 4)
        #expect(distribution.mean == 2.5)
        #expect(distribution.median == 2.5)
        #expect(abs(distribution.p95 - 3.85) < 1e-9)
        #expect(distribution.count == 4)
    }

    @Test func oneValueIsEveryStatistic() throws {
        let distribution = try #require(CountDistribution([7]))
        #expect(distribution.minimum == 7 && distribution.maximum == 7)
        #expect(distribution.median == 7 && distribution.p95 == 7 && distribution.mean == 7)
    }

    @Test func noValuesHaveNoDistribution() {
        #expect(CountDistribution([]) == nil)
    }
}
