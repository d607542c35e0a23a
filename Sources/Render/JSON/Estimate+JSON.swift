import CostModel
import DistillCore
import Reports

/// The JSON form of the estimate. Money is exact, unrounded decimal text in `currency` (per-request
/// figures rounded at 10⁻¹⁵); ratios are numbers (0.25 = 25%) with nine decimals; `null` means not
/// available (unpriced, never), never zero.
extension Estimate {
    package static let jsonSchemaVersion = 1

    package func json() -> JSONValue {
        .object([
            ("schema_version", .integer(Self.jsonSchemaVersion)),
            ("report", .string("estimate")),
            ("title", .string(title)),
            ("currency", .string(currency)),
            ("go_live", .string(goLive.description)),
            ("approximate_token_counts", .bool(approximateTokens)),
            ("recommendation", .object([
                ("verdict", .string(recommendation.model == nil ? "do_not_fine_tune" : "fine_tune")),
                ("model", .optionalString(recommendation.model)),
                ("headline", .string(recommendation.headline)),
                ("reasons", .array(recommendation.reasons.map(JSONValue.string))),
            ])),
            ("teacher", .object([
                ("model", .string(teacher.model)), ("priced_as", .string(teacher.pricedAs)),
                ("rates", teacher.rates.json), ("price_location", .string(teacher.priceLocation)),
                ("usage_per_request", teacher.usage.json), ("cost_per_request", .money(teacher.costPerRequest)),
                ("shutdown", .optionalString(teacher.shutdown?.description)),
            ])),
            ("training_files", .array(trainingFiles.map(\.json))),
            ("validation_file", validationFile?.json ?? .null),
            ("epochs", .object([("value", .integer(epochs)), ("basis", .string(epochsBasis))])),
            ("traffic", .object([
                ("daily_requests", .integer(traffic.dailyRequests)), ("input_tokens", .integer(traffic.inputTokens)),
                ("cached_input_tokens", .integer(traffic.cachedInputTokens)), ("output_tokens", .integer(traffic.outputTokens)),
                ("source", .string(traffic.source)),
            ])),
            ("student_ratios", .object([
                ("input", .number(ratios.input.description)), ("output", .number(ratios.output.description)),
                ("source", .string(ratios.source)),
            ])),
            ("spreads_percent", .object([
                ("tokens_per_request", .integer(spreads.tokensPerRequest)), ("ratios", .integer(spreads.ratios)),
                ("volume", .integer(spreads.volume)), ("basis", .string(spreads.basis)),
            ])),
            ("one_time_basis", .object([
                ("teacher_data_generation", .string(oneTimeBasis.dataGenerationBasis)),
                ("evaluation", .string(oneTimeBasis.evaluationBasis)),
            ])),
            ("horizon_days", .array(horizonDays.map { .integer($0) })),
            ("quality_margin_points", .decimal(marginPoints)),
            ("candidates", .array(candidates.map(\.json))),
            ("notes", .array(notes.map(JSONValue.string))),
        ])
    }
}

extension Estimate.Candidate {
    var json: JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("model", .string(model)), ("priced_as", .string(pricedAs)), ("status", .string(status)),
            ("unpriced_reason", .optionalString(unpricedReason)), ("unavailable_reason", .optionalString(unavailableReason)), ("token_counting", .string(counting)),
            ("quality_gate", .string(qualityGate.text)),
            ("quality", quality.map { comparison in
                .object([
                    ("evaluated_model", .string(comparison.candidate)), ("against", .string(comparison.reference)),
                    ("paired_items", .integer(comparison.pairedItems)),
                    ("difference_points", .decimal(comparison.difference?.mean)),
                    ("ci_low", .decimal(comparison.difference?.low)), ("ci_high", .decimal(comparison.difference?.high)),
                    ("verdict", .string(comparison.verdict.rawValue)),
                ])
            } ?? .null),
        ]
        if let projection {
            members += projection.jsonMembers
        }
        members.append(("notes", .array(notes.map(JSONValue.string))))
        return .object(JSONObject(members))
    }
}

