import Analytics
import CostModel
import DistillCore
import Pricing
import Statistics
import Store

/// What the store can tell an estimate: the teacher's recent traffic, student/teacher token
/// ratios measured where both answered the same evaluation items, what was already spent on
/// teacher data generation and evaluation, and the quality gate per candidate.
package struct EstimateStoreFigures {
    let database: Database
    let catalog: PriceCatalog
    let filters: [TagFilter]
    let distillationTag: TagFilter
    let evaluationTag: TagFilter

    package static let trafficWindowDays = 28

    package init(
        database: Database, catalog: PriceCatalog, filters: [TagFilter] = [],
        distillationTag: TagFilter = TagFilter(key: "purpose", value: "distillation"),
        evaluationTag: TagFilter = TagFilter(key: "purpose", value: "evaluation")
    ) {
        self.database = database
        self.catalog = catalog
        self.filters = filters
        self.distillationTag = distillationTag
        self.evaluationTag = evaluationTag
    }

    /// True when `stored` names the same model as `name`: the same string, or the same catalog
    /// entry (a dated snapshot and its alias). Fine-tunes never match their base.
    func sameModel(_ stored: String, _ name: String) -> Bool {
        if stored == name { return true }
        guard PriceCatalog.fineTunedBase(of: stored) == nil, PriceCatalog.fineTunedBase(of: name) == nil,
            let left = catalog.family(of: stored), let right = catalog.family(of: name)
        else { return false }
        return left.id == right.id
    }

    /// True when `stored` is a fine-tune of `candidate` (or is the candidate itself).
    func isFineTune(_ stored: String, of candidate: String) -> Bool {
        if stored == candidate { return true }
        guard let base = PriceCatalog.fineTunedBase(of: stored) else { return false }
        let candidateBase = PriceCatalog.fineTunedBase(of: candidate) ?? candidate
        return sameModel(base, candidateBase)
    }

    /// The teacher's last 28 days of traffic (ending on the store's last day with usage), one-time
    /// traffic excluded: successful requests per day and tokens per request, with its cached share.
    /// nil when the teacher has no traffic there.
    package func traffic(teacher: String) throws -> EstimateInputs.Traffic? {
        guard let span = try UsageQuery(database: database).span() else { return nil }
        let range = DayRange(start: span.end.adding(days: -Self.trafficWindowDays), end: span.end)
        let rows = try UsageQuery(database: database).usage(
            in: range, filters: filters, excluding: [distillationTag, evaluationTag]
        ).filter { sameModel($0.model, teacher) }
        let succeeded = rows.reduce(Int64(0)) { $0 + $1.requests - $1.failed }
        guard succeeded > 0 else { return nil }
        let input = rows.reduce(Int64(0)) { $0 + $1.tokens.input }
        let cached = rows.reduce(Int64(0)) { $0 + $1.tokens.cachedInput }
        let output = rows.reduce(Int64(0)) { $0 + $1.tokens.output }
        func perRequest(_ total: Int64) -> Int64 { Int64(ExactMath.roundHalfUp(Int128(total), Int128(succeeded))) }
        let tagText = filters.isEmpty ? "" : " tagged \(filters.map(\.description).joined(separator: ", "))"
        let share = input > 0 ? DisplayFormat.percent(Double(cached) / Double(input)) : "0%"
        return EstimateInputs.Traffic(
            dailyRequests: Int64(ExactMath.roundHalfUp(Int128(succeeded), Int128(Self.trafficWindowDays))),
            inputTokens: perRequest(input), cachedInputTokens: perRequest(cached), outputTokens: perRequest(output),
            source: "measured: \(teacher)'s \(DisplayFormat.count(succeeded)) successful requests\(tagText) from \(range.start) to "
                + "\(range.end.adding(days: -1)) ÷ \(Self.trafficWindowDays) days; \(share) of input tokens cached",
            measured: true)
    }

    /// Student ÷ teacher tokens per request where both answered the same evaluation items: from
    /// eval-run usage when recorded, else from requests tagged as evaluation calls. The student is
    /// a fine-tune of a candidate when one was evaluated, else any fine-tuned model. Ratios are
    /// rounded half up to four decimals. nil when no such pair exists.
    package func ratios(teacher: String, candidates: [String]) throws -> EstimateInputs.StudentRatios? {
        func isStudent(_ model: String) -> Bool { PriceCatalog.fineTunedBase(of: model) != nil && !sameModel(model, teacher) }
        func preferred(_ models: [String]) -> String? {
            models.first { model in candidates.contains { isFineTune(model, of: $0) } } ?? models.first
        }
        // Eval-run usage: the newest run of each side with invocations.
        let runs = try EvaluationQuery(database: database).runs()
        var perModel: [String: (input: Int64, output: Int64, count: Int64)] = [:]
        for run in runs {
            for usage in run.usage where usage.invocationCount > 0 {
                perModel[usage.model] = (usage.inputTokens, usage.outputTokens, usage.invocationCount)
            }
        }
        if let teacherName = perModel.keys.sorted().first(where: { sameModel($0, teacher) }),
            let student = preferred(perModel.keys.sorted().filter(isStudent)),
            let teacherFigures = perModel[teacherName], let studentFigures = perModel[student]
        {
            return ratios(
                student: studentFigures, teacher: teacherFigures,
                source: "measured from eval-run usage: \(student) (\(studentFigures.count) calls) against \(teacherName) (\(teacherFigures.count) calls)")
        }
        // Evaluation calls stored as requests.
        let all = DayRange(start: UTCDate(daysSinceEpoch: 0), end: UTCDate(daysSinceEpoch: 1_000_000))
        let rows = try UsageQuery(database: database).usage(in: all, filters: filters + [evaluationTag])
        var byModel: [String: (input: Int64, output: Int64, count: Int64)] = [:]
        for row in rows {
            var figures = byModel[row.model] ?? (0, 0, 0)
            figures.input += row.tokens.input
            figures.output += row.tokens.output
            figures.count += row.requests - row.failed
            byModel[row.model] = figures
        }
        guard let teacherName = byModel.keys.sorted().first(where: { sameModel($0, teacher) }),
            let student = preferred(byModel.keys.sorted().filter(isStudent)),
            let teacherFigures = byModel[teacherName], let studentFigures = byModel[student],
            teacherFigures.count > 0, studentFigures.count > 0
        else { return nil }
        return ratios(
            student: studentFigures, teacher: teacherFigures,
            source: "measured from evaluation calls (\(evaluationTag)) on the same items: \(student) (\(studentFigures.count) requests) against \(teacherName) (\(teacherFigures.count) requests)")
    }

    private func ratios(
        student: (input: Int64, output: Int64, count: Int64), teacher: (input: Int64, output: Int64, count: Int64), source: String
    ) -> EstimateInputs.StudentRatios? {
        guard teacher.input > 0, teacher.output > 0, teacher.count > 0, student.count > 0 else { return nil }
        // (s / sn) / (t / tn) = s × tn / (sn × t), to four decimals, as 10⁻⁹ units.
        func ratio(_ studentTokens: Int64, _ teacherTokens: Int64) -> ExactDecimal {
            let tenThousandths = ExactMath.roundHalfUp(
                Int128(studentTokens) * Int128(teacher.count) * 10_000, Int128(student.count) * Int128(teacherTokens))
            return ExactDecimal(units: tenThousandths * 100_000)
        }
        return EstimateInputs.StudentRatios(
            input: ratio(student.input, teacher.input), output: ratio(student.output, teacher.output), source: source, measured: true)
    }

    /// Teacher requests tagged for distillation (the training data already generated) and
    /// evaluation calls plus eval-run usage, each priced at its own day's price. nil where the
    /// store holds none.
    package func oneTimeCosts(teacher: String) throws -> EstimateInputs.StoreOneTimeCosts {
        let all = DayRange(start: UTCDate(daysSinceEpoch: 0), end: UTCDate(daysSinceEpoch: 1_000_000))
        let usage = UsageQuery(database: database)
        let generation = try PricedUsage.price(usage.usage(in: all, filters: filters + [distillationTag]), with: catalog)
            .filter { sameModel($0.row.model, teacher) }
        let generationTotals = PricedTotals(generation)
        let evaluationRows = try PricedUsage.price(usage.usage(in: all, filters: filters + [evaluationTag]), with: catalog)
        let evaluationTotals = PricedTotals(evaluationRows)
        var evaluation = evaluationTotals.pricedCost
        var evaluationCalls = evaluationTotals.requests
        var unpricedRuns: [String] = []
        for run in try EvaluationQuery(database: database).runs() {
            for spent in run.usage {
                let tokens = TokenUsage(input: spent.inputTokens, cachedInput: spent.cachedInputTokens, output: spent.outputTokens)
                if let price = catalog.resolve(model: spent.model, at: run.createdAt, tier: .default).price {
                    evaluation += try cost(of: tokens, at: price.rates)
                    evaluationCalls += spent.invocationCount
                } else {
                    unpricedRuns.append("\(run.id) (\(spent.model))")
                }
            }
        }
        var result = EstimateInputs.StoreOneTimeCosts()
        if generationTotals.requests > 0 {
            result.dataGeneration = generationTotals.pricedCost
            result.dataGenerationBasis = "\(DisplayFormat.count(generationTotals.requests)) \(teacher) requests tagged \(distillationTag) in the store"
                + (generationTotals.unpricedRequests > 0 ? "; \(generationTotals.unpricedRequests) unpriced requests left out" : "")
        } else {
            result.dataGenerationBasis = "the store holds no \(teacher) requests tagged \(distillationTag)"
        }
        if evaluationCalls > 0 || !unpricedRuns.isEmpty {
            result.evaluation = evaluation
            result.evaluationBasis = "\(DisplayFormat.count(evaluationCalls)) evaluation calls in the store (requests tagged \(evaluationTag) and eval-run usage)"
                + (unpricedRuns.isEmpty ? "" : "; unpriced runs left out: \(unpricedRuns.joined(separator: ", "))")
                + (evaluationTotals.unpricedRequests > 0 ? "; \(evaluationTotals.unpricedRequests) unpriced requests left out" : "")
        } else {
            result.evaluationBasis = "the store holds no evaluation calls or eval-run usage"
        }
        return result
    }

    /// Per candidate, the newest eval run of a fine-tune of it (or of the candidate itself when it
    /// is what serves) compared item by item with the newest run of the teacher. Candidates
    /// without one are absent.
    package func quality(teacher: String, candidates: [String], marginPoints: Double) throws -> [String: PairedComparison] {
        let query = EvaluationQuery(database: database)
        let runs = try query.runs()
        let scores = Dictionary(grouping: try query.itemScores(), by: \.runID)
        func items(_ run: EvalRunSummary) -> [String: (score: Double?, passed: Bool?)] {
            Dictionary((scores[run.id] ?? []).map { ($0.itemID, ($0.score, $0.passed)) }) { first, _ in first }
        }
        guard let teacherRun = runs.last(where: { sameModel($0.model, teacher) }) else { return [:] }
        var result: [String: PairedComparison] = [:]
        for candidate in candidates {
            // A candidate served under its own name (an open-weight student: no fine-tuned rates)
            // is the student itself, so its own run counts; a base with fine-tuned rates is not.
            let servedAsNamed = PriceCatalog.fineTunedBase(of: candidate) != nil || catalog.family(of: candidate)?.fineTuned == nil
            guard
                let run = runs.last(where: { PriceCatalog.fineTunedBase(of: $0.model) != nil && isFineTune($0.model, of: candidate) })
                    ?? runs.last(where: { $0.model == candidate && servedAsNamed })
            else { continue }
            result[candidate] = PairedComparison.compare(
                candidate: (run.model, items(run)), reference: (teacherRun.model, items(teacherRun)), marginPoints: marginPoints)
        }
        return result
    }
}
