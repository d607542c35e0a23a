import Analytics
import CostModel
import DistillCore
import Pricing
import Statistics
import Store

extension WeeklyReportBuilder {
    /// The retirement section, or nil when neither the student nor the teacher shuts down within
    /// `options.retirementWindowDays` of the period's end, and in a baseline report (no student:
    /// its ways forward are priced from the student's traffic).
    ///
    /// Every way forward is priced at the period's measured traffic: the student's requests a day
    /// and tokens per request, the teacher's tokens per request on the same use cases. Traffic
    /// moves on the switch date (the earliest retirement), so paybacks count from there.
    func retirement(
        roles: WeeklyReport.Roles, headline: WeeklyReport.Headline, jobs: [FineTuningJobRecord], quality: WeeklyReport.Quality
    ) throws -> WeeklyReport.Retirement? {
        guard let student = roles.student else { return nil }
        let window = options.retirementWindowDays
        var retiring: [WeeklyReport.RetiringModel] = []
        for (role, model) in [("student", student), ("teacher", roles.teacher)] {
            guard let shutdown = catalog.shutdownDate(model: model) else { continue }
            let daysLeft = Int64(shutdown.daysSinceEpoch - range.end.daysSinceEpoch)
            guard daysLeft <= window else { continue }
            let entry = catalog.family(of: PriceCatalog.fineTunedBase(of: model) ?? model)
            retiring.append(WeeklyReport.RetiringModel(
                role: role, model: model, shutdown: shutdown, daysLeft: max(0, daysLeft), shutdownSource: entry?.shutdownSource,
                successor: entry?.successor))
        }
        guard let switchDate = retiring.map(\.shutdown).min().map({ max($0, range.end) }) else { return nil }
        let volume = headline.dailyStudentVolume
        var notes: [String] = []
        let studentRetires = retiring.first { $0.role == "student" }
        let teacherRetirement = retiring.first { $0.role == "teacher" }

        var back = try wayBack(roles: roles, teacherRetirement: teacherRetirement, switchDate: switchDate, volume: volume, quality: quality)
        let baseline = back.figures?.costPerRequest
        if baseline == nil {
            notes.append("The way back is unpriced, so no re-distilled student's savings or payback can be computed; their costs are shown alone.")
        }
        if let teacherRetirement {
            let replacement = back.model
            back.notes.append(
                "Savings are measured against \(teacherRetirement.model), which retires on \(teacherRetirement.shutdown): after that they are worth what \(replacement) would cost.")
        }

        let measured = try studentUsage(roles: roles)
        let training = trainingBasis(roles: roles, jobs: jobs)
        var ways = [back]
        var available: [WeeklyReport.WayForward] = []
        var notAvailable: [WeeklyReport.WayForward] = []
        for candidate in retirementCandidates(excluding: roles) {
            let way = try redistil(
                candidate, usage: measured, training: training, evaluation: headline.oneTimeCost.evaluation, baseline: baseline,
                switchDate: switchDate, volume: volume, roles: roles)
            if way.figures == nil { notAvailable.append(way) } else { available.append(way) }
        }
        available.sort { ($0.figures?.monthlyCost ?? .zero, $0.model) < ($1.figures?.monthlyCost ?? .zero, $1.model) }
        ways += available + notAvailable
        if available.isEmpty {
            notes.append("No student in the price catalog can be re-distilled and serve past \(switchDate): add a provider's prices (--pricing DIR) to price one.")
        }
        notes.append(studentQualityNote(quality, roles: roles))
        notes.append(
            "Re-distilled students are priced at the current student's measured tokens per request; another model's tokenizer counts the same text differently.")
        if training.tokens != nil {
            notes.append("Re-distilling reuses the stored teacher outputs (no new data generation) and repeats the measured evaluation.")
        }
        return WeeklyReport.Retirement(
            windowDays: window, periodEnd: range.end, retiring: retiring,
            cost: studentRetires.map { retirementCost(headline: headline, daysLeft: $0.daysLeft) }, switchDate: switchDate,
            dailyVolume: volume, ways: ways, notes: notes)
    }

