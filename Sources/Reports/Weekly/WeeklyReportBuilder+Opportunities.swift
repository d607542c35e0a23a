import Analytics
import CostModel
import DistillCore
import Pricing
import Store

extension WeeklyReportBuilder {
    /// Requests tagged with this pair are offline work that could wait for the Batch API.
    static let batchEligibleTag = TagFilter(key: "batch_eligible", value: "true")
    /// OpenAI caches prompts of at least 1,024 tokens; shorter prompts are never cached.
    static let cacheMinimumInputTokens: Int64 = 1_024
    /// The training set a distil opportunity assumes: examples of the use case's mean request,
    /// trained for the cookbook's default epochs.
    static let assumedTrainingExamples: Int64 = 1_000
    static let assumedEpochs: Int64 = 3

    /// Every opportunity of the period, largest monthly saving first, unpriced ones last. One that
    /// saves less than a cent a month is noise beside the rest and is left out.
    /// `teachers` and `students`: every teacher and student of the program (a student's use cases
    /// are served already).
    func opportunities(teachers: Set<String>, students: Set<String>) throws -> [WeeklyReport.Opportunity] {
        let found = try distilOpportunities(teachers: teachers, students: students) + batchOpportunities() + cachingOpportunities()
        return found.filter { $0.monthlySavings.map { $0.rounded(places: 2) > .zero } ?? true }.sorted {
            ($0.monthlySavings ?? Money(femtoUnits: -1), $1.kind.rawValue, $1.model, $1.useCase ?? "")
                > ($1.monthlySavings ?? Money(femtoUnits: -1), $0.kind.rawValue, $0.model, $0.useCase ?? "")
        }
    }

    /// The period's amount scaled to a month of `Estimate.daysPerMonth` days.
    private func monthly(_ amount: Money) -> Money? {
        amount.multipliedRounding(by: Estimate.daysPerMonth, over: Int64(max(range.dayCount, 1)))
    }

    private func perRequest(_ tokens: Int64, _ requests: Int64) -> Int64 { requests > 0 ? tokens / requests : 0 }

    // MARK: Use cases the teacher serves alone

    /// The teacher's traffic per use case where the student has none (every use case in a
    /// baseline report), priced at the candidate student whose training pays back soonest.
    private func distilOpportunities(teachers: Set<String>, students: Set<String>) throws -> [WeeklyReport.Opportunity] {
        let rows = try priced(UsageQuery(database: database).usage(
            in: range, filters: options.filters, excluding: options.oneTimeTags, groupByTag: options.useCaseKey))
        let served = Set(rows.filter { students.contains($0.row.model) }.compactMap(\.row.tagValue))
        let teacherRows = rows.filter { teachers.contains($0.row.model) && !($0.row.tagValue ?? "").isEmpty }
        let evalNames = try EvaluationQuery(database: database).runs().map { $0.evalName.lowercased() }
        // One opportunity per use case: where two teachers serve it, priced at the busier one's.
        return try Dictionary(grouping: teacherRows) { $0.row.tagValue ?? "" }
            .filter { !served.contains($0.key) }
            .map { useCase, rows in
                let covered = evalNames.contains { $0.contains(useCase.lowercased()) }
                return try distil(
                    useCase: useCase, totals: PricedTotals(rows), teacher: Self.busiest(rows.map(\.row)) ?? rows[0].row.model,
                    quality: covered ? "an evaluation run is named for it" : "no quality data: no evaluation run is named for it")
            }
    }

