import CostModel
import DistillCore
import Reports

/// The estimate as templates and charts see it: every figure already formatted, nothing
/// computed here beyond rounding for display.
extension Estimate: RenderableReport {
    var fileStem: String { "estimate-\(goLive)" }
    var templateName: String { "estimate" }

    func templateContext(format: TextFormat, chartLinks: [String: String]) -> [String: Any] {
        let cell = format.escapeData
        var context: [String: Any] = [:]
        context["title"] = cell(title)
        context["goLive"] = goLive.description
        context["currency"] = currency
        context["teacher"] = format.modelName(teacher.model)
        context["approximate"] = approximateTokens
        context["recommendation"] = cell(recommendation.headline)
        context["recommendationClass"] = recommendation.model == nil ? "bad" : "good"
        context["reasons"] = recommendation.reasons.map(format.keepingDatesTogether)
        context["horizons"] = horizonDays.map { ["label": "\($0) days"] }
        context["changes"] = Self.sensitivityChanges.map { ["label": ($0 > 0 ? "+" : "") + "\($0)%"] }
        context["candidates"] = candidates.map { candidateRow($0, format: format) }
        context["priced"] = candidates.compactMap { candidate -> [String: Any]? in
            guard let projection = candidate.projection else { return nil }
            return detail(candidate, projection, format: format, chartLinks: chartLinks)
        }
        context["teacherCostPerRequest"] = DisplayFormat.precise(teacher.costPerRequest)
        context["teacherPricedAs"] = cell(teacher.pricedAs)
        context["teacherRates"] = Self.rates(teacher.rates)
        context["teacherLocation"] = cell(teacher.priceLocation)
        context["teacherShutdown"] = teacher.shutdown?.description ?? "none announced"
        context["trafficDaily"] = DisplayFormat.count(traffic.dailyRequests)
        context["trafficInput"] = DisplayFormat.count(traffic.inputTokens)
        context["trafficCached"] = DisplayFormat.count(traffic.cachedInputTokens)
        context["trafficOutput"] = DisplayFormat.count(traffic.outputTokens)
        context["trafficSource"] = cell(traffic.source)
        context["inputRatio"] = ratios.input.description
        context["outputRatio"] = ratios.output.description
        context["ratioSource"] = cell(ratios.source)
        context["spreadTokens"] = "±\(spreads.tokensPerRequest)%"
        context["spreadRatios"] = "±\(spreads.ratios)%"
        context["spreadVolume"] = "±\(spreads.volume)%"
        context["spreadBasis"] = cell(spreads.basis)
        context["epochs"] = "\(epochs)"
        context["epochsBasis"] = cell(epochsBasis)
        context["dataGenerationBasis"] = cell(oneTimeBasis.dataGenerationBasis)
        context["evaluationBasis"] = cell(oneTimeBasis.evaluationBasis)
        context["files"] = trainingFiles.map { fileRow($0, role: "training", cell: cell) }
            + (validationFile.map { [fileRow($0, role: "validation (not billed as training)", cell: cell)] } ?? [])
        context["issues"] = (trainingFiles + [validationFile].compactMap { $0 }).flatMap(\.issues).prefix(50).map(cell)
        context["hasIssues"] = (trainingFiles + [validationFile].compactMap { $0 }).contains { !$0.issues.isEmpty }
        context["notes"] = notes.map(cell)
        context["hasNotes"] = !notes.isEmpty
        context["marginPoints"] = DisplayFormat.number(marginPoints)
        return context
    }

    private func candidateRow(_ candidate: Candidate, format: TextFormat) -> [String: Any] {
        let cell = format.escapeData
        var row: [String: Any] = ["model": format.modelName(candidate.model), "pricedAs": format.modelName(candidate.pricedAs), "gate": candidate.qualityGate.text]
        guard let projection = candidate.projection else {
            row["unpriced"] = true
            row["status"] = candidate.status
            row["reason"] = cell(candidate.missingProjectionReason ?? "no price")
            return row
        }
        let expected = projection.expected
        row["unpriced"] = false
        row["training"] = DisplayFormat.money(projection.training.cost)
        row["oneTime"] = DisplayFormat.money(projection.oneTimeCost.total)
        row["teacherPerRequest"] = DisplayFormat.precise(expected.teacherCostPerRequest.rounded)
        row["studentPerRequest"] = DisplayFormat.precise(expected.studentCostPerRequest.rounded)
        row["savingsPerRequest"] = DisplayFormat.precise(expected.savingsPerRequest.rounded)
        row["monthlySavings"] = DisplayFormat.money(expected.monthlySavings)
        row["breakEvenRequests"] = expected.breakEvenRequests.count.map(DisplayFormat.count) ?? "never"
        row["payback"] = format.keepingDatesTogether(Self.paybackText(expected.payback))
        row["paybackClass"] = projection.paysBack ? "good" : "bad"
        row["roi"] = projection.roi.map { figure in
            ["value": figure.roi.map { $0.percentText(places: 1) + "%" } ?? "–", "capped": figure.cappedAt == nil ? "" : "*"]
        }
        row["shutdown"] = projection.shutdown?.description ?? "none announced"
        row["recovered"] = projection.recoveredByShutdown.map { $0.percentText(places: 1) + "%" } ?? "–"
        return row
    }

