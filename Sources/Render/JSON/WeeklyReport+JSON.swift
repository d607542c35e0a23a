import CostModel
import DistillCore
import Reports
import Statistics

/// The JSON form of the weekly report: the report value itself, for other tools. Money is an
/// exact, unrounded decimal string in `currency`; ratios are numbers (0.25 = 25%); days are
/// `YYYY-MM-DD`; `null` means "not available" (unpriced, no data), never zero.
extension WeeklyReport {
    package static let jsonSchemaVersion = 1

    package func json() -> JSONValue {
        .object([
            ("schema_version", .integer(Self.jsonSchemaVersion)),
            ("report", .string("weekly")),
            ("title", .string(title)),
            ("label", .string(label)),
            ("from", .string(range.start.description)),
            ("to", .string(range.end.adding(days: -1).description)),
            ("currency", .string(currency)),
            ("baseline", .bool(isBaseline)),
            ("roles", .object([
                ("teacher", .string(roles.teacher)), ("student", .optionalString(roles.student)),
                ("base_student", .optionalString(roles.baseStudent)), ("reason", .string(roles.reason)),
                ("go_live", .optionalString(roles.goLive?.description)),
                ("student_shutdown", .optionalString(roles.studentShutdown?.description)),
            ])),
            ("headline", headline.json(baseline: isBaseline)),
            ("previous_headline", previousHeadline.json(baseline: isBaseline)),
            ("week_over_week", .array(weekOverWeek.map { change in
                .object([
                    ("figure", .string(change.figure)), ("current", change.current), ("previous", change.previous),
                    ("delta", change.delta), ("percent", .decimal(change.percent)),
                ])
            })),
            ("models", .array(models.map { $0.json() })),
            ("student_candidates", .array(studentCandidates.map { candidate in
                .object([
                    ("model", .string(candidate.model)), ("use_case", .string(candidate.useCase)),
                    ("requests", .integer(candidate.requests)), ("requests_per_day", .decimal(candidate.requestsPerDay)),
                    ("cost", .money(candidate.cost)), ("cost_per_request", .money(candidate.costPerRequest)),
                    ("share_of_spend", .decimal(candidate.shareOfSpend)),
                ])
            })),
            ("quality", quality.json()),
            ("breakdowns", .array(tagBreakdowns.map { breakdown in
                .object([
                    ("key", .string(breakdown.key)),
                    ("rows", .array(breakdown.rows.map { row in
                        .object([
                            ("value", .string(row.value)), ("requests", .integer(row.requests)),
                            ("student_requests", .integer(row.studentRequests)), ("cost", .money(row.cost)),
                            ("unpriced_requests", .integer(row.unpricedRequests)),
                        ])
                    })),
                ])
            })),
            ("daily", .array(daily.map { day in
                .object([
                    ("day", .string(day.day.description)), ("model", .string(day.model)),
                    ("requests", .integer(day.requests)), ("cost", .money(day.cost)),
                    ("latency_ms", day.latency.json),
                ])
            })),
            ("cumulative_savings", .array(cumulative.map { point in
                .object([
                    ("day", .string(point.day.description)), ("savings", .money(point.savings)),
                    ("cumulative", .money(point.cumulativeSavings)),
                ])
            })),
            ("sources", sources.json()),
            ("assumptions", isBaseline ? .null : .object([
                ("teacher_cost_per_request", .money(assumptions.teacherCostPerRequest?.rounded)),
                ("student_cost_per_request", .money(assumptions.studentCostPerRequest?.rounded)),
                ("daily_student_volume", .integer(assumptions.dailyStudentVolume)),
                ("horizon_days", .array(assumptions.horizonDays.map { .integer($0) })),
            ])),
            ("retirement", retirement?.json() ?? .null),
            ("opportunities", .array(opportunities.map { $0.json() })),
            ("students", .array(students.map { $0.json() })),
            ("program", program?.json() ?? .null),
        ])
    }
}

extension WeeklyReport.Headline {
    /// A baseline report has no student: its headline is the spend alone, with no savings,
    /// one-time cost or break-even set to zero.
    func json(baseline: Bool) -> JSONValue {
        if baseline {
            return .object([
                ("spend", .money(spend)), ("requests", .integer(requests)),
                ("unpriced_requests", .integer(unpricedRequests)), ("unpriced_tokens", .integer(unpricedTokens)),
            ])
        }
        return .object([
            ("spend", .money(spend)),
            ("teacher_only_cost", .money(teacherOnlyCost)),
            ("savings", .money(savings)),
            ("requests", .integer(requests)),
            ("unpriced_requests", .integer(unpricedRequests)),
            ("unpriced_tokens", .integer(unpricedTokens)),
            ("student_requests", .integer(studentRequests)),
            ("savings_since_go_live", .money(savingsSinceGoLive)),
            ("savings_per_student_request", .money(savingsPerStudentRequest?.rounded)),
            ("daily_student_volume", .integer(dailyStudentVolume)),
            ("one_time_cost", oneTimeCost.json()),
            ("recouped_share", .decimal(recoupedShare)),
            ("break_even", breakEven.json()),
            ("roi", .array(roi.map { figure in
                .object([
                    ("months", .integer(figure.months)), ("horizon_days", .integer(figure.horizonDays)),
                    ("roi", .decimal(figure.roi)), ("capped_at_shutdown", .optionalString(figure.cappedAt?.description)),
                ])
            })),
        ])
    }
}

