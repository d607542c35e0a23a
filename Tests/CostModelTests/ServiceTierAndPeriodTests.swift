import DistillCore
import Testing

@testable import CostModel

@Suite struct ServiceTierAndPeriodTests {
    @Test(arguments: [
        (String?.none, false, ServiceTier?.some(.default)),
        ("auto", false, .default), ("default", false, .default), ("scale", false, .default), ("DEFAULT", false, .default),
        ("flex", false, .flex), ("priority", false, .priority), ("batch", false, .batch),
        ("priority", true, .batch),  // the Batch API decides, whatever the response's field says
        ("turbo", false, nil),
    ])
    func mapsAPIServiceTierStrings(value: String?, viaBatchAPI: Bool, expected: ServiceTier?) {
        #expect(ServiceTier(apiValue: value, viaBatchAPI: viaBatchAPI) == expected)
    }

    @Test func containsItsDaysFromStartUntilEnd() throws {
        // 2024-08-06 – 2024-10-01: includes the first day, excludes the end day.
        let period = PricePeriod(effectiveFrom: UTCDate(year: 2024, month: 8, day: 6)!, effectiveUntil: UTCDate(year: 2024, month: 10, day: 1)!)
        #expect(period.contains(UTCDate(year: 2024, month: 8, day: 6)!))
        #expect(period.contains(UTCDate(year: 2024, month: 9, day: 30)!))
        #expect(!period.contains(UTCDate(year: 2024, month: 10, day: 1)!))
        #expect(!period.contains(UTCDate(year: 2024, month: 8, day: 5)!))
        #expect(PricePeriod(effectiveFrom: UTCDate(year: 2024, month: 8, day: 6)!).contains(UTCDate(year: 2099, month: 1, day: 1)!))
    }

    @Test func overlapsOnlyWhenSharingADay() throws {
        let august = PricePeriod(effectiveFrom: UTCDate(year: 2024, month: 8, day: 1)!, effectiveUntil: UTCDate(year: 2024, month: 9, day: 1)!)
        let september = PricePeriod(effectiveFrom: UTCDate(year: 2024, month: 9, day: 1)!)
        let lateAugust = PricePeriod(effectiveFrom: UTCDate(year: 2024, month: 8, day: 31)!)
        #expect(!august.overlaps(september) && !september.overlaps(august))
        #expect(august.overlaps(lateAugust) && lateAugust.overlaps(september))
        #expect(august.description == "2024-08-01 – 2024-09-01")
        #expect(september.description == "2024-09-01 – open")
    }

    @Test func sumsUsageFieldByField() {
        // (10, 2, 1, 5, 3) + (20, 4, 0, 7, 0) = (30, 6, 1, 12, 3).
        let total = [TokenUsage(input: 10, cachedInput: 2, cacheWrite: 1, output: 5, reasoning: 3), TokenUsage(input: 20, cachedInput: 4, output: 7)].sum()
        #expect(total == TokenUsage(input: 30, cachedInput: 6, cacheWrite: 1, output: 12, reasoning: 3))
        #expect(total.uncachedInput == 23)
    }
}
