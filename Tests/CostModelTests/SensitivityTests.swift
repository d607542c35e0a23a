import DistillCore
import Testing

@testable import CostModel

@Suite struct SensitivityTests {
    /// Output tokens only: teacher 1M output × 10 = 10.00 over 1000 requests (0.01 each); student
    /// 1M × 2 = 2.00 over 1000 (0.002 each). s = 0.008; F = 80 → 10 000 requests; 1000 a day → 10 days.
    static func profiles() throws -> (CostProfile, CostProfile) {
        let usage = TokenUsage(input: 0, output: 1_000_000)
        let teacher = CostProfile(tokenCost: try costBreakdown(of: usage, at: TokenRates(input: ExactDecimal(1), output: ExactDecimal(10))), requests: 1000)
        let student = CostProfile(tokenCost: try costBreakdown(of: usage, at: TokenRates(input: ExactDecimal(1), output: ExactDecimal(2))), requests: 1000)
        return (teacher, student)
    }

    static let oneTime = OneTimeCost(training: Money(80), teacherDataGeneration: .zero, evaluation: .zero)

    static func table() throws -> [SensitivityCase] {
        let (teacher, student) = try profiles()
        return try breakEvenSensitivity(teacher: teacher, student: student, oneTimeCost: oneTime, dailyVolume: 1000)
    }

    static func days(_ parameter: SensitivityParameter, _ change: Int64) throws -> Int64? {
        try #require(try table().first { $0.parameter == parameter && $0.changePercent == change }).paybackDays
    }

    @Test func coversEveryParameterAtEveryChange() throws {
        // 1 volume + 4 teacher prices + 4 student prices + 2 token rows, × 6 changes; no fixed cost row.
        #expect(try Self.table().count == 66)
    }

    @Test func movesPaybackWithVolume() throws {
        // +25% → 1250 a day → ceil(10 000 / 1250) = 8 days; −50% → 500 a day → 20 days.
        #expect(try Self.days(.dailyVolume, 25) == 8)
        #expect(try Self.days(.dailyVolume, -50) == 20)
    }

    @Test func movesPaybackWithEachPrice() throws {
        // Teacher output −50% → 0.005 a request, s = 0.003 → ceil(80 / 0.003) = 26 667 requests → 27 days.
        #expect(try Self.days(.teacherPrice(.output), -50) == 27)
        // Student output +50% → 0.003, s = 0.007 → ceil(11 428.57) = 11 429 requests → 12 days.
        #expect(try Self.days(.studentPrice(.output), 50) == 12)
        // No input tokens, so an input price change leaves 10 days.
        #expect(try Self.days(.teacherPrice(.input), 50) == 10)
    }

    @Test func movesPaybackWithTokensPerRequest() throws {
        // Teacher tokens −50% is the teacher output −50% case here: 27 days.
        #expect(try Self.days(.teacherTokensPerRequest, -50) == 27)
        // Student tokens +50%: 12 days, as the student output price +50%.
        #expect(try Self.days(.studentTokensPerRequest, 50) == 12)
    }

    @Test func reportsNeverWhenAChangeRemovesTheSavings() throws {
        // +500% on the student's output price: 0.002 × 6 = 0.012 a request, dearer than the
        // teacher's 0.01, so s < 0 → never, with no payback days.
        let (teacher, student) = try Self.profiles()
        let table = try breakEvenSensitivity(teacher: teacher, student: student, oneTimeCost: Self.oneTime, dailyVolume: 1000, changes: [500])
        let row = try #require(table.first { $0.parameter == .studentPrice(.output) })
        #expect(row.breakEvenRequests == .never)
        #expect(row.paybackDays == nil)
    }

    @Test func includesTheStudentsFixedCost() throws {
        // A 5.00 deployment over the window adds 0.005 a request to the student: s = 0.003.
        // −50% on it → 0.0025 fixed, s = 0.0055 → ceil(80 / 0.0055) = 14 546 requests → 15 days.
        let (teacher, student) = try Self.profiles()
        let deployed = CostProfile(tokenCost: student.tokenCost, fixedCost: Money(5), requests: 1000)
        let table = try breakEvenSensitivity(teacher: teacher, student: deployed, oneTimeCost: Self.oneTime, dailyVolume: 1000)
        #expect(table.first { $0.parameter == .studentFixedCost && $0.changePercent == -50 }?.paybackDays == 15)
    }
}
