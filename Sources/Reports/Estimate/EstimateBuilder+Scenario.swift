import CostModel
import DistillCore

/// One candidate's prices and one-time cost, from which each scenario (low, expected, high) is
/// projected with CostModel's `BreakEven`.
struct ScenarioContext {
    var teacherRates: TokenRates
    var studentRates: TokenRates
    /// The fixed daily cost of a dedicated deployment; nil for per-token serving.
    var deploymentPerDay: Money?
    var oneTime: OneTimeCost
    var goLive: UTCDate
    var shutdown: UTCDate?
    var longestHorizon: Int64

    /// Teacher per request: its tokens at its rates. Student per request: round(teacher tokens ×
    /// ratio) at its rates, no cached share, plus the deployment's day shared over the day's
    /// requests. Savings, break-even, payback and ROI follow from `BreakEven`, exactly.
    func scenario(
        _ name: String, volume: Int64, input: Int64, cached: Int64, output: Int64, inputRatio: ExactDecimal,
        outputRatio: ExactDecimal
    ) throws -> Estimate.Scenario {
        let teacherUsage = TokenUsage(input: input, cachedInput: min(cached, input), output: output)
        let studentUsage = TokenUsage(
            input: Self.tokens(input, times: inputRatio), output: Self.tokens(output, times: outputRatio))
        let teacherCost = MoneyPerRequest(try cost(of: teacherUsage, at: teacherRates))
        let studentTokens = try cost(of: studentUsage, at: studentRates)
        var studentCost = MoneyPerRequest(studentTokens)
        if let deploymentPerDay, volume > 0,
            let shared = MoneyPerRequest(total: studentTokens * volume + deploymentPerDay, requests: volume)
        {
            studentCost = shared
        }
        let savings = try teacherCost.subtracting(studentCost)
        let breakEven = BreakEven(savingsPerRequest: savings, oneTimeCost: oneTime)
        return Estimate.Scenario(
            name: name, dailyRequests: volume, teacherUsage: teacherUsage, studentUsage: studentUsage,
            teacherCostPerRequest: teacherCost, studentCostPerRequest: studentCost, savingsPerRequest: savings,
            monthlySavings: savings.times(volume * Estimate.daysPerMonth), breakEvenRequests: breakEven.requests,
            payback: breakEven.payback(dailyVolume: volume, goLive: goLive, shutdown: shutdown),
            longestHorizonROI: breakEven.roi(dailyVolume: volume, horizonDays: longestHorizon, goLive: goLive, shutdown: shutdown))
    }

    /// Cumulative savings at about 60 points from go-live to the longest horizon; savings stop at
    /// the shutdown date.
    func cumulative(_ scenario: Estimate.Scenario) -> [Estimate.CumulativePoint] {
        let step: Int64 = max(1, longestHorizon / 60)
        var servingDays: Int64?
        if let shutdown { servingDays = Int64(max(0, shutdown.daysSinceEpoch - goLive.daysSinceEpoch)) }
        var points: [Estimate.CumulativePoint] = []
        var day: Int64 = 0
        while day <= longestHorizon {
            let days = min(day, servingDays ?? day)
            points.append(Estimate.CumulativePoint(
                day: day, cumulativeSavings: scenario.savingsPerRequest.times(scenario.dailyRequests * days)))
            day += step
        }
        return points
    }

    /// round(tokens × ratio), half up: the student's whole tokens per request, as the workbook's
    /// `ROUND` computes them.
    static func tokens(_ tokens: Int64, times ratio: ExactDecimal) -> Int64 {
        Int64(ExactMath.roundHalfUp(Int128(tokens) * ratio.units, ExactDecimal.unitsPerOne))
    }
}

/// Integer rounding the estimate needs beyond CostModel's package API.
enum ExactMath {
    /// `numerator / denominator` rounded half away from zero (as spreadsheet `ROUND` does).
    static func roundHalfUp(_ numerator: Int128, _ denominator: Int128) -> Int128 {
        precondition(denominator > 0)
        let magnitude = (numerator.magnitude * 2 + denominator.magnitude) / (denominator.magnitude * 2)
        return numerator < 0 ? -Int128(magnitude) : Int128(magnitude)
    }
}
