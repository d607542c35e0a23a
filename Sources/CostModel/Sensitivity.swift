/// A model's measured cost on one use case over a window: the token cost by component, any fixed
/// cost (a dedicated deployment's hours) and the request count. Sensitivity analysis scales parts
/// of it; the base figure is just total / requests.
public struct CostProfile: Hashable, Sendable {
    public let tokenCost: CostBreakdown
    /// Costs that do not scale with tokens (a dedicated deployment's hours in the window).
    public let fixedCost: Money
    public let requests: Int64

    public init(tokenCost: CostBreakdown, fixedCost: Money = .zero, requests: Int64) {
        self.tokenCost = tokenCost
        self.fixedCost = fixedCost
        self.requests = requests
    }

    /// Total cost over the window.
    public var total: Money { tokenCost.total + fixedCost }

    /// (total + Σ component × percent / 100) / requests, exactly: each scaled component adds
    /// its cost × `percent` / 100.
    func perRequest(scaling components: [Money], fixedPercent: Int64 = 0, byPercent percent: Int64) throws(CostModelError) -> MoneyPerRequest {
        guard requests > 0 else { throw .invalidInput("a cost profile needs at least one request") }
        var numerator = total.femtoUnits * 100
        for component in components { numerator += component.femtoUnits * Int128(percent) }
        numerator += fixedCost.femtoUnits * Int128(fixedPercent)
        return MoneyPerRequest(reducing: numerator, Int128(requests) * 100)
    }
}

/// One input of the break-even that a sensitivity table varies.
public enum SensitivityParameter: Hashable, Sendable, CustomStringConvertible {
    case dailyVolume
    case teacherPrice(PriceComponent)
    case studentPrice(PriceComponent)
    case teacherTokensPerRequest
    case studentTokensPerRequest
    /// The student's fixed (deployment) cost rate.
    case studentFixedCost

    public var description: String {
        switch self {
        case .dailyVolume: return "daily volume"
        case .teacherPrice(let component): return "teacher \(component) price"
        case .studentPrice(let component): return "student \(component) price"
        case .teacherTokensPerRequest: return "teacher tokens per request"
        case .studentTokensPerRequest: return "student tokens per request"
        case .studentFixedCost: return "student deployment cost"
        }
    }
}

/// The four priced token components.
public enum PriceComponent: String, CaseIterable, Hashable, Sendable, CustomStringConvertible {
    case input
    case cachedInput = "cached input"
    case cacheWrite = "cache write"
    case output

    public var description: String { rawValue }

    func cost(in breakdown: CostBreakdown) -> Money {
        switch self {
        case .input: return breakdown.uncachedInput.cost
        case .cachedInput: return breakdown.cachedInput.cost
        case .cacheWrite: return breakdown.cacheWrite.cost + breakdown.cacheWriteOneHour.cost
        case .output: return breakdown.output.cost
        }
    }
}

/// One row of a sensitivity table: a parameter changed by a percentage, and the break-even it
/// gives.
public struct SensitivityCase: Hashable, Sendable {
    public let parameter: SensitivityParameter
    /// −50, −25, −10, 10, 25 or 50 by default.
    public let changePercent: Int64
    public let breakEvenRequests: BreakEvenRequests
    /// Days from go-live to payback at the (possibly changed) daily volume; nil when never.
    public let paybackDays: Int64?
}

/// Sensitivity of break-even to each input: daily volume, each of the four prices on each side,
/// tokens per request on each side, and the student's fixed cost, each moved by `changes` percent
/// with everything else held. Per-request costs are taken as measured; a volume change moves only
/// the days to payback (a dedicated deployment's cost per request would also fall with volume,
/// which this table does not model).
public func breakEvenSensitivity(
    teacher: CostProfile, student: CostProfile, oneTimeCost: OneTimeCost, dailyVolume: Int64,
    changes: [Int64] = [-50, -25, -10, 10, 25, 50]
) throws(CostModelError) -> [SensitivityCase] {
    guard dailyVolume >= 0 else { throw .invalidInput("daily volume must not be negative (\(dailyVolume))") }
    let baseTeacher = try teacher.perRequest(scaling: [], byPercent: 0)
    let baseStudent = try student.perRequest(scaling: [], byPercent: 0)

    func evaluate(_ parameter: SensitivityParameter, _ change: Int64) throws(CostModelError) -> SensitivityCase {
        var teacherCost = baseTeacher
        var studentCost = baseStudent
        var volume = dailyVolume
        switch parameter {
        case .dailyVolume:
            volume = DecimalText.divideHalfEven(Int128(dailyVolume) * Int128(100 + change), 100).clampedToInt64
        case .teacherPrice(let component):
            teacherCost = try teacher.perRequest(scaling: [component.cost(in: teacher.tokenCost)], byPercent: change)
        case .studentPrice(let component):
            studentCost = try student.perRequest(scaling: [component.cost(in: student.tokenCost)], byPercent: change)
        case .teacherTokensPerRequest:
            teacherCost = try teacher.perRequest(scaling: teacher.tokenCost.components.map(\.cost), byPercent: change)
        case .studentTokensPerRequest:
            studentCost = try student.perRequest(scaling: student.tokenCost.components.map(\.cost), byPercent: change)
        case .studentFixedCost:
            studentCost = try student.perRequest(scaling: [], fixedPercent: change, byPercent: 0)
        }
        let breakEven = BreakEven(savingsPerRequest: try teacherCost.subtracting(studentCost), oneTimeCost: oneTimeCost)
        let days: Int64?
        switch breakEven.requests {
        case .never: days = nil
        case .after(0): days = 0
        case .after(let count): days = volume > 0 ? DecimalText.divideCeiling(Int128(count), Int128(volume)).clampedToInt64 : nil
        }
        return SensitivityCase(parameter: parameter, changePercent: change, breakEvenRequests: breakEven.requests, paybackDays: days)
    }

    var parameters: [SensitivityParameter] = [.dailyVolume]
    parameters += PriceComponent.allCases.map(SensitivityParameter.teacherPrice)
    parameters += PriceComponent.allCases.map(SensitivityParameter.studentPrice)
    parameters += [.teacherTokensPerRequest, .studentTokensPerRequest]
    if !student.fixedCost.isZero { parameters.append(.studentFixedCost) }
    var cases: [SensitivityCase] = []
    for parameter in parameters {
        for change in changes { cases.append(try evaluate(parameter, change)) }
    }
    return cases
}

extension Int128 {
    var clampedToInt64: Int64 { self > Int128(Int64.max) ? Int64.max : (self < Int128(Int64.min) ? Int64.min : Int64(self)) }
}
