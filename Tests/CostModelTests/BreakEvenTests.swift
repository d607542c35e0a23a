import DistillCore
import Testing

@testable import CostModel

@Suite struct BreakEvenTests {
    static let oneTime = OneTimeCost(training: Money(50), teacherDataGeneration: Money(30), evaluation: Money(20))
    static let goLive = UTCDate(year: 2026, month: 1, day: 1)!

    /// Teacher 12.00 over 1000 requests (0.012 each), student 1.00 over 500 (0.002 each): s = 0.01.
    static func example() throws -> BreakEven {
        try BreakEven(teacherCost: Money(12), teacherRequests: 1000, studentCost: Money(1), studentRequests: 500, oneTimeCost: oneTime)
    }

    @Test func listsAndSumsTheOneTimeCost() {
        // 50 + 30 + 20 + 5 = 105.
        let cost = OneTimeCost(
            training: Money(50), teacherDataGeneration: Money(30), evaluation: Money(20),
            other: [OneTimeCost.Item(label: "labelling", amount: Money(5))])
        #expect(cost.items.map(\.label) == ["training", "teacher data generation", "evaluation", "labelling"])
        #expect(cost.total == Money(105))
    }

    @Test func computesBreakEvenRequestsDateAndPaybackDays() throws {
        let breakEven = try Self.example()
        #expect(breakEven.savingsPerRequest.rounded.exactDecimalString == "0.01")
        // F = 100, s = 0.01 → 10 000 requests; at 300 a day, ceil(10 000 / 300) = 34 days → 2026-02-04.
        #expect(breakEven.requests == .after(10_000))
        let payback = breakEven.payback(dailyVolume: 300, goLive: Self.goLive)
        #expect(payback.days == 34)
        guard case .reached(let point) = payback else { Issue.record("expected payback"); return }
        #expect(point.date == UTCDate(year: 2026, month: 2, day: 4))
        #expect(!point.isAfterShutdown)
    }

    @Test func flagsPaybackAfterTheShutdownDate() throws {
        // Payback on 2026-02-04 but the student shuts down on 2026-01-31: training never recovered.
        let payback = try Self.example().payback(dailyVolume: 300, goLive: Self.goLive, shutdown: UTCDate(year: 2026, month: 1, day: 31))
        guard case .reached(let point) = payback else { Issue.record("expected payback"); return }
        #expect(point.isAfterShutdown)
    }

    @Test func computesROIOverAHorizon() throws {
        // 90 days × 300 = 27 000 requests × 0.01 = 270 saved; (270 − 100) / 100 = 170%.
        let roi = try #require(try Self.example().roi(dailyVolume: 300, horizonDays: 90))
        #expect(roi.percentText(places: 1) == "170.0")
        #expect(abs(roi.approximateDouble - 1.7) < 1e-12)
        // A shutdown 30 days after go-live caps the volume: 9000 × 0.01 = 90; (90 − 100) / 100 = −10%.
        let capped = try #require(
            try Self.example().roi(dailyVolume: 300, horizonDays: 90, goLive: Self.goLive, shutdown: UTCDate(year: 2026, month: 1, day: 31)))
        #expect(capped.percentText(places: 1) == "-10.0")
    }

    @Test func usesExactSavingsNotRoundedAverages() throws {
        // Teacher 1.00 over 3 requests, student free: s = 1/3 exactly, F = 1 → 3 requests.
        // Rounded first, s = 0.333333333333333 and ceil(1 / s) would wrongly be 4.
        let breakEven = try BreakEven(
            teacherCost: Money(1), teacherRequests: 3, studentCost: .zero, studentRequests: 1,
            oneTimeCost: OneTimeCost(training: Money(1), teacherDataGeneration: .zero, evaluation: .zero))
        #expect(breakEven.requests == .after(3))
    }

    @Test(arguments: [(Int64(12), Int64(12)), (Int64(12), Int64(13)), (Int64(0), Int64(1))])
    func neverBreaksEvenWithoutSavings(teacherCost: Int64, studentCost: Int64) throws {
        // Both over 1000 requests: equal costs (s = 0) or a dearer student (s < 0) never pay back,
        // and ROI is −100% (s = 0) or worse, never a division error.
        let breakEven = try BreakEven(
            teacherCost: Money(teacherCost), teacherRequests: 1000, studentCost: Money(studentCost), studentRequests: 1000,
            oneTimeCost: Self.oneTime)
        #expect(breakEven.requests == .never)
        #expect(breakEven.payback(dailyVolume: 300, goLive: Self.goLive) == .never(.noSavings))
        let roi = try #require(breakEven.roi(dailyVolume: 300, horizonDays: 90))
        #expect(roi.approximateDouble <= -1)
    }

    @Test func handlesZeroOneTimeCostAndZeroVolume() throws {
        let free = BreakEven(savingsPerRequest: MoneyPerRequest(Money(1)), oneTimeCost: OneTimeCost(training: .zero, teacherDataGeneration: .zero, evaluation: .zero))
        #expect(free.requests == .after(0))
        #expect(free.payback(dailyVolume: 0, goLive: Self.goLive).days == 0)
        #expect(free.roi(dailyVolume: 10, horizonDays: 10) == nil)
        #expect(try Self.example().payback(dailyVolume: 0, goLive: Self.goLive) == .never(.noVolume))
    }

    @Test func staysExactWithBillionsOfRequests() throws {
        // Teacher 10 000 000 over 1 000 000 007 requests, student 1 000 000 over 999 999 937:
        // s = 8999999363000000 / 999999943999999559 (about 0.009), so F × d needs more than 128 bits.
        // F = 1 000 000 → ceil(F / s) = 111 111 113 requests (worked with Python's Fraction).
        let breakEven = try BreakEven(
            teacherCost: Money(10_000_000), teacherRequests: 1_000_000_007, studentCost: Money(1_000_000),
            studentRequests: 999_999_937, oneTimeCost: OneTimeCost(training: Money(1_000_000), teacherDataGeneration: .zero, evaluation: .zero))
        #expect(breakEven.requests == .after(111_111_113))
        // One million a day for 365 days: (s × 365 000 000 − F) / F = 2.284999951454999… → 228.499995%.
        #expect(breakEven.roi(dailyVolume: 1_000_000, horizonDays: 365)?.percentText(places: 6) == "228.499995")
    }

    @Test func rejectsModelsWithoutRequests() {
        #expect(throws: CostModelError.self) {
            try BreakEven(teacherCost: Money(1), teacherRequests: 0, studentCost: .zero, studentRequests: 1, oneTimeCost: Self.oneTime)
        }
    }
}