    /// The one-time cost not earned back by the shutdown, at the period's savings and volume.
    func retirementCost(headline: WeeklyReport.Headline, daysLeft: Int64) -> WeeklyReport.RetirementCost {
        let total = headline.oneTimeCost.total
        let perRequest = headline.savingsPerStudentRequest.flatMap { $0.isPositive ? $0 : nil }
        let still = perRequest?.times(headline.dailyStudentVolume * daysLeft) ?? .zero
        let byShutdown = headline.savingsSinceGoLive + still
        return WeeklyReport.RetirementCost(
            oneTimeCost: total, recoveredToDate: headline.savingsSinceGoLive, recoveredByShutdown: byShutdown,
            unrecoveredAtShutdown: max(.zero, total - byShutdown),
            monthlySavingsLost: perRequest?.times(headline.dailyStudentVolume * Estimate.daysPerMonth))
    }

    // MARK: The way back

    /// The student's traffic back on the teacher at its measured cost per request; when the
    /// teacher retires too, on its named successor at the teacher's measured tokens.
    private func wayBack(
        roles: WeeklyReport.Roles, teacherRetirement: WeeklyReport.RetiringModel?, switchDate: UTCDate, volume: Int64,
        quality: WeeklyReport.Quality
    ) throws -> WeeklyReport.WayForward {
        let teacherQuality = quality.runs.last { $0.model == roles.teacher }.flatMap(\.score).map {
            "the teacher's: mean score \(DisplayFormat.number($0.mean * 100)) points"
        } ?? "the teacher's (no eval run of it)"
        guard let teacherRetirement else {
            let perRequest = try measureSavings(in: range, roles: roles).teacherCostPerRequest
            return WeeklyReport.WayForward(
                kind: .backToTeacher, model: roles.teacher, pricedAs: "its measured cost per request on the student's use cases",
                figures: perRequest.map { figures(oneTime: nil, perRequest: $0, volume: volume, baseline: nil, switchDate: switchDate) },
                reason: perRequest == nil ? "the teacher has no priced traffic on the student's use cases to measure" : nil,
                quality: teacherQuality, notes: [])
        }
        guard let successor = teacherRetirement.successor else {
            return WeeklyReport.WayForward(
                kind: .successor, model: "(none named)", pricedAs: "unpriced", figures: nil,
                reason: "the teacher \(roles.teacher) retires on \(teacherRetirement.shutdown) and the catalog names no successor (add `successor` to its entry)",
                quality: "unknown", notes: [])
        }
        switch catalog.resolve(model: successor, at: switchDate.unixSeconds, tier: .default) {
        case .unpriced(let reason):
            return WeeklyReport.WayForward(
                kind: .successor, model: successor, pricedAs: "unpriced", figures: nil,
                reason: "unpriced, never $0: \(reason)", quality: "not evaluated", notes: [])
        case .priced(let price):
            let perRequest = try teacherEquivalentCost(roles: roles, rates: price.rates)
            return WeeklyReport.WayForward(
                kind: .successor, model: successor, pricedAs: "\(price.model) rates at the teacher's measured tokens per request",
                figures: perRequest.map { figures(oneTime: nil, perRequest: $0, volume: volume, baseline: nil, switchDate: switchDate) },
                reason: perRequest == nil ? "the teacher has no traffic on the student's use cases to measure" : nil,
                quality: "not evaluated", notes: [])
        }
    }

    /// What the period's student requests would cost at `rates` with the teacher's measured tokens
    /// per request on each use case.
    private func teacherEquivalentCost(roles: WeeklyReport.Roles, rates: TokenRates) throws -> MoneyPerRequest? {
        let reference = try teacherReference(in: range, roles: roles, rates: rates)
        let rows = try priced(UsageQuery(database: database).usage(
            in: range, filters: options.filters, excluding: options.oneTimeTags, groupByTag: options.useCaseKey))
        var total = Money.zero
        var requests: Int64 = 0
        for row in rows where row.row.model == roles.student {
            let count = row.row.requests - row.row.failed
            guard count > 0, let perRequest = reference[row.row.tagValue ?? ""] else { continue }
            total += perRequest.times(count)
            requests += count
        }
        return MoneyPerRequest(total: total, requests: requests)
    }

    // MARK: Re-distilling