    private func distil(
        useCase: String, totals: PricedTotals, teacher: String, quality: String
    ) throws -> WeeklyReport.Opportunity {
        let input = perRequest(totals.tokens.input, totals.succeeded)
        let output = perRequest(totals.tokens.output, totals.succeeded)
        let tag = "\(options.useCaseKey)=\(useCase)"
        var opportunity = WeeklyReport.Opportunity(
            kind: .distil, model: teacher, useCase: useCase, requests: totals.requests, spend: totals.cost,
            inputTokensPerRequest: input, outputTokensPerRequest: output, monthlySavings: nil, isUpperBound: false,
            candidate: nil, oneTimeCost: nil, paybackDays: nil, quality: quality,
            finding: "", assumptions: [
                "The student answers with the teacher's measured tokens per request.",
                "Training: \(DisplayFormat.count(Self.assumedTrainingExamples)) examples of the mean request, "
                    + "\(Self.assumedEpochs) epochs (\(EstimateInputs.defaultHoursPerEpoch) hour per epoch where training is billed by the hour); evaluation not included.",
            ],
            command: "distill-roi estimate --db DB --teacher \(teacher) --training-file TRAIN.jsonl --volume-from-db --tag \(tag)")
        guard let teacherCost = totals.cost else {
            opportunity.finding = "The teacher's traffic is unpriced (\(totals.unpricedReason ?? "no price")): no saving can be computed."
            return opportunity
        }
        let trainingTokens = (input + output) * Self.assumedTrainingExamples * Self.assumedEpochs
        var best: (model: String, monthly: Money, oneTime: Money)?
        for model in studentCandidateModels(teacher: teacher) {
            guard case .success(let pricing) = catalog.candidatePricing(of: model, on: range.end),
                pricing.shutdown.map({ $0 > range.end }) ?? true
            else { continue }
            if case .unavailable = catalog.trainingAvailability(model: model, on: range.end) { continue }
            var serving = try cost(of: totals.tokens, at: pricing.price.rates)
            if let hourly = pricing.deploymentPerHour {
                serving += Money(decimalQuantity: ExactDecimal(24 * Int64(range.dayCount)), price: hourly)
            }
            let training: Money
            switch pricing.training.price {
            case .perMillionTokens: training = try pricing.training.price.cost(of: .tokens(trainingTokens))
            case .perHour:
                training = try pricing.training.price.cost(
                    of: .hours(ExactDecimal(EstimateInputs.defaultHoursPerEpoch * Self.assumedEpochs)))
            }
            guard let saving = monthly(teacherCost - serving), saving > .zero else { continue }
            // The best candidate pays its training back first; at equal payback, the larger saving.
            let payback = Self.ceilingDays(training, perMonth: saving) ?? .max
            let isBetter = best.map { current in
                let currentPayback = Self.ceilingDays(current.oneTime, perMonth: current.monthly) ?? .max
                return (payback, -saving, model) < (currentPayback, -current.monthly, current.model)
            }
            if isBetter ?? true {
                best = (model, saving, training)
            }
        }
        guard let best else {
            opportunity.finding = "No candidate student in the catalog serves this traffic for less than the teacher."
            return opportunity
        }
        opportunity.candidate = best.model
        opportunity.monthlySavings = best.monthly
        opportunity.oneTimeCost = best.oneTime
        opportunity.paybackDays = Self.ceilingDays(best.oneTime, perMonth: best.monthly)
        opportunity.command = "distill-roi estimate --db DB --teacher \(teacher) --student \(best.model) "
            + "--training-file TRAIN.jsonl --volume-from-db --tag \(tag)"
        opportunity.finding = "\(teacher) serves \(DisplayFormat.count(totals.requests)) requests of \(tag) alone "
            + "(\(DisplayFormat.money(teacherCost)) this period); \(best.model) would save \(DisplayFormat.money(best.monthly)) a month "
            + "after \(DisplayFormat.money(best.oneTime)) of training."
        return opportunity
    }

    /// Catalog entries that can be fine-tuned, in USD (the report's currency), other than the teacher's.
    private func studentCandidateModels(teacher: String) -> [String] {
        let teacherEntry = catalog.family(of: teacher)?.id
        return catalog.models.filter { !$0.training.isEmpty && $0.id != teacherEntry && $0.currency == "USD" }.map(\.id)
    }

    /// Days for `perMonth` to recover `amount`, rounded up.
    static func ceilingDays(_ amount: Money, perMonth: Money) -> Int64? {
        guard perMonth > .zero else { return nil }
        let scaled = amount.femtoUnits * Int128(Estimate.daysPerMonth)
        return Int64((scaled + perMonth.femtoUnits - 1) / perMonth.femtoUnits)
    }

    // MARK: Batch

    /// Interactive requests that are offline work: tagged `batch_eligible=true`, or of a use case
    /// that already sends part of its traffic through the Batch API. Each is priced again at the
    /// catalog's batch tier on its own day.
    private func batchOpportunities() throws -> [WeeklyReport.Opportunity] {
        let usage = UsageQuery(database: database)
        let tagged = try usage.usage(
            in: range, filters: options.filters + [Self.batchEligibleTag], excluding: options.oneTimeTags,
            groupByTag: options.useCaseKey)
        let rest = try usage.usage(
            in: range, filters: options.filters, excluding: options.oneTimeTags + [Self.batchEligibleTag],
            groupByTag: options.useCaseKey)
        let batchUseCases = Set((tagged + rest).filter(\.isBatch).compactMap(\.tagValue).filter { !$0.isEmpty })
        let interactive = tagged.filter { !$0.isBatch }
            + rest.filter { !$0.isBatch && batchUseCases.contains($0.tagValue ?? "") }
        return try Dictionary(grouping: try priced(interactive)) { "\($0.row.model)\u{0}\($0.row.tagValue ?? "")" }
            .compactMap { _, rows in try batch(rows, batchUseCases: batchUseCases) }
    }

