import Analytics
import CostModel
import DistillCore
import Pricing
import Statistics
import Store

extension WeeklyReportBuilder {
    // MARK: One-time costs

    /// Training (the student's succeeded jobs created before `end`: the provider's charge where the
    /// job reports one, else at their training price), teacher data generation (teacher requests
    /// tagged for distillation), evaluation (requests tagged as evaluation calls, plus tokens
    /// recorded by eval runs) and each line of the one-time costs files, all up to `end`, as far as
    /// `share` owns them. The shared part holds the training of succeeded fine-tunes outside the
    /// program and the data any program teacher generated that no student owns.
    func oneTimeCost(
        roles: WeeklyReport.Roles, jobs: [FineTuningJobRecord], until end: UTCDate, share: OneTimeCostShare = .everything
    ) throws -> (cost: OneTimeCost, notes: [String]) {
        var notes: [String] = []
        var training = Money.zero
        let trained = jobs.filter { job in
            guard job.status == "succeeded", job.createdAt < end.unixSeconds, let model = job.fineTunedModel else { return false }
            guard !share.isEverything else { return model == roles.student }
            return share.includes(model: model, useCase: nil, day: UTCDate(unixSeconds: job.createdAt))
        }
        for job in trained {
            if let charge = job.charge {
                guard let amount = Money(decimalText: charge) else {
                    notes.append("Job \(job.id) reports a charge of \(charge), which is not a decimal amount; it is left out.")
                    continue
                }
                training += amount
                continue
            }
            guard let price = catalog.trainingPrice(forBaseModel: job.baseModel, at: job.createdAt) else {
                notes.append("Training of \(job.id) is unpriced: the catalog has no training price for \(job.baseModel); it is left out of the one-time cost.")
                continue
            }
            switch price.price {
            case .perMillionTokens:
                guard let tokens = job.trainedTokens else {
                    notes.append("Job \(job.id) reports no trained_tokens; its training cost is left out.")
                    continue
                }
                training += try price.price.cost(of: .tokens(tokens))
            case .perHour:
                guard let finished = job.finishedAt else {
                    notes.append("Job \(job.id) has no finish time; its hourly training cost is left out.")
                    continue
                }
                training += try price.price.cost(of: .seconds(finished - job.createdAt))
                notes.append("Hourly training of \(job.id) is estimated from its wall-clock time (created to finished); the bill may be lower.")
            }
        }
        let usage = UsageQuery(database: database)
        let everything = DayRange(start: UTCDate(daysSinceEpoch: 0), end: end)
        let owned = { (rows: [PricedUsage]) in
            rows.filter { share.includes(model: $0.row.model, useCase: $0.row.tagValue, day: $0.row.day) }
        }
        let generation = PricedTotals(
            owned(try priced(usage.usage(
                in: everything, filters: options.filters + [options.distillationTag], groupByTag: options.useCaseKey)))
                .filter { share.generators(teacher: roles.teacher).contains($0.row.model) })
        let evaluationRequests = PricedTotals(
            owned(try priced(usage.usage(
                in: everything, filters: options.filters + [options.evaluationTag], groupByTag: options.useCaseKey))))
        var evaluation = evaluationRequests.pricedCost
        for run in try EvaluationQuery(database: database).runs()
        where run.createdAt < end.unixSeconds && share.includes(model: run.model, useCase: nil, day: UTCDate(unixSeconds: run.createdAt)) {
            for spent in run.usage {
                let tokens = TokenUsage(input: spent.inputTokens, cachedInput: spent.cachedInputTokens, output: spent.outputTokens)
                if let price = catalog.resolve(model: spent.model, at: run.createdAt, tier: .default).price {
                    evaluation += try cost(of: tokens, at: price.rates)
                } else {
                    notes.append("Eval run \(run.id) used \(spent.model), which is unpriced; its tokens are left out.")
                }
            }
        }
        for (label, totals) in [("teacher data generation", generation), ("evaluation", evaluationRequests)]
        where totals.unpricedRequests > 0 {
            notes.append("\(totals.unpricedRequests) \(label) requests are unpriced and left out of the one-time cost.")
        }
        return (
            OneTimeCost(
                training: training, teacherDataGeneration: generation.pricedCost, evaluation: evaluation,
                other: try recordedOneTimeCosts(until: end, share: share)),
            notes
        )
    }

