import Analytics
import CostModel
import DistillCore

/// Savings measured, not modelled: per use case, the student's requests × the teacher's cost per
/// request on that use case, minus what the student actually cost.
struct SavingsMeasurement: Sendable {
    var savings = Money.zero
    /// What the student's traffic would have cost on the teacher.
    var teacherEquivalentCost = Money.zero
    var studentCost = Money.zero
    var studentRequests: Int64 = 0
    var perDay: [UTCDate: Money] = [:]
    /// Use cases where the student ran but the teacher had no priced reference traffic.
    var unmatchedUseCases: Set<String> = []

    /// Teacher-equivalent cost per student request, exactly; nil without student traffic.
    var teacherCostPerRequest: MoneyPerRequest? { MoneyPerRequest(total: teacherEquivalentCost, requests: studentRequests) }
    var studentCostPerRequest: MoneyPerRequest? { MoneyPerRequest(total: studentCost, requests: studentRequests) }
}

extension WeeklyReportBuilder {
    /// Measures savings in `range`. The teacher's cost per request comes from its own traffic on
    /// the same use case in the same range; when the student has taken all of it, from the 28 days
    /// before go-live. One-time traffic (distillation, evaluation) is excluded on both sides.
    func measureSavings(in range: DayRange, roles: WeeklyReport.Roles) throws -> SavingsMeasurement {
        let rows = try priced(UsageQuery(database: database).usage(
            in: range, filters: options.filters, excluding: options.oneTimeTags, groupByTag: options.useCaseKey))
        let reference = try teacherReference(in: range, roles: roles)
        var measurement = SavingsMeasurement()
        for row in rows where row.row.model == roles.student {
            let useCase = row.row.tagValue ?? ""
            let requests = row.row.requests - row.row.failed
            guard let studentCost = row.cost, requests > 0 else { continue }
            guard let teacherPerRequest = reference[useCase] else {
                measurement.unmatchedUseCases.insert(useCase.isEmpty ? "(no \(options.useCaseKey))" : useCase)
                continue
            }
            let equivalent = teacherPerRequest.times(requests)
            measurement.teacherEquivalentCost += equivalent
            measurement.studentCost += studentCost
            measurement.studentRequests += requests
            measurement.savings += equivalent - studentCost
            measurement.perDay[row.row.day, default: .zero] += equivalent - studentCost
        }
        return measurement
    }

    /// The teacher's cost per request on each use case in `range`, from the 28 days before
    /// go-live for a use case the student has taken over. At `rates` (a successor's) when given,
    /// with the teacher's tokens; else at the teacher's own prices.
    func teacherReference(in range: DayRange, roles: WeeklyReport.Roles, rates: TokenRates? = nil) throws -> [String: MoneyPerRequest] {
        let usage = UsageQuery(database: database)
        let rows = try priced(usage.usage(in: range, filters: options.filters, excluding: options.oneTimeTags, groupByTag: options.useCaseKey))
        var reference = try teacherCostPerRequest(rows, teacher: roles.teacher, rates: rates)
        if let goLive = roles.goLive {
            let before = DayRange(start: goLive.adding(days: -28), end: goLive)
            let fallback = try teacherCostPerRequest(
                priced(usage.usage(in: before, filters: options.filters, excluding: options.oneTimeTags, groupByTag: options.useCaseKey)),
                teacher: roles.teacher, rates: rates)
            reference.merge(fallback) { current, _ in current }
        }
        return reference
    }

    private func teacherCostPerRequest(_ rows: [PricedUsage], teacher: String, rates: TokenRates?) throws -> [String: MoneyPerRequest] {
        let byUseCase = Dictionary(grouping: rows.filter { $0.row.model == teacher }) { $0.row.tagValue ?? "" }
        return try byUseCase.compactMapValues { rows in
            let totals = PricedTotals(rows)
            let total = try rates.map { try cost(of: totals.tokens, at: $0) } ?? totals.cost
            guard let total else { return nil }
            return MoneyPerRequest(total: total, requests: totals.succeeded)
        }
    }

    /// Daily savings from go-live to the end of the report, week by week (each ISO week measured
    /// on its own traffic), and their running total.
    func cumulativeSavings(roles: WeeklyReport.Roles) throws -> [WeeklyReport.CumulativePoint] {
        guard let goLive = roles.goLive, goLive < range.end else { return [] }
        var points: [WeeklyReport.CumulativePoint] = []
        var total = Money.zero
        var week = ISOWeek(containing: goLive)
        while week.monday < range.end {
            let range = DayRange(start: max(week.monday, goLive), end: min(week.monday.adding(days: 7), range.end))
            let measured = try measureSavings(in: range, roles: roles)
            for day in range.days {
                let savings = measured.perDay[day] ?? .zero
                total += savings
                points.append(WeeklyReport.CumulativePoint(day: day, savings: savings, cumulativeSavings: total))
            }
            week = ISOWeek(containing: week.monday.adding(days: 7))
        }
        return points
    }
}