    /// The current student's tokens and succeeded requests in the period, without one-time traffic.
    private func studentUsage(roles: WeeklyReport.Roles) throws -> (tokens: TokenUsage, requests: Int64) {
        let totals = PricedTotals(
            try priced(UsageQuery(database: database).usage(in: range, filters: options.filters, excluding: options.oneTimeTags))
                .filter { $0.row.model == roles.student })
        return (totals.tokens, totals.succeeded)
    }

    /// The measured training-set size: the current student's succeeded job, its billed tokens
    /// (file tokens × epochs) and wall-clock time.
    private func trainingBasis(roles: WeeklyReport.Roles, jobs: [FineTuningJobRecord])
        -> (tokens: Int64?, seconds: Int64?, job: String?)
    {
        guard let job = jobs.last(where: { $0.fineTunedModel == roles.student && $0.status == "succeeded" }) else {
            return (nil, nil, nil)
        }
        return (job.trainedTokens, job.finishedAt.map { $0 - job.createdAt }, job.id)
    }

    /// The models a student could be re-distilled into: `--candidates`, else every catalog entry
    /// with a training price, the current student's base excluded.
    private func retirementCandidates(excluding roles: WeeklyReport.Roles) -> [String] {
        if !options.retirementCandidates.isEmpty { return options.retirementCandidates }
        let base = roles.baseStudent.flatMap { catalog.family(of: $0)?.id }
        return catalog.models.filter { !$0.training.isEmpty && $0.id != base && $0.id != roles.teacher }.map(\.id)
    }

    private func redistil(
        _ model: String, usage: (tokens: TokenUsage, requests: Int64), training: (tokens: Int64?, seconds: Int64?, job: String?),
        evaluation: Money, baseline: MoneyPerRequest?, switchDate: UTCDate, volume: Int64, roles: WeeklyReport.Roles
    ) throws -> WeeklyReport.WayForward {
        var way = WeeklyReport.WayForward(
            kind: .redistil, model: model, pricedAs: "unpriced", figures: nil, reason: nil,
            quality: try measuredQuality(of: model, roles: roles), notes: [])
        let pricing: StudentCandidatePricing
        switch catalog.candidatePricing(of: model, on: switchDate) {
        case .failure(let failure):
            way.reason = "unpriced, never $0: \(failure.reason)"
            return way
        case .success(let value):
            pricing = value
        }
        way.pricedAs = pricing.pricedAs
        if let shutdown = pricing.shutdown, shutdown <= switchDate {
            way.reason = "it retires on \(shutdown), by the switch date \(switchDate)"
            return way
        }
        var restrictions: [String] = []
        switch catalog.trainingAvailability(model: model, on: range.end) {
        case .unavailable(let reason):
            way.reason = "it cannot be trained now: \(reason)"
            return way
        case .restricted(let excluded):
            restrictions.append("Not every organization can still start this job: " + excluded.joined(separator: "; ") + ".")
            let provider = catalog.family(of: model)?.provider
            if let closing = catalog.trainingWindows.first(where: { $0.provider == provider && $0.closedTo == nil }) {
                restrictions.append("Training closes to everyone on \(closing.from): train before then.")
            }
        case .available:
            break
        }
        let trainingCost: Money
        let basis: String
        switch pricing.training.price {
        case .perMillionTokens(let rate):
            guard let tokens = training.tokens else {
                way.reason = "unpriced, never $0: no measured training-set size (no succeeded fine-tuning job of the student reports trained tokens)"
                return way
            }
            trainingCost = try pricing.training.price.cost(of: .tokens(tokens))
            basis = "\(DisplayFormat.count(tokens)) trained tokens (as job \(training.job ?? "")) at \(rate) per 1M"
        case .perHour(let rate):
            guard let seconds = training.seconds else {
                way.reason = "unpriced, never $0: an hourly training price needs the duration of the student's fine-tuning job, and none is recorded"
                return way
            }
            trainingCost = try pricing.training.price.cost(of: .seconds(seconds))
            basis = "ASSUMED as long as job \(training.job ?? "") (\(DisplayFormat.count(seconds)) s) at \(rate) per hour"
        }
        var serving = try cost(of: usage.tokens, at: pricing.price.rates)
        if let hourly = pricing.deploymentPerHour {
            serving += Money(decimalQuantity: ExactDecimal(24 * Int64(range.dayCount)), price: hourly)
            way.notes.append("Served on a dedicated deployment at \(hourly) per hour, 24 hours a day, shared over the requests.")
        }
        guard let perRequest = MoneyPerRequest(total: serving, requests: usage.requests) else {
            way.reason = "the student has no requests in the period to measure"
            return way
        }
        let oneTime = OneTimeCost(training: trainingCost, teacherDataGeneration: .zero, evaluation: evaluation)
        var figures = figures(
            oneTime: oneTime, perRequest: perRequest, volume: volume, baseline: baseline, switchDate: switchDate,
            shutdown: pricing.shutdown)
        figures.trainingBasis = basis
        figures.shutdown = pricing.shutdown
        if case .reached(let point)? = figures.payback, point.isAfterShutdown, let shutdown = point.shutdown {
            way.reason = "it retires on \(shutdown), before it would pay back (\(point.date))"
            return way
        }
        way.figures = figures
        way.notes = restrictions + way.notes
        return way
    }

