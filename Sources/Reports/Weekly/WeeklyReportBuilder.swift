import Analytics
import CostModel
import DistillCore
import Pricing
import Store

/// Assembles a `WeeklyReport` from the store (through Analytics) and the price catalog (through
/// CostModel). All reads happen in one snapshot, so a report run during an ingest is consistent.
package struct WeeklyReportBuilder {
    let database: Database
    let catalog: PriceCatalog
    let options: WeeklyReportOptions
    /// The report's days, resolved from `options.period`.
    let range: DayRange
    let label: String

    /// Resolves the period against the store; throws `ReportError.noUsage` on an empty store.
    package init(database: Database, catalog: PriceCatalog, options: WeeklyReportOptions) throws {
        guard let history = try UsageQuery(database: database).span() else { throw ReportError.noUsage }
        self.database = database
        self.catalog = catalog
        self.options = options
        (range, label) = options.period.resolved(history: history, today: options.today)
    }

    package func build() throws -> WeeklyReport {
        try database.snapshot {
            let usage = UsageQuery(database: database)
            guard let history = try usage.span() else {
                throw ReportError.noUsage
            }
            let periodUsage = try usage.usage(in: range, filters: options.filters)
            try checkTrafficInScope(history: history, periodUsage: periodUsage)
            let jobs = try FineTuningQuery(database: database).jobs()
            // Students and their go-lives come from the data up to the period's end: a student
            // that went live later belongs to later reports.
            let untilEnd = DayRange(start: min(history.start, range.end), end: range.end)
            let chosen = try chooseRoles(jobs: jobs, history: untilEnd, span: history)
            let members = try programMembers(primary: chosen, jobs: jobs, history: untilEnd)
            let detailed = members.first { $0.model == chosen.student }
            let roles = detailed?.roles ?? chosen
            let previous = DayRange(start: range.start.adding(days: -range.dayCount), end: range.start)
            let cumulative = try cumulativeSavings(roles: roles)
            let oneTime = try oneTimeCost(
                roles: roles, jobs: jobs, until: range.end,
                share: detailed.map { share(of: $0, in: members, jobs: jobs) } ?? .everything)
            let current = try headline(for: range, roles: roles, oneTime: oneTime.cost, cumulative: cumulative)
            let rows = try priced(periodUsage)
            let quality = try qualityFigures(roles: roles)
            let program = try programFigures(
                members: members, detailed: (roles.student, current, cumulative), quality: quality, jobs: jobs,
                spend: current.spend)
            let models = try modelFigures(rows, roles: roles, quality: quality).map { figures in
                var figures = figures
                if figures.role == "other", members.contains(where: { $0.model == figures.model }) { figures.role = "student" }
                return figures
            }
            let measured = try measureSavings(in: range, roles: roles)
            let retirement = try retirement(roles: roles, headline: current, jobs: jobs, quality: quality)
            var notes = oneTime.notes + program.notes.filter { !oneTime.notes.contains($0) } + PricedUsage.sizeNotes(rows)
            if !measured.unmatchedUseCases.isEmpty {
                notes.append(
                    "No teacher reference for use case(s) \(measured.unmatchedUseCases.sorted().joined(separator: ", ")): "
                        + "their student requests count no savings.")
            }
            return WeeklyReport(
                title: "Distillation ROI, \(label)", label: label, range: range,
                previousRange: previous, currency: "USD", roles: roles, headline: current,
                previousHeadline: try headline(
                    for: previous, roles: roles, oneTime: oneTime.cost, cumulative: cumulative),
                models: models, quality: quality, tagBreakdowns: try tagBreakdowns(students: Set(members.map(\.model))),
                daily: try dailyFigures(rows), cumulative: cumulative.filter { $0.day < range.end },
                sources: try sources(rows, notes: notes),
                assumptions: WeeklyReport.Assumptions(
                    teacherCostPerRequest: measured.teacherCostPerRequest,
                    studentCostPerRequest: measured.studentCostPerRequest,
                    dailyStudentVolume: current.dailyStudentVolume,
                    horizonDays: current.roi.map(\.horizonDays)),
                studentCandidates: roles.student == nil ? try studentCandidates(spend: current.spend) : [],
                retirement: retirement, opportunities: try opportunities(
                    teachers: Set(members.map(\.roles.teacher)).union([roles.teacher]), students: Set(members.map(\.model))),
                students: program.students, program: program.program)
        }
    }

    /// A report of nothing is an error, not a page of zeros: tags that match no request at all,
    /// then a period without requests (unless `allowEmpty`).
    private func checkTrafficInScope(history: DayRange, periodUsage: [UsageRow]) throws {
        // The whole history is read only when the period itself has no row with the tags.
        if !options.filters.isEmpty, periodUsage.isEmpty,
            try UsageQuery(database: database).usage(in: history, filters: options.filters).isEmpty
        {
            throw ReportError.tagsMatchNothing(filters: options.filters)
        }
        if !options.allowEmpty, periodUsage.allSatisfy({ $0.requests == 0 }) {
            throw ReportError.emptyPeriod(label: label, period: range, data: history)
        }
    }

    /// Each model's traffic per use case in the period, largest cost first: where a student would go.
    func studentCandidates(spend: Money) throws -> [WeeklyReport.StudentCandidate] {
        let rows = try priced(UsageQuery(database: database).usage(
            in: range, filters: options.filters, excluding: options.oneTimeTags, groupByTag: options.useCaseKey))
        return Dictionary(grouping: rows) { "\($0.row.model)\u{0}\($0.row.tagValue ?? "")" }.map { _, rows in
            let totals = PricedTotals(rows)
            let useCase = rows[0].row.tagValue.map { $0.isEmpty ? nil : $0 } ?? nil
            return WeeklyReport.StudentCandidate(
                model: rows[0].row.model, useCase: useCase ?? "(no \(options.useCaseKey))", requests: totals.requests,
                cost: totals.cost,
                costPerRequest: totals.cost.flatMap { totals.succeeded > 0 ? $0.dividedRounding(by: totals.succeeded) : nil },
                requestsPerDay: Double(totals.requests) / Double(max(range.dayCount, 1)),
                shareOfSpend: totals.cost.flatMap { spend.isZero ? nil : $0.approximateDouble / spend.approximateDouble })
        }.sorted { ($0.cost ?? .zero, $1.model, $1.useCase) > ($1.cost ?? .zero, $0.model, $0.useCase) }
    }

    func priced(_ rows: [UsageRow]) throws -> [PricedUsage] {
        try PricedUsage.price(rows, with: catalog)
    }

    // MARK: Headline

    func headline(
        for range: DayRange, roles: WeeklyReport.Roles, oneTime: OneTimeCost, cumulative: [WeeklyReport.CumulativePoint]
    ) throws -> WeeklyReport.Headline {
        let all = PricedTotals(try priced(UsageQuery(database: database).usage(in: range, filters: options.filters)))
        let measured = try measureSavings(in: range, roles: roles)
        let sinceGoLive = cumulative.last { $0.day < range.end }?.cumulativeSavings ?? .zero
        let volume = measured.studentRequests / Int64(max(range.dayCount, 1))
        let perRequest = measured.teacherCostPerRequest.flatMap { teacher in
            measured.studentCostPerRequest.flatMap { try? teacher.subtracting($0) }
        }
        let total = oneTime.total
        let recouped = total.isZero ? nil : sinceGoLive.approximateDouble / total.approximateDouble
        return WeeklyReport.Headline(
            spend: all.pricedCost, teacherOnlyCost: all.pricedCost - measured.studentCost + measured.teacherEquivalentCost,
            savings: measured.savings, studentRequests: measured.studentRequests, requests: all.requests,
            unpricedRequests: all.unpricedRequests, unpricedTokens: all.unpricedTokens.input + all.unpricedTokens.output,
            savingsSinceGoLive: sinceGoLive, oneTimeCost: oneTime, recoupedShare: recouped,
            breakEven: breakEven(
                range: range, roles: roles, oneTime: oneTime, perRequest: perRequest, volume: volume,
                studentRequests: measured.studentRequests, cumulative: cumulative),
            roi: roi(oneTime: oneTime, perRequest: perRequest, volume: volume, roles: roles),
            savingsPerStudentRequest: perRequest, dailyStudentVolume: volume)
    }

    /// Reached when the running savings crossed the one-time cost; otherwise projected from the
    /// end of the range at this range's savings per request and daily student volume (whole
    /// requests a day: a student with fewer than one a day is never projected to break even).
    func breakEven(
        range: DayRange, roles: WeeklyReport.Roles, oneTime: OneTimeCost, perRequest: MoneyPerRequest?, volume: Int64,
        studentRequests: Int64, cumulative: [WeeklyReport.CumulativePoint]
    ) -> WeeklyReport.BreakEvenStatus {
        let total = oneTime.total
        if let crossing = cumulative.first(where: { $0.day < range.end && $0.cumulativeSavings >= total }) {
            return .reached(crossing.day)
        }
        guard let perRequest, volume > 0 else {
            return studentRequests > 0 ? .never("fewer than one student request a day in this period") : .noStudentTraffic
        }
        let recovered = cumulative.last { $0.day < range.end }?.cumulativeSavings ?? .zero
        let remaining = OneTimeCost(
            training: .zero, teacherDataGeneration: .zero, evaluation: .zero,
            other: [.init(label: "not yet recovered", amount: total - recovered)])
        switch BreakEven(savingsPerRequest: perRequest, oneTimeCost: remaining)
            .payback(dailyVolume: volume, goLive: range.end, shutdown: roles.studentShutdown)
        {
        case .reached(let point):
            if let shutdown = point.shutdown, point.isAfterShutdown { return .afterShutdown(point.date, shutdown: shutdown) }
            return .projected(point.date)
        case .never(let reason):
            return .never(reason.rawValue)
        }
    }

    /// ROI at each horizon from go-live at this range's volume, cut at the student's shutdown.
    func roi(oneTime: OneTimeCost, perRequest: MoneyPerRequest?, volume: Int64, roles: WeeklyReport.Roles) -> [WeeklyReport.ROIFigure] {
        options.horizonMonths.map { months in
            let days = Int64((Double(months) * 365.25 / 12).rounded())
            guard let perRequest, let goLive = roles.goLive else {
                return WeeklyReport.ROIFigure(months: months, horizonDays: days, roi: nil, cappedAt: nil)
            }
            let end = goLive.adding(days: Int(days))
            let capped = roles.studentShutdown.flatMap { $0 < end ? $0 : nil }
            let ratio = BreakEven(savingsPerRequest: perRequest, oneTimeCost: oneTime)
                .roi(dailyVolume: volume, horizonDays: days, goLive: goLive, shutdown: roles.studentShutdown)
            return WeeklyReport.ROIFigure(months: months, horizonDays: days, roi: ratio?.approximateDouble, cappedAt: capped)
        }
    }
}
