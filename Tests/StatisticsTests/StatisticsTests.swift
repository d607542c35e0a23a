import Testing

@testable import Statistics

@Suite struct StatisticsTests {
    @Test func meanIntervalByHand() throws {
        // [1, 2, 3, 4, 5]: mean 3, s² = 10 / 4 = 2.5, s/√n = √0.5 = 0.7071068,
        // t(0.975, 4) = 2.776445, half width 1.963243.
        let interval = try #require(MeanInterval.of([1, 2, 3, 4, 5]))
        #expect(interval.mean == 3)
        #expect(abs((interval.low ?? 0) - 1.036757) < 1e-6)
        #expect(abs((interval.high ?? 0) - 4.963243) < 1e-6)
        #expect(MeanInterval.of([]) == nil)
        #expect(MeanInterval.of([0.5])?.low == nil)
    }

    @Test(arguments: [(31, 2.039513), (60, 2.000298), (120, 1.979930), (1000, 1.962339)])
    func studentTBeyondTheTable(df: Int, exact: Double) {
        // Exact values from R's qt(0.975, df).
        #expect(abs(StudentT.quantile975(degreesOfFreedom: df) - exact) < 1e-5)
    }

    @Test func latencyPercentilesInterpolateLikeNumpy() throws {
        // n = 5: position (n − 1)p = 2, 3.6, 3.8, 3.96 → 30, 40 + 0.6 × 10, 48, 49.6.
        let values: [Double] = [10, 20, 30, 40, 50]
        let summary = try #require(LatencySummary.from(count: values.count) { visit in values.forEach(visit) })
        #expect(summary.p50 == 30)
        #expect(abs(summary.p90 - 46) < 1e-9)
        #expect(abs(summary.p95 - 48) < 1e-9)
        #expect(abs(summary.p99 - 49.6) < 1e-9)
        #expect(LatencySummary.from(count: 0) { _ in } == nil)
    }

    @Test func mcNemarExactByHand() {
        // b = 0, c = 5: 2 × (1/2)^5 = 0.0625. b = 1, c = 4: 2 × (1 + 5)/32 = 0.375.
        #expect(abs((McNemar.exactPValue(0, 5) ?? 0) - 0.0625) < 1e-12)
        #expect(abs((McNemar.exactPValue(1, 4) ?? 0) - 0.375) < 1e-12)
        #expect(McNemar.exactPValue(3, 3) == 1)
        #expect(McNemar.exactPValue(0, 0) == nil)
    }

    @Test func pairedComparisonVerdicts() {
        func scores(_ values: [Double]) -> [String: (score: Double?, passed: Bool?)] {
            Dictionary(uniqueKeysWithValues: values.enumerated().map { ("item-\($0.offset)", ($0.element, $0.element >= 0.7)) })
        }
        let teacher = scores([0.9, 0.8, 0.85, 0.7, 0.95, 0.88, 0.76, 0.81])
        // Student 1 point below on every item: the interval is a point at −1 > −2.
        let close = scores([0.89, 0.79, 0.84, 0.69, 0.94, 0.87, 0.75, 0.80])
        let result = PairedComparison.compare(candidate: ("s", close), reference: ("t", teacher), marginPoints: 2)
        #expect(result.verdict == .nonInferior)
        #expect(result.pairedItems == 8 && result.unpairedItems == 0)
        #expect(result.referenceOnlyPassed == 1)  // 0.70 passed, 0.69 failed
        // Ten points below everywhere: inferior.
        let worse = scores([0.8, 0.7, 0.75, 0.6, 0.85, 0.78, 0.66, 0.71])
        #expect(PairedComparison.compare(candidate: ("s", worse), reference: ("t", teacher), marginPoints: 2).verdict == .inferior)
        // Two items, wildly different: the interval straddles the margin.
        let noisy = PairedComparison.compare(
            candidate: ("s", scores([0.5, 1.0])), reference: ("t", scores([0.9, 0.6])), marginPoints: 2)
        #expect(noisy.verdict == .inconclusive)
        // An item only the reference answered is counted as unpaired.
        var partial = close
        partial["item-0"] = nil
        #expect(PairedComparison.compare(candidate: ("s", partial), reference: ("t", teacher), marginPoints: 2).unpairedItems == 1)
    }
}