    private func batch(
        _ rows: [PricedUsage], batchUseCases: Set<String>
    ) throws -> WeeklyReport.Opportunity? {
        let totals = PricedTotals(rows)
        var saving = Money.zero
        var noBatchPrice = 0
        for row in rows {
            guard let cost = row.cost else { continue }
            let size = row.row.inputBand > 0 ? row.row.inputBand : 0
            guard case .priced(let price) = catalog.resolve(model: row.row.model, at: row.row.day.unixSeconds, tier: .batch),
                let rates = price.rates(forInputTokens: size)
            else {
                noBatchPrice += 1
                continue
            }
            saving += cost - (try CostModel.cost(of: row.usage, at: rates))
        }
        guard saving > .zero, let monthlySaving = monthly(saving) else { return nil }
        let model = rows[0].row.model
        let useCase = rows[0].row.tagValue.flatMap { $0.isEmpty ? nil : $0 }
        let input = perRequest(totals.tokens.input, totals.succeeded)
        let output = perRequest(totals.tokens.output, totals.succeeded)
        let reason = useCase.map { batchUseCases.contains($0) } == true
            ? "\(options.useCaseKey)=\(useCase ?? "") already sends part of its traffic through the Batch API"
            : "its requests are tagged \(Self.batchEligibleTag)"
        var assumptions = ["Batch answers arrive within 24 hours; only offline work can wait for them."]
        if noBatchPrice > 0 {
            assumptions.append("Days or tiers without a batch price in the catalog are left out of the saving.")
        }
        if totals.unpricedRequests > 0 {
            assumptions.append("\(DisplayFormat.count(totals.unpricedRequests)) unpriced request(s) are left out of the saving.")
        }
        return WeeklyReport.Opportunity(
            kind: .batch, model: model, useCase: useCase, requests: totals.requests, spend: totals.cost,
            inputTokensPerRequest: input, outputTokensPerRequest: output, monthlySavings: monthlySaving, isUpperBound: false,
            candidate: nil, oneTimeCost: nil, paybackDays: nil, quality: nil,
            finding: "\(DisplayFormat.count(totals.requests)) interactive requests of \(model) could run as batch jobs (\(reason)): "
                + "\(DisplayFormat.precise(saving)) less this period at the batch rates.",
            assumptions: assumptions,
            command: "distill-roi pricing quote --model \(model) --tier batch --input \(input) --output \(output)")
    }

    // MARK: Prompt caching

    /// Per model: the share of input served from the cache, and the uncached input of prompts at
    /// or above the cache minimum priced at the cached rate instead: a ceiling, since only a
    /// repeated prefix is ever cached.
    private func cachingOpportunities() throws -> [WeeklyReport.Opportunity] {
        let all = try UsageQuery(database: database).usage(in: range, filters: options.filters)
        let inputByModel = Dictionary(grouping: all, by: \.model).mapValues { $0.map(\.tokens).sum() }
        let rows = try CacheableInputQuery(database: database).rows(
            in: range, minimumInput: Self.cacheMinimumInputTokens, filters: options.filters)
        var byModel: [String: (requests: Int64, uncached: Int64, saving: Money)] = [:]
        for row in rows where row.uncachedInput > 0 {
            guard let tier = ServiceTier(apiValue: row.serviceTier, viaBatchAPI: row.isBatch),
                case .priced(let price) = catalog.resolve(model: row.model, at: row.day.unixSeconds, tier: tier),
                let cached = price.rates.cachedInput, cached < price.rates.input
            else { continue }
            let saving = Money(quantity: row.uncachedInput, price: price.rates.input) - Money(quantity: row.uncachedInput, price: cached)
            byModel[row.model, default: (0, 0, .zero)].requests += row.requests
            byModel[row.model, default: (0, 0, .zero)].uncached += row.uncachedInput
            byModel[row.model, default: (0, 0, .zero)].saving += saving
        }
        return byModel.compactMap { model, figures in
            guard let monthlySaving = monthly(figures.saving), monthlySaving > .zero else { return nil }
            let tokens = inputByModel[model] ?? .zero
            let share = tokens.input > 0 ? Double(tokens.cachedInput) / Double(tokens.input) : nil
            let uncachedPerRequest = perRequest(figures.uncached, figures.requests)
            return WeeklyReport.Opportunity(
                kind: .caching, model: model, useCase: nil, requests: figures.requests, spend: nil,
                inputTokensPerRequest: uncachedPerRequest, outputTokensPerRequest: 0, monthlySavings: monthlySaving,
                isUpperBound: true, candidate: nil, oneTimeCost: nil, paybackDays: nil, quality: nil,
                finding: "\(model) served \(DisplayFormat.percent(share)) of its input from the cache; "
                    + "\(DisplayFormat.count(figures.uncached)) uncached input tokens in \(DisplayFormat.count(figures.requests)) prompt(s) of at least "
                    + "\(DisplayFormat.count(Self.cacheMinimumInputTokens)) tokens would cost at most \(DisplayFormat.precise(figures.saving)) less this period at the cached rate.",
                assumptions: [
                    "An upper bound: only a prefix repeated within the cache's lifetime is served from the cache.",
                    "Prompts under \(DisplayFormat.count(Self.cacheMinimumInputTokens)) tokens (OpenAI's minimum) are never cached; usage buckets, which hide prompt sizes, are left out.",
                ],
                command: "distill-roi pricing quote --model \(model) --input \(uncachedPerRequest) --cached \(uncachedPerRequest) --output 0")
        }
    }
}