    private func detail(_ candidate: Candidate, _ projection: Projection, format: TextFormat, chartLinks: [String: String]) -> [String: Any] {
        let cell = format.escapeData
        let chartName = Self.chartName(candidate.model)
        let chart = charts().first { $0.name == chartName }?.chart
        return [
            "model": format.modelName(candidate.model),
            "trainingBasis": cell(projection.training.description),
            "trainingLocation": cell(projection.training.priceLocation),
            "rates": Self.rates(projection.rates),
            "priceLocation": cell(projection.priceLocation),
            "deployment": projection.deploymentPerHour.map { "\($0) per hour, \(DisplayFormat.money(projection.deploymentPerDay)) a day" } ?? "",
            "hasDeployment": projection.deploymentPerHour != nil,
            "oneTimeItems": projection.oneTimeCost.items.map { ["label": cell($0.label), "amount": DisplayFormat.money($0.amount)] },
            "ranges": projection.ranges.map { scenario in
                [
                    "name": scenario.name, "daily": DisplayFormat.count(scenario.dailyRequests),
                    "teacherTokens": "\(DisplayFormat.count(scenario.teacherUsage.input)) / \(DisplayFormat.count(scenario.teacherUsage.output))",
                    "studentTokens": "\(DisplayFormat.count(scenario.studentUsage.input)) / \(DisplayFormat.count(scenario.studentUsage.output))",
                    "studentPerRequest": DisplayFormat.precise(scenario.studentCostPerRequest.rounded),
                    "savingsPerRequest": DisplayFormat.precise(scenario.savingsPerRequest.rounded),
                    "monthlySavings": DisplayFormat.money(scenario.monthlySavings),
                    "payback": format.keepingDatesTogether(Self.paybackText(scenario.payback)),
                    "roi": scenario.longestHorizonROI.map { $0.percentText(places: 1) + "%" } ?? "–",
                ]
            },
            "sensitivity": projection.sensitivity.map { row in
                [
                    "parameter": cell(row.parameter),
                    "days": row.cases.map { ["value": $0.paybackDays.map { DisplayFormat.count($0) } ?? "never"] },
                ] as [String: Any]
            },
            "svg": chart?.render() ?? "",
            "chartTitle": cell(chart?.title ?? ""),
            "link": chartLinks[chartName] ?? "",
            "notes": candidate.notes.map(cell),
            "hasNotes": !candidate.notes.isEmpty,
        ]
    }

    private func fileRow(_ file: TrainingFileFigures, role: String, cell: (String) -> String) -> [String: String] {
        let distribution = file.tokensPerExample.map {
            "\(DisplayFormat.count(Int64($0.minimum))) / \(DisplayFormat.number($0.mean)) / \(DisplayFormat.number($0.median)) / \(DisplayFormat.number($0.p95)) / \(DisplayFormat.count(Int64($0.maximum)))"
        } ?? "–"
        return [
            "role": role, "path": cell(file.path), "counting": cell(file.counting) + (file.isApproximate ? " — APPROXIMATE" : ""),
            "examples": DisplayFormat.count(Int64(file.examples)), "invalid": DisplayFormat.count(Int64(file.invalidExamples)),
            "distribution": distribution, "total": DisplayFormat.count(file.totalTokens),
            "overLimit": "\(DisplayFormat.count(Int64(file.examplesOverLimit))) over \(DisplayFormat.count(Int64(file.contextLimit))) (\(DisplayFormat.count(file.tokensLostToTruncation)) tokens truncated)",
            "billable": DisplayFormat.count(file.billableTokensPerEpoch),
        ]
    }

    static func paybackText(_ payback: Payback) -> String {
        switch payback {
        case .reached(let point):
            let days = "\(Estimate.days(point.days)) (\(point.date))"
            if point.isAfterShutdown, let shutdown = point.shutdown {
                return "not before its shutdown on \(shutdown) (would take \(Estimate.days(point.days)))"
            }
            return days
        case .never(let reason):
            return "never: \(reason.rawValue)"
        }
    }

    static func rates(_ rates: TokenRates) -> String {
        "input \(rates.input), cached \(rates.cachedInput?.description ?? "–"), output \(rates.output)"
    }

    static func chartName(_ model: String) -> String {
        "cumulative-" + String(model.map { $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" ? $0 : "_" })
    }

    /// Per priced candidate: cumulative savings from go-live against the one-time cost.
    func charts() -> [(name: String, chart: SVGChart)] {
        let moneyFormat: @Sendable (Double) -> String = { "$" + DecimalFormatting.fixed($0, places: abs($0) < 10 ? 2 : 0) }
        return candidates.compactMap { candidate in
            guard let projection = candidate.projection else { return nil }
            let oneTime = projection.oneTimeCost.total.approximateDouble
            return (Self.chartName(candidate.model), SVGChart(
                title: "\(candidate.model): cumulative savings against the one-time cost",
                kind: .lines, categories: projection.cumulative.map { "day \($0.day)" },
                series: [
                    SVGChart.Series(name: "cumulative savings (expected)", values: projection.cumulative.map(\.cumulativeSavings.approximateDouble)),
                    SVGChart.Series(name: "one-time cost", values: projection.cumulative.map { _ in oneTime }, dashed: true),
                ], yAxisLabel: currency, valueFormat: moneyFormat))
        }
    }
}