extension WeeklyReport.BreakEvenStatus {
    func json() -> JSONValue {
        let (status, date): (String, UTCDate?) =
            switch self {
            case .reached(let date): ("reached", date)
            case .projected(let date): ("projected", date)
            case .afterShutdown(let date, _): ("after_shutdown", date)
            case .never: ("never", nil)
            case .noStudentTraffic: ("no_student_traffic", nil)
            }
        return .object([("status", .string(status)), ("date", .optionalString(date?.description)), ("summary", .string(summary))])
    }
}

extension WeeklyReport.ModelFigures {
    func json() -> JSONValue {
        .object([
            ("model", .string(model)), ("role", .string(role)), ("requests", .integer(requests)),
            ("failed_requests", .integer(failedRequests)), ("tokens", tokens.json),
            ("cost", .money(cost)), ("cost_per_request", .money(costPerRequest)),
            ("cost_per_1k_requests", .money(costPerThousandRequests)), ("latency_ms", latency.json),
            ("eval_score", evalScore.json), ("pass_rate", .decimal(passRate)),
            ("cost_per_passing_answer", .money(costPerPassingAnswer)),
            ("unpriced_reason", .optionalString(unpricedReason)),
        ])
    }
}

extension WeeklyReport.Quality {
    func json() -> JSONValue {
        .object([
            ("margin_points", .decimal(marginPoints)),
            ("comparisons", .array(comparisons.map(\.json))),
            ("runs", .array(runs.map { run in
                .object([
                    ("run", .string(run.run)), ("model", .string(run.model)), ("role", .string(run.role)),
                    ("items", .integer(run.items)), ("score", run.score.json), ("pass_rate", .decimal(run.passRate)),
                ])
            })),
        ])
    }
}

extension WeeklyReport.Sources {
    func json() -> JSONValue {
        .object([
            ("origins", .array(perDayOrigins.map { origin in
                .object([
                    ("model", .string(origin.model)), ("origin", .string(origin.origin)),
                    ("days", .integer(origin.days)), ("requests", .integer(origin.requests)),
                ])
            })),
            ("unpriced", .array(unpriced.map { model in
                .object([
                    ("model", .string(model.model)), ("requests", .integer(model.requests)),
                    ("tokens", model.tokens.json), ("reason", .string(model.reason)),
                ])
            })),
            ("prices_used", .array(pricesUsed.map { price in
                .object([
                    ("model", .string(price.model)), ("catalog_model", .string(price.catalogModel)),
                    ("tier", .string(price.tier)), ("period", .string(price.period)),
                    ("input_per_1m", .string(price.rates.input.description)),
                    ("cached_input_per_1m", .optionalString(price.rates.cachedInput?.description)),
                    ("cache_write_per_1m", .optionalString(price.rates.cacheWrite?.description)),
                    ("output_per_1m", .string(price.rates.output.description)),
                    ("file", .string(price.location)), ("source", .string(price.source)),
                ])
            })),
            ("reconciliation", .array(reconciliation.map { line in
                .object([
                    ("day", .string(line.day.description)), ("computed", .money(line.computed)),
                    ("billed", .money(line.billed)), ("difference", .money(line.difference)),
                ])
            })),
            ("notes", .array(notes.map(JSONValue.string))),
        ]).addingReportedCost(reportedCost)
    }
}

extension JSONValue {
    /// The object with `reported_cost` before its last member (`notes`), only when a source
    /// reported a cost, so reports of other data keep their exact shape.
    func addingReportedCost(_ lines: [ReportedCostLine]) -> JSONValue {
        guard !lines.isEmpty, case .object(var object) = self else { return self }
        object.members.insert(("reported_cost", .array(lines.map(\.json))), at: max(0, object.members.count - 1))
        return .object(object)
    }
}

extension ReportedCostLine {
    var json: JSONValue {
        .object([
            ("model", .string(model)), ("requests", .integer(requests)), ("reported_requests", .integer(reportedRequests)),
            ("computed", .money(computed)), ("reported", .money(reported)), ("difference", .money(difference)),
        ])
    }
}

extension JSONValue {
    static func money(_ amount: Money?) -> JSONValue { amount.map { .string($0.exactDecimalString) } ?? .null }
}

extension Optional where Wrapped == LatencySummary {
    var json: JSONValue {
        guard let summary = self else { return .null }
        return .object([
            ("count", .integer(summary.count)), ("p50", .decimal(summary.p50, places: 3)),
            ("p90", .decimal(summary.p90, places: 3)), ("p95", .decimal(summary.p95, places: 3)),
            ("p99", .decimal(summary.p99, places: 3)),
        ])
    }
}

extension Optional where Wrapped == MeanInterval {
    var json: JSONValue {
        guard let interval = self else { return .null }
        return .object([
            ("n", .integer(interval.count)), ("mean", .decimal(interval.mean)),
            ("ci95_low", .decimal(interval.low)), ("ci95_high", .decimal(interval.high)),
        ])
    }
}

extension TokenUsage {
    var json: JSONValue {
        .object([
            ("input", .integer(input)), ("cached_input", .integer(cachedInput)), ("cache_write", .integer(cacheWrite)),
            ("output", .integer(output)), ("reasoning", .integer(reasoning)),
        ])
    }
}

extension WeeklyReport.FigureChange {
    var current: JSONValue { currentAmount.json }
    var previous: JSONValue { previousAmount.json }
    var delta: JSONValue { deltaAmount.json }
}

extension WeeklyReport.FigureChange.Amount {
    var json: JSONValue {
        switch self {
        case .money(let money): return .money(money)
        case .count(let count): return .integer(count)
        }
    }
}