    private func figures(
        oneTime: OneTimeCost?, perRequest: MoneyPerRequest, volume: Int64, baseline: MoneyPerRequest?, switchDate: UTCDate,
        shutdown: UTCDate? = nil
    ) -> WeeklyReport.WayFigures {
        let savings = baseline.flatMap { try? $0.subtracting(perRequest) }
        let payback = oneTime.flatMap { oneTime in
            savings.map {
                BreakEven(savingsPerRequest: $0, oneTimeCost: oneTime).payback(dailyVolume: volume, goLive: switchDate, shutdown: shutdown)
            }
        }
        return WeeklyReport.WayFigures(
            oneTimeCost: oneTime ?? OneTimeCost(training: .zero, teacherDataGeneration: .zero, evaluation: .zero),
            trainingBasis: nil, costPerRequest: perRequest, monthlyCost: perRequest.times(volume * Estimate.daysPerMonth),
            savingsPerRequest: oneTime == nil ? nil : savings, payback: payback, shutdown: nil)
    }

    /// A candidate already evaluated under its own name (an open-weight student served as named),
    /// paired item by item with the teacher's newest run; "not evaluated" otherwise.
    private func measuredQuality(of model: String, roles: WeeklyReport.Roles) throws -> String {
        let query = EvaluationQuery(database: database)
        let runs = try query.runs()
        // Runs under any name of the same entry (an alias such as Together's `-Reference` id), as
        // long as the entry serves under its own name: a base with fine-tuned rates is not its fine-tune.
        let entry = catalog.family(of: model)
        let servesAsNamed = entry?.fineTuned == nil
        guard
            let run = runs.last(where: {
                $0.model == model || (servesAsNamed && entry != nil && catalog.family(of: $0.model)?.id == entry?.id)
            }),
            let teacherRun = runs.last(where: { $0.model == roles.teacher })
        else { return "not evaluated" }
        let scores = Dictionary(grouping: try query.itemScores(), by: \.runID)
        func items(_ run: EvalRunSummary) -> [String: (score: Double?, passed: Bool?)] {
            Dictionary((scores[run.id] ?? []).map { ($0.itemID, ($0.score, $0.passed)) }) { first, _ in first }
        }
        let comparison = PairedComparison.compare(
            candidate: (model, items(run)), reference: (roles.teacher, items(teacherRun)), marginPoints: options.marginPoints)
        guard let difference = comparison.difference else { return "evaluated, but on no item the teacher answered" }
        return "\(DisplayFormat.number(difference.mean)) points against the teacher on \(comparison.pairedItems) items (\(comparison.verdict.rawValue))"
    }

    /// The current student's measured quality against the teacher: the bar a re-distilled
    /// student has to meet before it takes traffic.
    private func studentQualityNote(_ quality: WeeklyReport.Quality, roles: WeeklyReport.Roles) -> String {
        guard let comparison = quality.comparisons.first(where: { $0.candidate == roles.student }),
            let difference = comparison.difference
        else { return "The current student has no paired evaluation against the teacher: evaluate a replacement against the teacher before switching." }
        return "The bar for a replacement: the current student measured \(DisplayFormat.number(difference.mean)) points against the teacher (\(comparison.verdict.rawValue)) on \(comparison.pairedItems) paired items; evaluate a replacement on the same items before switching."
    }
}