    /// The one-time costs files' lines dated before `end`, in USD at the catalog's rate of each
    /// line's day. With tag filters, only lines carrying every filter tag count (an untagged line is
    /// program-wide, so it counts only in an unfiltered report), and only those `share` owns.
    func recordedOneTimeCosts(until end: UTCDate, share: OneTimeCostShare) throws -> [OneTimeCost.Item] {
        try OneTimeCostQuery(database: database).costs(before: end.unixSeconds).compactMap { line -> OneTimeCost.Item? in
            let tags = try Self.tags(ofCanonicalJSON: line.tags)
            guard options.filters.allSatisfy({ tags[$0.key] == $0.value }),
                share.includes(
                    student: tags[OneTimeCostShare.studentTag], useCase: tags[options.useCaseKey], day: UTCDate(unixSeconds: line.day))
            else { return nil }
            let day = UTCDate(unixSeconds: line.day)
            var label = "\(line.kind), \(day)"
            if !line.note.isEmpty { label += ": \(line.note)" }
            guard let amount = Money(decimalText: line.amount) else {
                throw ReportError.oneTimeCostUnusable(label: label, reason: "its amount \(line.amount) is not a decimal number")
            }
            do {
                return OneTimeCost.Item(label: label, amount: try catalog.convert(amount, from: line.currency, to: "USD", on: day).amount)
            } catch {
                throw ReportError.oneTimeCostUnusable(label: label, reason: "\(error)")
            }
        }
    }

    /// A stored tag set's canonical JSON object as a dictionary (empty text is no tags).
    private static func tags(ofCanonicalJSON text: String) throws -> [String: String] {
        guard !text.isEmpty, case .object(let object) = try JSONValue.parse(text) else { return [:] }
        var tags: [String: String] = [:]
        for (key, value) in object.members { tags[key] = value.stringValue }
        return tags
    }

    // MARK: Models

    func modelFigures(_ rows: [PricedUsage], roles: WeeklyReport.Roles, quality: WeeklyReport.Quality) throws -> [WeeklyReport.ModelFigures] {
        let latency = LatencyQuery(database: database)
        return try Dictionary(grouping: rows, by: \.row.model).map { model, rows in
            let totals = PricedTotals(rows)
            let run = quality.runs.last { $0.model == model }
            let perRequest = totals.cost.flatMap { totals.succeeded > 0 ? $0.dividedRounding(by: totals.succeeded) : nil }
            return WeeklyReport.ModelFigures(
                model: model, role: role(of: model, roles), requests: totals.requests, failedRequests: totals.failed,
                tokens: totals.tokens, cost: totals.cost, costPerRequest: perRequest,
                costPerThousandRequests: totals.cost.flatMap {
                    totals.succeeded > 0 ? $0.multipliedRounding(by: 1000, over: totals.succeeded) : nil
                },
                latency: try latency.summary(model: model, in: range, filters: options.filters),
                evalScore: run?.score, passRate: run?.passRate,
                costPerPassingAnswer: costPerPassingAnswer(perRequest, passRate: run?.passRate),
                unpricedReason: totals.unpricedReason)
        }.sorted { ($0.cost ?? .zero, $1.model) > ($1.cost ?? .zero, $0.model) }
    }

    /// A failed answer has to be asked again (or escalated), so one passing answer costs
    /// cost per request ÷ pass rate.
    private func costPerPassingAnswer(_ perRequest: Money?, passRate: Double?) -> Money? {
        guard let perRequest, let passRate, passRate > 0 else { return nil }
        let basisPoints = Int64((passRate * 10_000).rounded())
        return basisPoints > 0 ? perRequest.multipliedRounding(by: 10_000, over: basisPoints) : nil
    }

    func role(of model: String, _ roles: WeeklyReport.Roles) -> String {
        switch model {
        case roles.teacher: return "teacher"
        case roles.student: return "student"
        case roles.baseStudent: return "base student"
        default: return "other"
        }
    }

    // MARK: Quality

    /// The newest eval run of teacher, base student and student, compared item by item.
    func qualityFigures(roles: WeeklyReport.Roles) throws -> WeeklyReport.Quality {
        let query = EvaluationQuery(database: database)
        let runs = try query.runs()
        let scores = Dictionary(grouping: try query.itemScores(), by: \.runID)
        func items(_ run: EvalRunSummary) -> [String: (score: Double?, passed: Bool?)] {
            Dictionary((scores[run.id] ?? []).map { ($0.itemID, ($0.score, $0.passed)) }) { first, _ in first }
        }
        let figures = runs.map { run in
            let itemScores = scores[run.id] ?? []
            let passes = itemScores.compactMap(\.passed)
            return WeeklyReport.EvalRunFigures(
                run: run.id, model: run.model, role: role(of: run.model, roles), items: run.items,
                score: MeanInterval.of(itemScores.compactMap(\.score)),
                passRate: passes.isEmpty ? nil : Double(passes.filter { $0 }.count) / Double(passes.count))
        }
        let newest = { (model: String) in runs.last { $0.model == model } }
        var comparisons: [PairedComparison] = []
        if let teacherRun = newest(roles.teacher) {
            for candidate in [roles.student, roles.baseStudent].compactMap({ $0 }) {
                guard let run = newest(candidate) else { continue }
                comparisons.append(PairedComparison.compare(
                    candidate: (candidate, items(run)), reference: (roles.teacher, items(teacherRun)),
                    marginPoints: options.marginPoints))
            }
        }
        return WeeklyReport.Quality(marginPoints: options.marginPoints, comparisons: comparisons, runs: figures)
    }

