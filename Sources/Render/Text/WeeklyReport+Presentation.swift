import CostModel
import DistillCore
import Foundation
import Reports

/// The weekly report as display strings for the Mustache templates. Nothing is computed here that
/// is not already in the report value: amounts are rounded for display, counts grouped.
extension WeeklyReport: RenderableReport {
    var fileStem: String { "weekly-\(label)" }
    var templateName: String { "weekly" }

    func templateContext(format: TextFormat, chartLinks: [String: String]) -> [String: Any] {
        let cell = format.escapeData
        let name = format.modelName
        let money = { (amount: Money?) in DisplayFormat.money(amount, currency: self.currency) }
        let precise = { (amount: Money?) in DisplayFormat.precise(amount, currency: self.currency) }
        var context: [String: Any] = [:]
        context["heading"] = format.heading(title, keepingTogether: label)
        context["title"] = cell(title) as Any
        context["label"] = cell(label) as Any
        context["range"] = range.description as Any
        context["previousRange"] = previousRange.description as Any
        context["currency"] = currency as Any
        context["teacher"] = name(roles.teacher) as Any
        context["student"] = roles.student.map(name) as Any
        context["hasStudent"] = !isBaseline
        context["baseStudent"] = name(roles.baseStudent ?? "–") as Any
        context["rolesReason"] = cell(roles.reason) as Any
        context["goLive"] = roles.goLive?.description ?? "no student traffic yet" as Any
        context["shutdown"] = roles.studentShutdown?.description ?? "none announced" as Any
        context["spend"] = money(headline.spend) as Any
        context["hasUnpricedSpend"] = headline.unpricedRequests > 0
        context["spendNote"] = headline.unpricedNote as Any
        context["teacherOnlyCost"] = money(headline.teacherOnlyCost) as Any
        context["savings"] = money(headline.savings) as Any
        context["savingsSinceGoLive"] = money(headline.savingsSinceGoLive) as Any
        context["savingsPerRequest"] = precise(headline.savingsPerStudentRequest?.rounded) as Any
        context["studentRequests"] = DisplayFormat.count(headline.studentRequests) as Any
        context["requests"] = DisplayFormat.count(headline.requests) as Any
        context["dailyStudentVolume"] = DisplayFormat.count(headline.dailyStudentVolume) as Any
        context["oneTimeTotal"] = money(headline.oneTimeCost.total) as Any
        context["oneTimeItems"] = headline.oneTimeCost.items.map { ["label": $0.label, "amount": money($0.amount)] } as Any
        context["recouped"] = DisplayFormat.percent(headline.recoupedShare) as Any
        context["breakEven"] = format.keepingDatesTogether(headline.breakEven.summary) as Any
        context["breakEvenShort"] = format.keepingDatesTogether(headline.breakEven.short) as Any
        context["breakEvenReached"] = headline.breakEven.isReached
        context["roi"] = headline.roi.map { figure in
                [
                    "months": "\(figure.months)", "value": DisplayFormat.percent(figure.roi, places: 0),
                    "capped": format.keepingDatesTogether(figure.cappedAt.map { "capped at shutdown \($0)" } ?? ""),
                ]
            } as Any
        context["weekOverWeek"] = weekOverWeek.map { change -> [String: String] in
                func show(_ amount: FigureChange.Amount) -> String {
                    switch amount {
                    case .money(let value): return money(value)
                    case .count(let value): return DisplayFormat.count(value)
                    }
                }
                return [
                    "figure": change.figure, "current": show(change.currentAmount),
                    "previous": show(change.previousAmount), "delta": show(change.deltaAmount),
                    "percent": DisplayFormat.signedPercent(change.percent),
                ]
            } as Any
        context["candidates"] = studentCandidates.map { candidate in
                [
                    "model": name(candidate.model), "useCase": cell(candidate.useCase),
                    "requests": DisplayFormat.count(candidate.requests), "daily": DisplayFormat.number(candidate.requestsPerDay),
                    "cost": money(candidate.cost), "perRequest": precise(candidate.costPerRequest),
                    "share": DisplayFormat.percent(candidate.shareOfSpend),
                ]
            } as Any
        context["hasCandidates"] = !studentCandidates.isEmpty
        context["models"] = models.map { model in
                [
                    "model": name(model.model), "role": model.role, "requests": DisplayFormat.count(model.requests),
                    "failed": DisplayFormat.count(model.failedRequests),
                    "input": DisplayFormat.count(model.tokens.input), "cached": DisplayFormat.count(model.tokens.cachedInput),
                    "output": DisplayFormat.count(model.tokens.output),
                    "reasoning": DisplayFormat.count(model.tokens.reasoning), "cost": money(model.cost),
                    "perRequest": precise(model.costPerRequest), "perThousand": money(model.costPerThousandRequests),
                    "p50": DisplayFormat.milliseconds(model.latency?.p50), "p90": DisplayFormat.milliseconds(model.latency?.p90),
                    "p95": DisplayFormat.milliseconds(model.latency?.p95), "p99": DisplayFormat.milliseconds(model.latency?.p99),
                    "score": DisplayFormat.interval(model.evalScore, scale: 100),
                    "passRate": DisplayFormat.percent(model.passRate),
                    "perPassing": model.costPerPassingAnswer == nil ? "–" : precise(model.costPerPassingAnswer),
                ]
            } as Any
        context["marginPoints"] = DisplayFormat.number(quality.marginPoints) as Any
        context["comparisons"] = quality.comparisons.map { comparison in
                [
                    "candidate": name(comparison.candidate), "reference": name(comparison.reference),
                    "paired": DisplayFormat.count(Int64(comparison.pairedItems)),
                    "unpaired": DisplayFormat.count(Int64(comparison.unpairedItems)),
                    "difference": DisplayFormat.interval(
                        comparison.difference, scale: 1, unit: " pts",
                        places: DisplayFormat.placesSeparating(comparison.difference?.low, from: -quality.marginPoints)),
                    "discordant": "\(comparison.candidateOnlyPassed) / \(comparison.referenceOnlyPassed)",
                    "mcnemar": DisplayFormat.pValue(comparison.mcNemarPValue),
                    "verdict": comparison.verdict.rawValue,
                    "verdictClass": comparison.verdict == .nonInferior ? "good" : (comparison.verdict == .inferior ? "bad" : "warn"),
                ]
            } as Any
        context["runs"] = quality.runs.map { run in
                [
                    "run": cell(run.run), "model": name(run.model), "role": run.role,
                    "items": DisplayFormat.count(Int64(run.items)), "score": DisplayFormat.interval(run.score, scale: 100),
                    "passRate": DisplayFormat.percent(run.passRate),
                ]
            } as Any
        context["breakdowns"] = tagBreakdowns.map { breakdown in
                [
                    "key": cell(breakdown.key),
                    "rows": breakdown.rows.map { row in
                        [
                            "value": cell(row.value), "requests": DisplayFormat.count(row.requests),
                            "studentRequests": DisplayFormat.count(row.studentRequests), "cost": money(row.cost),
                            "unpriced": row.unpricedRequests > 0 ? "\(DisplayFormat.count(row.unpricedRequests)) unpriced" : "",
                        ]
                    },
                ] as [String: Any]
            } as Any
        context["origins"] = sources.perDayOrigins.map { origin in
                [
                    "model": name(origin.model), "origin": origin.origin, "days": "\(origin.days)",
                    "requests": DisplayFormat.count(origin.requests),
                ]
            } as Any
        context["unpriced"] = sources.unpriced.map { model in
                [
                    "model": name(model.model), "requests": DisplayFormat.count(model.requests),
                    "tokens": DisplayFormat.count(model.tokens.input + model.tokens.output), "reason": cell(model.reason),
                ]
            } as Any
        context["prices"] = sources.pricesUsed.map { price in
                [
                    "model": name(price.model), "catalogModel": name(price.catalogModel), "tier": price.tier,
                    "period": price.period, "input": price.rates.input.description,
                    "cached": price.rates.cachedInput?.description ?? "–", "output": price.rates.output.description,
                    "location": cell(price.location),
                ]
            } as Any
        context["reconciliation"] = sources.reconciliation.map { line in
                [
                    "day": line.day.description, "computed": money(line.computed),
                    "billed": line.billed.map { money($0) } ?? "not ingested",
                    "difference": line.difference.map { money($0) } ?? "–",
                ]
            } as Any
        context["reportedCost"] = sources.reportedCost.map { $0.templateRow(cell: cell, currency: currency) } as Any
        context["hasReportedCost"] = !sources.reportedCost.isEmpty
        context["notes"] = sources.notes.map(cell) as Any
        context["hasUnpriced"] = !sources.unpriced.isEmpty
        context["hasComparisons"] = !quality.comparisons.isEmpty
        context["hasNotes"] = !sources.notes.isEmpty
        context["hasRuns"] = !quality.runs.isEmpty
        if let retirement { context["retirement"] = retirement.templateContext(cell: cell, currency: currency) }
        context["opportunities"] = opportunities.map { $0.templateRow(cell: cell, currency: currency) } as Any
        context["hasOpportunities"] = !opportunities.isEmpty
        if let program { context["program"] = program.templateContext(students: students, format: format, currency: currency) }
        context["charts"] = charts().map { named in
            ["name": named.name, "title": named.chart.title, "svg": named.chart.render(), "link": chartLinks[named.name] ?? ""]
        }
        return context
    }
}

extension WeeklyReport.Headline {
    /// "+ 4 unpriced requests, 7.8M tokens: cost unknown": what the spend leaves out, said where
    /// the spend is, in every format.
    var unpricedNote: String {
        "+ \(DisplayFormat.count(unpricedRequests)) unpriced request\(unpricedRequests == 1 ? "" : "s"), "
            + "\(DisplayFormat.compactCount(unpricedTokens)) tokens: cost unknown"
    }
}
