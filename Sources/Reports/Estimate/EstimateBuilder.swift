import Analytics
import CostModel
import DistillCore
import Pricing

/// Builds an `Estimate` from its inputs and the price catalog. Pure: no store, no files. Every
/// break-even and ROI figure comes from CostModel (`BreakEven`, `breakEvenSensitivity`), so the
/// estimate and the weekly report use the same arithmetic.
package struct EstimateBuilder {
    let catalog: PriceCatalog
    let inputs: EstimateInputs

    package init(catalog: PriceCatalog, inputs: EstimateInputs) {
        self.catalog = catalog
        self.inputs = inputs
    }

    /// Spreads for the low and high cases: ±25% for figures given on the command line or
    /// defaulted, ±10% for figures measured from the store.
    static let statedSpread: Int64 = 25
    static let measuredSpread: Int64 = 10

    package func build() throws -> Estimate {
        guard inputs.traffic.dailyRequests > 0 else {
            throw ReportError.noDailyVolume
        }
        guard !inputs.candidates.isEmpty else { throw ReportError.noCandidates }
        guard !inputs.trainingFiles.isEmpty else { throw ReportError.noTrainingFigures }
        let teacher = try teacherFigures()
        let spreads = Estimate.Spreads(
            tokensPerRequest: inputs.traffic.measured ? Self.measuredSpread : Self.statedSpread,
            ratios: inputs.ratios.measured ? Self.measuredSpread : Self.statedSpread,
            volume: inputs.traffic.measured ? Self.measuredSpread : Self.statedSpread,
            basis: "±\(Self.statedSpread)% for figures given or defaulted, ±\(Self.measuredSpread)% for figures measured from the store; "
                + "low = fewer teacher tokens, higher student ratios, less volume; high = the reverse")
        let candidates = try inputs.candidates.map { try candidate($0, teacher: teacher, spreads: spreads) }
        let approximate = inputs.trainingFiles.contains { $0.isApproximate }
        var notes = inputs.notes
        if approximate {
            notes.insert(
                "Token counts are APPROXIMATE (--approximate-tokens): bytes ÷ 4, not the model's tokenizer. Training costs may be far off; run `make tokenizer-data` for exact counts.",
                at: 0)
        }
        if inputs.oneTime.dataGeneration == nil {
            notes.append("Teacher data-generation cost is 0: \(inputs.oneTime.dataGenerationBasis).")
        }
        if inputs.oneTime.evaluation == nil {
            notes.append("Evaluation cost is 0: \(inputs.oneTime.evaluationBasis).")
        }
        let longest = inputs.horizonDays.max() ?? 365
        if let shutdown = teacher.shutdown, shutdown < inputs.goLive.adding(days: Int(longest)) {
            notes.append(
                "The teacher \(teacher.model) shuts down on \(shutdown), within the longest horizon: savings after that date are measured against a teacher that no longer serves; compare with its successor's prices.")
        }
        notes.append(
            "Student requests are assumed to get no prompt-cache discount (a short fine-tuned prompt rarely reaches the 1,024-token cache minimum); the teacher keeps its measured cached share.")
        return Estimate(
            title: "Fine-tuning estimate: \(inputs.teacher) → "
                + (inputs.candidates.count > 2 ? "\(inputs.candidates.count) candidate students" : inputs.candidates.map(\.model).joined(separator: ", "))
                + (approximate ? " (approximate token counts)" : ""),
            currency: "USD", goLive: inputs.goLive, teacher: teacher, trainingFiles: inputs.trainingFiles,
            validationFile: inputs.validationFile, approximateTokens: approximate, epochs: inputs.epochs,
            epochsBasis: inputs.epochsBasis, traffic: inputs.traffic, ratios: inputs.ratios, spreads: spreads,
            oneTimeBasis: inputs.oneTime, horizonDays: inputs.horizonDays, marginPoints: inputs.marginPoints,
            candidates: candidates, recommendation: recommend(candidates), notes: notes)
    }

    // MARK: Teacher

    func teacherFigures() throws -> Estimate.Teacher {
        let usage = TokenUsage(
            input: inputs.traffic.inputTokens, cachedInput: inputs.traffic.cachedInputTokens,
            output: inputs.traffic.outputTokens)
        switch catalog.resolve(model: inputs.teacher, at: inputs.goLive.unixSeconds, tier: .default) {
        case .unpriced(let reason):
            throw ReportError.teacherUnpriced(reason: reason)
        case .priced(let price):
            return Estimate.Teacher(
                model: inputs.teacher, pricedAs: price.model + (price.isFineTuned ? " (fine-tuned rates)" : ""),
                rates: price.rates, priceLocation: price.location.description, period: price.period.description,
                usage: usage, costPerRequest: try cost(of: usage, at: price.rates),
                shutdown: catalog.shutdownDate(model: inputs.teacher))
        }
    }

    // MARK: Candidates

    func candidate(_ input: EstimateInputs.CandidateInput, teacher: Estimate.Teacher, spreads: Estimate.Spreads) throws -> Estimate.Candidate {
        let file = inputs.trainingFiles[min(max(input.trainingFile, 0), inputs.trainingFiles.count - 1)]
        var result = Estimate.Candidate(
            model: input.model, pricedAs: "unpriced", counting: file.counting, projection: nil, unpricedReason: nil,
            unavailableReason: nil, quality: inputs.quality[input.model], notes: [])
        let pricing: StudentCandidatePricing
        switch catalog.candidatePricing(of: input.model, on: inputs.goLive) {
        case .failure(let failure):
            result.unpricedReason = failure.reason
            result.notes = input.notes
            return result
        case .success(let value):
            pricing = value
        }
        result.pricedAs = pricing.pricedAs
        if let reason = unavailability(of: input.model, shutdown: pricing.shutdown) {
            result.unavailableReason = reason
            result.notes = input.notes
            return result
        }
        if case .restricted(let restrictions) = catalog.trainingAvailability(model: input.model, on: inputs.goLive) {
            result.notes.append(
                "Not every organization can still start this fine-tuning job: " + restrictions.joined(separator: "; ")
                    + ". Check that yours can before counting on it.")
        }
        let training = try trainingFigures(pricing.training, file: file)
        let oneTime = OneTimeCost(
            training: training.cost, teacherDataGeneration: inputs.oneTime.dataGeneration ?? .zero,
            evaluation: inputs.oneTime.evaluation ?? .zero)
        let deploymentPerDay = pricing.deploymentPerHour.map { Money(decimalQuantity: ExactDecimal(24), price: $0) }
        let context = ScenarioContext(
            teacherRates: teacher.rates, studentRates: pricing.price.rates, deploymentPerDay: deploymentPerDay,
            oneTime: oneTime, goLive: inputs.goLive, shutdown: pricing.shutdown,
            longestHorizon: inputs.horizonDays.max() ?? 365)
        let traffic = inputs.traffic
        let ratios = inputs.ratios
        let expected = try context.scenario(
            "expected", volume: traffic.dailyRequests, input: traffic.inputTokens, cached: traffic.cachedInputTokens,
            output: traffic.outputTokens, inputRatio: ratios.input, outputRatio: ratios.output)
        func varied(_ name: String, sign: Int64) throws -> Estimate.Scenario {
            let tokens = 100 + sign * spreads.tokensPerRequest
            let ratio = 100 - sign * spreads.ratios
            let volume = 100 + sign * spreads.volume
            return try context.scenario(
                name, volume: max(1, Self.scaled(traffic.dailyRequests, percent: volume)),
                input: Self.scaled(traffic.inputTokens, percent: tokens), cached: Self.scaled(traffic.cachedInputTokens, percent: tokens),
                output: Self.scaled(traffic.outputTokens, percent: tokens),
                inputRatio: Self.scaled(ratios.input, percent: ratio), outputRatio: Self.scaled(ratios.output, percent: ratio))
        }
        let breakEven = BreakEven(savingsPerRequest: expected.savingsPerRequest, oneTimeCost: oneTime)
        let roi = inputs.horizonDays.map { days in
            let end = inputs.goLive.adding(days: Int(days))
            return Estimate.ROIFigure(
                horizonDays: days,
                roi: breakEven.roi(dailyVolume: expected.dailyRequests, horizonDays: days, goLive: inputs.goLive, shutdown: pricing.shutdown),
                cappedAt: pricing.shutdown.flatMap { $0 < end ? $0 : nil })
        }
        var recovered: Ratio?
        if let shutdown = pricing.shutdown, !oneTime.total.isZero {
            let days = Int64(max(0, shutdown.daysSinceEpoch - inputs.goLive.daysSinceEpoch))
            let saved = expected.savingsPerRequest.times(expected.dailyRequests * days)
            recovered = Ratio(saved.femtoUnits, oneTime.total.femtoUnits)
        }
        let paysBack: Bool
        if case .reached(let point) = expected.payback {
            paysBack = !point.isAfterShutdown && point.days <= context.longestHorizon
        } else {
            paysBack = false
        }
        if pricing.deploymentPerHour != nil {
            result.notes.append("Served on a dedicated deployment: 24 hours a day at \(pricing.deploymentPerHour?.description ?? "") per hour, shared over the day's requests.")
        }
        result.notes += input.notes
        result.projection = Estimate.Projection(
            training: training, rates: pricing.price.rates, priceLocation: pricing.price.location.description,
            deploymentPerHour: pricing.deploymentPerHour, deploymentPerDay: deploymentPerDay, shutdown: pricing.shutdown,
            expected: expected, ranges: [try varied("low", sign: -1), expected, try varied("high", sign: 1)],
            oneTimeCost: oneTime, roi: roi, recoveredByShutdown: recovered,
            sensitivity: try sensitivity(context: context, expected: expected),
            cumulative: context.cumulative(expected), paysBack: paysBack)
        return result
    }

    /// Why a priced candidate is not an option on the go-live day: its base model no longer
    /// serves, or its provider accepts no new fine-tuning jobs. nil when it is an option.
    func unavailability(of model: String, shutdown: UTCDate?) -> String? {
        if let shutdown, shutdown <= inputs.goLive {
            return "\(model) shuts down on \(shutdown), on or before go-live (\(inputs.goLive)): a fine-tune of it would never serve"
        }
        if case .unavailable(let reason) = catalog.trainingAvailability(model: model, on: inputs.goLive) {
            return "\(model) cannot be trained for go-live on \(inputs.goLive): \(reason)"
        }
        return nil
    }

    func trainingFigures(_ price: CatalogTrainingPrice, file: TrainingFileFigures) throws -> Estimate.Training {
        switch price.price {
        case .perMillionTokens(let rate):
            let tokens = try TrainingQuantity.estimatedTokens(fileTokens: file.billableTokensPerEpoch, epochs: inputs.epochs)
            let quantity = TrainingQuantity.tokens(tokens)
            return Estimate.Training(
                basis: .perMillionTokens(rate: rate, tokens: tokens), billableTokensPerEpoch: file.billableTokensPerEpoch, epochs: inputs.epochs,
                cost: try price.price.cost(of: quantity), priceLocation: price.location.description)
        case .perHour(let rate):
            let hours = inputs.trainingHours ?? ExactDecimal(EstimateInputs.defaultHoursPerEpoch * inputs.epochs)
            let basis = inputs.trainingHours == nil
                ? "ASSUMED \(EstimateInputs.defaultHoursPerEpoch) hour per epoch; pass --training-hours"
                : "given with --training-hours"
            return Estimate.Training(
                basis: .perHour(rate: rate, hours: hours, hoursBasis: basis), billableTokensPerEpoch: file.billableTokensPerEpoch, epochs: inputs.epochs,
                cost: try price.price.cost(of: .hours(hours)), priceLocation: price.location.description)
        }
    }

    // MARK: Sensitivity

    /// Break-even days with each input moved by ±10/25/50%, from CostModel's
    /// `breakEvenSensitivity` over one day of traffic. Price components that cost nothing on
    /// either side (no cache writes, say) are left out: moving them changes nothing.
    func sensitivity(context: ScenarioContext, expected: Estimate.Scenario) throws -> [Estimate.SensitivityRow] {
        let volume = expected.dailyRequests
        let teacherDay = try costBreakdown(of: expected.teacherUsage.times(volume), at: context.teacherRates)
        let studentDay = try costBreakdown(of: expected.studentUsage.times(volume), at: context.studentRates)
        let cases = try breakEvenSensitivity(
            teacher: CostProfile(tokenCost: teacherDay, requests: volume),
            student: CostProfile(tokenCost: studentDay, fixedCost: context.deploymentPerDay ?? .zero, requests: volume),
            oneTimeCost: context.oneTime, dailyVolume: volume, changes: Estimate.sensitivityChanges)
        var rows: [Estimate.SensitivityRow] = []
        for sensitivityCase in cases {
            switch sensitivityCase.parameter {
            case .teacherPrice(let component) where component.cost(of: teacherDay).isZero: continue
            case .studentPrice(let component) where component.cost(of: studentDay).isZero: continue
            default: break
            }
            let name = sensitivityCase.parameter.description
            if rows.last?.parameter == name {
                rows[rows.count - 1].cases.append(sensitivityCase)
            } else {
                rows.append(Estimate.SensitivityRow(parameter: name, cases: [sensitivityCase]))
            }
        }
        return rows
    }

    // MARK: Recommendation

    /// The candidate with the shortest payback among those that pay back before their shutdown
    /// and within the longest horizon, and that pass the quality gate where eval scores exist;
    /// candidates that passed the gate come before candidates without quality data.
    /// Ties go to the smaller one-time cost. Without any candidate left: do not fine-tune.
    func recommend(_ candidates: [Estimate.Candidate]) -> Estimate.Recommendation {
        let longest = inputs.horizonDays.max() ?? 365
        var reasons: [String] = []
        var eligible: [(candidate: Estimate.Candidate, days: Int64, projection: Estimate.Projection)] = []
        for candidate in candidates {
            if let unavailable = candidate.unavailableReason {
                reasons.append("Not an option: \(unavailable).")
                continue
            }
            guard let projection = candidate.projection else {
                reasons.append("\(candidate.model) is unpriced (\(candidate.unpricedReason ?? "no price")).")
                continue
            }
            switch projection.expected.payback {
            case .never(let reason):
                reasons.append("\(candidate.model) never pays back: \(reason.rawValue).")
                continue
            case .reached(let point):
                if point.isAfterShutdown, let shutdown = point.shutdown {
                    reasons.append(
                        "\(candidate.model) retires on \(shutdown), before it would pay back (\(point.date)): not an option.")
                    continue
                }
                if point.days > longest {
                    reasons.append("\(candidate.model) pays back after \(Estimate.days(point.days)), beyond the longest horizon (\(longest) days).")
                    continue
                }
                if case .notPassed(let verdict) = candidate.qualityGate {
                    reasons.append("\(candidate.model) pays back in \(Estimate.days(point.days)) but fails the quality gate (\(verdict)).")
                    continue
                }
                eligible.append((candidate, point.days, projection))
            }
        }
        // A candidate that passed the quality gate beats one without quality data, however fast:
        // unevaluated savings may not survive the evaluation.
        func evidence(_ candidate: Estimate.Candidate) -> Int {
            if case .passed = candidate.qualityGate { return 0 }
            return 1
        }
        // A student that retires within the horizon must be replaced again (a second migration
        // and training bill) however fast it pays back: one that keeps serving comes first.
        func retiresWithinHorizon(_ projection: Estimate.Projection) -> Int {
            projection.shutdown.map { $0 < inputs.goLive.adding(days: Int(longest)) } == true ? 1 : 0
        }
        eligible.sort {
            (evidence($0.candidate), retiresWithinHorizon($0.projection), $0.days, $0.projection.oneTimeCost.total, $0.candidate.model)
                < (evidence($1.candidate), retiresWithinHorizon($1.projection), $1.days, $1.projection.oneTimeCost.total, $1.candidate.model)
        }
        guard let best = eligible.first else {
            return Estimate.Recommendation(
                verdict: .doNotFineTune,
                headline: "Do not fine-tune: no candidate can be trained for go-live and pays back before its shutdown date and within \(longest) days"
                    + (candidates.contains { $0.quality != nil } ? " while passing the quality gate." : "."),
                reasons: reasons)
        }
        var why = [
            "\(best.candidate.model) pays back in \(Estimate.days(best.days)) (\(DisplayFormat.count(best.projection.expected.breakEvenRequests.count ?? 0)) requests), the first of the \(eligible.count) candidate(s) that pay back in time (quality evidence first, then the shortest payback).",
            "One-time cost \(DisplayFormat.money(best.projection.oneTimeCost.total)); saves \(DisplayFormat.precise(best.projection.expected.savingsPerRequest.rounded)) per request, \(DisplayFormat.money(best.projection.expected.monthlySavings)) a month.",
        ]
        for other in eligible.dropFirst() {
            if retiresWithinHorizon(other.projection) > retiresWithinHorizon(best.projection), let shutdown = other.projection.shutdown {
                why.append(
                    "\(other.candidate.model) pays back in \(Estimate.days(other.days)) but retires on \(shutdown), within \(longest) days: it would have to be replaced again.")
            } else if other.days < best.days {
                why.append(
                    "\(other.candidate.model) would pay back sooner (\(Estimate.days(other.days))) but has no quality data: evaluate it before choosing it.")
            }
        }
        if let shutdown = best.projection.shutdown {
            why.append("\(best.candidate.model) retires on \(shutdown): plan its replacement before then.")
        }
        why += best.candidate.notes.filter { $0.hasPrefix("Not every organization") }
        if case .reached(let low) = best.projection.ranges[0].payback {
            why.append("In the low case it pays back in \(Estimate.days(low.days))\(low.isAfterShutdown ? ", after its shutdown" : "").")
        } else {
            why.append("In the low case it never pays back: check the assumptions before training.")
        }
        let quality: String
        switch best.candidate.qualityGate {
        case .passed:
            quality = "quality gate passed"
            why.append("Quality: non-inferior to the teacher on the same evaluation items (margin \(DisplayFormat.number(inputs.marginPoints)) points).")
        case .noData:
            quality = "no quality data"
            why.append("No quality data: no evaluation of a fine-tune of \(best.candidate.model) against the teacher on the same items. Evaluate before switching traffic.")
        case .notPassed:
            quality = "quality gate not passed"
        }
        return Estimate.Recommendation(
            verdict: .fineTune(best.candidate.model),
            headline: "Fine-tune \(best.candidate.model): pays back in \(Estimate.days(best.days)) (\(quality)).",
            reasons: why + reasons)
    }

    // MARK: Helpers

    /// `value × percent / 100`, rounded half up to a whole count.
    static func scaled(_ value: Int64, percent: Int64) -> Int64 {
        Int64(ExactMath.roundHalfUp(Int128(value) * Int128(percent), 100))
    }

    /// A ratio scaled by `percent / 100`, rounded half up to nine decimals.
    static func scaled(_ ratio: ExactDecimal, percent: Int64) -> ExactDecimal {
        ExactDecimal(units: ExactMath.roundHalfUp(ratio.units * Int128(percent), 100))
    }
}

extension BreakEvenRequests {
    package var count: Int64? {
        if case .after(let count) = self { return count }
        return nil
    }
}

extension PriceComponent {
    func cost(of breakdown: CostBreakdown) -> Money {
        switch self {
        case .input: return breakdown.uncachedInput.cost
        case .cachedInput: return breakdown.cachedInput.cost
        case .cacheWrite: return breakdown.cacheWrite.cost + breakdown.cacheWriteOneHour.cost
        case .output: return breakdown.output.cost
        }
    }
}

extension TokenUsage {
    func times(_ factor: Int64) -> TokenUsage {
        TokenUsage(
            input: input * factor, cachedInput: cachedInput * factor, cacheWrite: cacheWrite * factor, output: output * factor,
            reasoning: reasoning * factor)
    }
}