    // MARK: Breakdowns and series

    /// `students`: every student of the program, whose requests the breakdowns count as student requests.
    func tagBreakdowns(students: Set<String>) throws -> [WeeklyReport.TagBreakdown] {
        let usage = UsageQuery(database: database)
        var breakdowns: [WeeklyReport.TagBreakdown] = []
        for key in [options.useCaseKey] + options.breakdownKeys.filter({ $0 != options.useCaseKey }) {
            let rows = try priced(usage.usage(in: range, filters: options.filters, groupByTag: key))
            breakdowns.append(WeeklyReport.TagBreakdown(key: key, rows: breakdownRows(rows, students: students) { $0.tagValue }))
        }
        let all = try priced(usage.usage(in: range, filters: options.filters))
        breakdowns.append(WeeklyReport.TagBreakdown(key: "project", rows: breakdownRows(all, students: students) {
            $0.project.isEmpty ? nil : $0.project
        }))
        return breakdowns
    }

    private func breakdownRows(
        _ rows: [PricedUsage], students: Set<String>, value: (UsageRow) -> String?
    ) -> [WeeklyReport.TagRow] {
        Dictionary(grouping: rows) { value($0.row) ?? "(none)" }.map { name, rows in
            let totals = PricedTotals(rows)
            return WeeklyReport.TagRow(
                value: name, requests: totals.requests,
                studentRequests: rows.filter { students.contains($0.row.model) }.reduce(0) { $0 + $1.row.requests },
                cost: totals.pricedCost, unpricedRequests: totals.unpricedRequests)
        }.sorted { ($0.cost, $1.value) > ($1.cost, $0.value) }
    }

    func dailyFigures(_ rows: [PricedUsage]) throws -> [WeeklyReport.DailyFigures] {
        let latency = LatencyQuery(database: database)
        let models = Set(rows.map(\.row.model)).sorted()
        var figures: [WeeklyReport.DailyFigures] = []
        for day in range.days {
            for model in models {
                let totals = PricedTotals(rows.filter { $0.row.day == day && $0.row.model == model })
                figures.append(WeeklyReport.DailyFigures(
                    day: day, model: model, requests: totals.requests, cost: totals.cost,
                    latency: try latency.summary(
                        model: model, in: DayRange(start: day, end: day.adding(days: 1)), filters: options.filters)))
            }
        }
        return figures
    }

    // MARK: Sources

    func sources(_ rows: [PricedUsage], notes: [String]) throws -> WeeklyReport.Sources {
        let origins = Dictionary(grouping: rows) { "\($0.row.model)\u{0}\($0.row.origin.rawValue)" }.map { _, rows in
            WeeklyReport.OriginCount(
                model: rows[0].row.model, origin: rows[0].row.origin.rawValue, days: Set(rows.map(\.row.day)).count,
                requests: rows.reduce(0) { $0 + $1.row.requests })
        }.sorted { ($0.model, $0.origin) < ($1.model, $1.origin) }
        var notes = notes
        for (model, requests) in try ZeroTokenCallsQuery(database: database).counts(in: range) {
            notes.append(
                "\(requests) \(model) \(requests == 1 ? "call has" : "calls have") 0 input and 0 output tokens: "
                    + "the source lost their usage, so their cost is missing, not zero.")
        }
        return WeeklyReport.Sources(
            perDayOrigins: origins, unpriced: PricedUsage.unpricedModels(rows), pricesUsed: PricedUsage.pricesUsed(rows),
            reconciliation: try reconciliation(rows), reportedCost: ReportedCostLine.lines(rows),
            notes: notes + ReportedCostLine.audioNotes(rows))
    }

    /// Computed cost beside the Costs API's billed cost, per day; billed cost is never added in.
    private func reconciliation(_ rows: [PricedUsage]) throws -> [WeeklyReport.ReconciliationLine] {
        let billed = try BilledCostQuery(database: database).lines(in: range)
        var billedByDay: [UTCDate: Money] = [:]
        for line in billed {
            guard let amount = Money(statedAmountText: line.amount) else { continue }
            billedByDay[line.day, default: .zero] += amount
        }
        return range.days.map { day in
            let computed = PricedTotals(rows.filter { $0.row.day == day }).pricedCost
            let billedAmount = billedByDay[day]
            return WeeklyReport.ReconciliationLine(
                day: day, computed: computed, billed: billedAmount, difference: billedAmount.map { $0 - computed })
        }
    }
}
