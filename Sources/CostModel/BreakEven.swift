import DistillCore

/// Break-even and ROI of a student, as `DESIGN.md` defines them in one place:
/// savings per request s = teacher cost per request − student cost per request; one-time cost F;
/// break-even requests = ceil(F / s) when s > 0, else never; break-even date = go-live date +
/// ceil(break-even requests / daily volume) days; ROI(H) = (s × volume over H − F) / F.
///
/// Every figure is exact (fractions of integers); savings of zero or less give `.never`, never a
/// negative count or a division by zero.
public struct BreakEven: Hashable, Sendable {
    public let savingsPerRequest: MoneyPerRequest
    public let oneTimeCost: OneTimeCost

    public init(savingsPerRequest: MoneyPerRequest, oneTimeCost: OneTimeCost) {
        self.savingsPerRequest = savingsPerRequest
        self.oneTimeCost = oneTimeCost
    }

    /// Savings computed from each model's total cost and request count on the same use case, by
    /// cross-multiplication (not from rounded averages). Throws for a zero request count: a model
    /// with no traffic has no cost per request.
    public init(
        teacherCost: Money, teacherRequests: Int64, studentCost: Money, studentRequests: Int64,
        oneTimeCost: OneTimeCost
    ) throws(CostModelError) {
        guard let teacher = MoneyPerRequest(total: teacherCost, requests: teacherRequests),
            let student = MoneyPerRequest(total: studentCost, requests: studentRequests)
        else {
            throw .invalidInput(
                "both models need at least one request to compare costs per request (teacher \(teacherRequests), student \(studentRequests))")
        }
        self.init(savingsPerRequest: try teacher.subtracting(student), oneTimeCost: oneTimeCost)
    }

    /// Requests needed to earn back the one-time cost: ceil(F / s), or `.never` when s ≤ 0.
    public var requests: BreakEvenRequests {
        let total = oneTimeCost.total.femtoUnits
        guard total > 0 else { return .after(0) }
        guard savingsPerRequest.isPositive else { return .never }
        // F / (n/d) = F × d / n, at 256 bits. A count beyond Int64 (9.2 × 10¹⁸ requests) is never
        // reached in practice and reads as never.
        guard
            let count = DecimalText.multiplyDivide(total, savingsPerRequest.denominator, savingsPerRequest.numerator, rounding: .ceiling),
            count <= Int128(Int64.max)
        else { return .never }
        return .after(Int64(count))
    }

    /// When the one-time cost is recovered at `dailyVolume` student requests a day from `goLive`.
    /// The date is the first day by whose start the cumulative savings cover F; it is flagged when
    /// it falls after `shutdown` (the student stops serving, so the training cost is never
    /// recovered).
    public func payback(dailyVolume: Int64, goLive: UTCDate, shutdown: UTCDate? = nil) -> Payback {
        guard case .after(let needed) = requests else { return .never(.noSavings) }
        if needed == 0 { return .reached(PaybackPoint(days: 0, date: goLive, shutdown: shutdown)) }
        guard dailyVolume > 0 else { return .never(.noVolume) }
        let days = DecimalText.divideCeiling(Int128(needed), Int128(dailyVolume))
        guard days <= 1_000_000 else { return .never(.beyondCalendar) }
        return .reached(PaybackPoint(days: Int64(days), date: goLive.adding(days: Int(days)), shutdown: shutdown))
    }

    /// When `remaining` is recovered at a measured rate of `savings` per `days` days (several
    /// students' savings together, which no single savings per request describes): ceil(remaining ×
    /// days ÷ savings) days after `start`, flagged after `shutdown`.
    public static func payback(
        remaining: Money, savings: Money, perDays days: Int64, from start: UTCDate, shutdown: UTCDate? = nil
    ) -> Payback {
        guard remaining > .zero else { return .reached(PaybackPoint(days: 0, date: start, shutdown: shutdown)) }
        guard savings > .zero else { return .never(.noSavings) }
        guard days > 0 else { return .never(.noVolume) }
        guard
            let needed = DecimalText.multiplyDivide(remaining.femtoUnits, Int128(days), savings.femtoUnits, rounding: .ceiling),
            needed <= 1_000_000
        else { return .never(.beyondCalendar) }
        return .reached(PaybackPoint(days: Int64(needed), date: start.adding(days: Int(needed)), shutdown: shutdown))
    }

    /// ROI over `horizonDays` at `dailyVolume`: (s × volume − F) / F. The savings s × volume are
    /// money rounded half to even at 10⁻¹⁵ (so the fraction stays small); the ratio itself is exact.
    /// When a shutdown date is given, only the days the student can still serve (from `goLive` up to
    /// the shutdown) count. nil when F is zero (ROI is then unbounded) or an input is negative.
    public func roi(dailyVolume: Int64, horizonDays: Int64, goLive: UTCDate? = nil, shutdown: UTCDate? = nil) -> Ratio? {
        guard dailyVolume >= 0, horizonDays >= 0 else { return nil }
        var days = horizonDays
        if let goLive, let shutdown {
            days = max(0, min(days, Int64(shutdown.daysSinceEpoch - goLive.daysSinceEpoch)))
        }
        let total = oneTimeCost.total.femtoUnits
        guard total != 0 else { return nil }
        let (volume, overflow) = dailyVolume.multipliedReportingOverflow(by: days)
        guard !overflow else { return nil }
        let saved = savingsPerRequest.times(volume).femtoUnits
        return Ratio(saved - total, total)
    }
}

/// How many requests it takes to earn back the one-time cost.
public enum BreakEvenRequests: Hashable, Sendable, CustomStringConvertible {
    case after(Int64)
    /// Savings per request are zero or negative: the student never pays back.
    case never

    public var description: String {
        switch self {
        case .after(let count): return "\(count)"
        case .never: return "never"
        }
    }
}

/// When the one-time cost is recovered, or why it never is.
public enum Payback: Hashable, Sendable {
    case reached(PaybackPoint)
    case never(NeverReason)

    public enum NeverReason: String, Hashable, Sendable {
        /// The student costs as much as the teacher per request, or more.
        case noSavings = "the student saves nothing per request"
        /// No student traffic is expected.
        case noVolume = "no daily volume"
        /// More than a million days away.
        case beyondCalendar = "more than a million days away"
    }

    /// Days from go-live to payback; nil when never.
    public var days: Int64? {
        if case .reached(let point) = self { return point.days }
        return nil
    }
}

/// The day the cumulative savings cover the one-time cost.
public struct PaybackPoint: Hashable, Sendable {
    /// Days of traffic needed: ceil(break-even requests / daily volume).
    public let days: Int64
    /// Go-live date + `days`.
    public let date: UTCDate
    /// The student's shutdown date, when one is announced.
    public let shutdown: UTCDate?

    /// True when payback falls after the shutdown: the training cost is never recovered.
    public var isAfterShutdown: Bool { shutdown.map { date > $0 } ?? false }
}