extension Estimate.Projection {
    var jsonMembers: [(key: String, value: JSONValue)] {
        let trainingJSON: JSONValue
        switch training.basis {
        case .perMillionTokens(let rate, let tokens):
            trainingJSON = .object([
                ("basis", .string("per_million_tokens")), ("rate", .number(rate.description)),
                ("billable_tokens_per_epoch", .integer(training.billableTokensPerEpoch)), ("trained_tokens", .integer(tokens)),
                ("cost", .money(training.cost)), ("price_location", .string(training.priceLocation)),
            ])
        case .perHour(let rate, let hours, let basis):
            trainingJSON = .object([
                ("basis", .string("per_hour")), ("rate", .number(rate.description)), ("hours", .number(hours.description)),
                ("hours_basis", .string(basis)), ("cost", .money(training.cost)), ("price_location", .string(training.priceLocation)),
            ])
        }
        return [
            ("training", trainingJSON),
            ("rates", rates.json), ("price_location", .string(priceLocation)),
            ("deployment_per_hour", deploymentPerHour.map { .number($0.description) } ?? .null),
            ("deployment_per_day", .money(deploymentPerDay)),
            ("shutdown", .optionalString(shutdown?.description)),
            ("one_time_cost", .object([
                ("training", .money(oneTimeCost.training)), ("teacher_data_generation", .money(oneTimeCost.teacherDataGeneration)),
                ("evaluation", .money(oneTimeCost.evaluation)), ("total", .money(oneTimeCost.total)),
            ])),
            ("expected", expected.json),
            ("roi", .array(roi.map { figure in
                .object([
                    ("horizon_days", .integer(figure.horizonDays)), ("roi", figure.roi.json),
                    ("capped_at_shutdown", .optionalString(figure.cappedAt?.description)),
                ])
            })),
            ("recovered_by_shutdown", recoveredByShutdown.json),
            ("pays_back", .bool(paysBack)),
            ("ranges", .array(ranges.map(\.json))),
            ("sensitivity", .array(sensitivity.map { row in
                .object([
                    ("parameter", .string(row.parameter)),
                    ("cases", .array(row.cases.map { item in
                        .object([
                            ("change_percent", .integer(item.changePercent)),
                            ("break_even_requests", item.breakEvenRequests.count.map { .integer($0) } ?? .null),
                            ("payback_days", item.paybackDays.map { .integer($0) } ?? .null),
                        ])
                    })),
                ])
            })),
        ]
    }
}

extension Estimate.Scenario {
    var json: JSONValue {
        var paybackJSON: [(key: String, value: JSONValue)] = []
        switch payback {
        case .reached(let point):
            paybackJSON = [
                ("payback_days", .integer(point.days)), ("payback_date", .string(point.date.description)),
                ("after_shutdown", .bool(point.isAfterShutdown)), ("never_reason", .null),
            ]
        case .never(let reason):
            paybackJSON = [("payback_days", .null), ("payback_date", .null), ("after_shutdown", .bool(false)), ("never_reason", .string(reason.rawValue))]
        }
        return .object(JSONObject([
            ("case", .string(name)), ("daily_requests", .integer(dailyRequests)),
            ("teacher_usage_per_request", teacherUsage.json), ("student_usage_per_request", studentUsage.json),
            ("teacher_cost_per_request", .money(teacherCostPerRequest.rounded)),
            ("student_cost_per_request", .money(studentCostPerRequest.rounded)),
            ("savings_per_request", .money(savingsPerRequest.rounded)),
            ("monthly_savings", .money(monthlySavings)),
            ("break_even_requests", breakEvenRequests.count.map { .integer($0) } ?? .null),
        ] + paybackJSON + [("roi_at_longest_horizon", longestHorizonROI.json)]))
    }
}

extension TrainingFileFigures {
    var json: JSONValue {
        func distribution(_ value: Distribution?) -> JSONValue {
            guard let value else { return .null }
            return .object([
                ("min", .integer(value.minimum)), ("mean", .decimal(value.mean, places: 1)), ("p50", .decimal(value.median, places: 1)),
                ("p95", .decimal(value.p95, places: 1)), ("max", .integer(value.maximum)),
            ])
        }
        return .object([
            ("path", .string(path)), ("token_counting", .string(counting)), ("approximate", .bool(isApproximate)),
            ("examples", .integer(examples)), ("invalid_examples", .integer(invalidExamples)),
            ("issue_counts", .object(JSONObject(issueCounts.map { (key: $0.kind, value: .integer($0.count)) }))),
            ("issues", .array(issues.map(JSONValue.string))),
            ("context_limit", .integer(contextLimit)), ("total_tokens", .integer(totalTokens)),
            ("billable_tokens_per_epoch", .integer(billableTokensPerEpoch)),
            ("examples_over_limit", .integer(examplesOverLimit)), ("tokens_lost_to_truncation", .integer(tokensLostToTruncation)),
            ("tokens_per_example", distribution(tokensPerExample)),
            ("assistant_tokens_per_example", distribution(assistantTokensPerExample)),
        ])
    }
}

extension TokenRates {
    var json: JSONValue {
        .object([
            ("input", .number(input.description)), ("cached_input", cachedInput.map { .number($0.description) } ?? .null),
            ("output", .number(output.description)),
        ])
    }
}

extension Optional where Wrapped == Ratio {
    /// The exact ratio to nine decimals, half even.
    var json: JSONValue {
        guard let ratio = self else { return .null }
        let percent = ratio.percentText(places: 7)
        guard let value = Double(percent) else { return .null }
        return .decimal(value / 100, places: 9)
    }
}
