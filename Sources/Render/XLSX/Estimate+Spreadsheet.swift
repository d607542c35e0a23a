import CostModel
import DistillCore
import Reports

/// The estimate as a workbook: Summary, Projection, Assumptions, Ranges, Sensitivity, Cumulative,
/// Training file, Sources.
///
/// The Assumptions sheet and the yellow cells of the Projection sheet are the inputs finance may
/// change (volume, tokens per request, ratios, prices, epochs, one-time costs, horizons); every
/// expected-case figure on the Projection sheet is a live formula over them, stored with the value
/// the estimate computed, so a viewer that never recalculates shows the JSON's figures.
extension Estimate {
    func spreadsheet() -> Spreadsheet {
        var workbook = Spreadsheet()
        workbook.title = title
        workbook.createdAt = goLive.unixSeconds
        let assumptions = assumptionsSheet()
        workbook.definedNames = assumptions.names
        workbook.sheets = [
            summarySheet(), projectionSheet(), assumptions.sheet, rangesSheet(), sensitivitySheet(), cumulativeSheet(),
            trainingFileSheet(), sourcesSheet(),
        ]
        return workbook
    }

    // MARK: Assumptions

    private func assumptionsSheet() -> (sheet: Spreadsheet.Sheet, names: [(name: String, reference: String)]) {
        var sheet = Spreadsheet.Sheet(name: "Assumptions")
        sheet.columnWidths = [46, 18, 80]
        sheet.set(0, 0, .text("Assumptions: change the yellow cells; the Projection recalculates"), .title)
        let expected = candidates.compactMap(\.projection).first?.expected
        let inputs: [(String, String, Double, Spreadsheet.Style, String)] = [
            ("DailyVolume", "Requests a day the student would serve", Double(traffic.dailyRequests), .input, traffic.source),
            ("TeacherInputTokens", "Teacher input tokens per request", Double(traffic.inputTokens), .input, traffic.source),
            ("TeacherCachedTokens", "Of which cached", Double(traffic.cachedInputTokens), .input, "billed at the cached rate"),
            ("TeacherOutputTokens", "Teacher output tokens per request", Double(traffic.outputTokens), .input, traffic.source),
            ("StudentInputRatio", "Student ÷ teacher input tokens", ratios.input.approximateDouble, .input, ratios.source),
            ("StudentOutputRatio", "Student ÷ teacher output tokens", ratios.output.approximateDouble, .input, ratios.source),
            ("TeacherInputPrice", "Teacher input price per 1M tokens", teacher.rates.input.approximateDouble, .input, teacher.priceLocation),
            ("TeacherCachedPrice", "Teacher cached input price per 1M tokens", teacher.rates.effectiveCachedInput.approximateDouble, .input,
             teacher.rates.cachedInput == nil ? "no cached price published: the input price" : teacher.priceLocation),
            ("TeacherOutputPrice", "Teacher output price per 1M tokens", teacher.rates.output.approximateDouble, .input, teacher.priceLocation),
            ("Epochs", "Training epochs", Double(epochs), .input, epochsBasis),
            ("DataGenerationCost", "Teacher data generation already spent (\(currency))",
             (oneTimeBasis.dataGeneration ?? .zero).approximateDouble, .input, oneTimeBasis.dataGenerationBasis),
            ("EvaluationCost", "Evaluation already spent (\(currency))", (oneTimeBasis.evaluation ?? .zero).approximateDouble, .input,
             oneTimeBasis.evaluationBasis),
            ("DaysPerMonth", "Days in a month of savings", Double(Self.daysPerMonth), .input, "monthly savings = savings per request × volume × this"),
        ]
        var names: [(String, String)] = []
        var row = 2
        for input in inputs {
            sheet.set(row, 0, .text(input.1))
            sheet.set(row, 1, .number(input.2), input.3)
            sheet.set(row, 2, .text(input.4), .note)
            names.append((input.0, "=" + Spreadsheet.cell("Assumptions", row: row, column: 1)))
            row += 1
        }
        row += 1
        sheet.set(row, 0, .text("Computed from the inputs above"), .header)
        row += 1
        let computed: [(String, String, String, Double, Spreadsheet.Style)] = [
            ("TeacherCostPerRequest", "Teacher cost per request (\(currency))",
             "=((TeacherInputTokens-TeacherCachedTokens)*TeacherInputPrice+TeacherCachedTokens*TeacherCachedPrice+TeacherOutputTokens*TeacherOutputPrice)/1000000",
             teacher.costPerRequest.approximateDouble, .moneyPrecise),
            ("StudentInputTokens", "Student input tokens per request", "=ROUND(TeacherInputTokens*StudentInputRatio,0)",
             Double(expected?.studentUsage.input ?? 0), .integer),
            ("StudentOutputTokens", "Student output tokens per request", "=ROUND(TeacherOutputTokens*StudentOutputRatio,0)",
             Double(expected?.studentUsage.output ?? 0), .integer),
        ]
        for figure in computed {
            sheet.set(row, 0, .text(figure.1))
            sheet.set(row, 1, .formula(figure.2, value: figure.3), figure.4)
            names.append((figure.0, "=" + Spreadsheet.cell("Assumptions", row: row, column: 1)))
            row += 1
        }
        row += 1
        sheet.set(row, 0, .text("ROI horizons (days from go-live \(goLive))"), .header)
        for (index, days) in horizonDays.enumerated() {
            row += 1
            sheet.set(row, 0, .text("Horizon \(index + 1)"))
            sheet.set(row, 1, .number(Double(days)), .input)
            names.append(("Horizon\(index + 1)", "=" + Spreadsheet.cell("Assumptions", row: row, column: 1)))
        }
        return (sheet, names)
    }

    // MARK: Projection

    /// Columns of the Projection sheet, in order.
    static let projectionHeaders = [
        "Candidate", "Training tokens per epoch", "Training price per 1M", "Training hours", "Training price per hour",
        "Student input price per 1M", "Student output price per 1M", "Deployment per hour", "Days to shutdown",
        "Training cost", "One-time cost", "Teacher cost per request", "Student cost per request", "Savings per request",
        "Monthly savings", "Break-even requests", "Payback days",
    ]

    private func projectionSheet() -> Spreadsheet.Sheet {
        var sheet = Spreadsheet.Sheet(name: "Projection")
        sheet.set(0, 0, .text(title), .title)
        sheet.set(1, 0, .text("Expected case from go-live \(goLive), amounts in \(currency). Yellow cells are inputs; the rest are live formulas over them and the Assumptions sheet."), .note)
        let headers = Self.projectionHeaders + horizonDays.map { "ROI at \($0) days" } + ["Recovered by shutdown", "Quality gate"]
        sheet.columnWidths = [44] + Array(repeating: 15, count: headers.count - 2) + [30]
        let headerRow = 3
        for (column, header) in headers.enumerated() { sheet.set(headerRow, column, .text(header), .header) }
        for (offset, candidate) in candidates.enumerated() {
            let row = headerRow + 1 + offset
            let r = "\(row + 1)"
            sheet.set(row, 0, .text(candidate.model))
            guard let projection = candidate.projection else {
                sheet.set(row, 1, .text("\(candidate.status): \(candidate.missingProjectionReason ?? "no price")"), .note)
                continue
            }
            let expected = projection.expected
            switch projection.training.basis {
            case .perMillionTokens(let rate, _):
                sheet.set(row, 1, .number(Double(projection.training.billableTokensPerEpoch)), .input)
                sheet.set(row, 2, .number(rate.approximateDouble), .input)
                sheet.set(row, 3, .blank, .input)
                sheet.set(row, 4, .blank, .input)
            case .perHour(let rate, let hours, _):
                sheet.set(row, 1, .blank, .input)
                sheet.set(row, 2, .blank, .input)
                sheet.set(row, 3, .number(hours.approximateDouble), .input)
                sheet.set(row, 4, .number(rate.approximateDouble), .input)
            }
            sheet.set(row, 5, .number(projection.rates.input.approximateDouble), .input)
            sheet.set(row, 6, .number(projection.rates.output.approximateDouble), .input)
            sheet.set(row, 7, .number(projection.deploymentPerHour?.approximateDouble ?? 0), .input)
            let daysToShutdown = projection.shutdown.map { Double($0.daysSinceEpoch - goLive.daysSinceEpoch) }
            sheet.set(row, 8, daysToShutdown.map { .number($0) } ?? .blank, .input)
            sheet.set(row, 9, .formula("=B\(r)*Epochs*C\(r)/1000000+D\(r)*E\(r)", value: projection.training.cost.approximateDouble), .money)
            sheet.set(row, 10, .formula("=J\(r)+DataGenerationCost+EvaluationCost", value: projection.oneTimeCost.total.approximateDouble), .money)
            sheet.set(row, 11, .formula("=TeacherCostPerRequest", value: expected.teacherCostPerRequest.approximateDouble), .moneyPrecise)
            sheet.set(row, 12, .formula(
                "=(StudentInputTokens*F\(r)+StudentOutputTokens*G\(r))/1000000+IF(DailyVolume>0,H\(r)*24/DailyVolume,0)",
                value: expected.studentCostPerRequest.approximateDouble), .moneyPrecise)
            sheet.set(row, 13, .formula("=L\(r)-M\(r)", value: expected.savingsPerRequest.approximateDouble), .moneyPrecise)
            sheet.set(row, 14, .formula("=N\(r)*DailyVolume*DaysPerMonth", value: expected.monthlySavings.approximateDouble), .money)
            let requestsValue: Spreadsheet.Value
            let daysValue: Spreadsheet.Value
            switch (expected.breakEvenRequests, expected.payback) {
            case (.after(let count), .reached(let point)):
                requestsValue = .formula("=IF(N\(r)>0,IF(K\(r)>0,CEILING(K\(r)/N\(r),1),0),\"never\")", value: Double(count))
                daysValue = .formula("=IF(N\(r)>0,IF(K\(r)>0,CEILING(P\(r)/DailyVolume,1),0),\"never\")", value: Double(point.days))
            default:
                requestsValue = .text("never")
                daysValue = .text("never")
            }
            sheet.set(row, 15, requestsValue, .integer)
            sheet.set(row, 16, daysValue, .integer)
            for (index, figure) in projection.roi.enumerated() {
                let horizon = "Horizon\(index + 1)"
                let days = "IF(ISNUMBER(I\(r)),MAX(0,MIN(\(horizon),I\(r))),\(horizon))"
                sheet.set(row, 17 + index, .formula(
                    "=IF(K\(r)>0,(N\(r)*DailyVolume*\(days)-K\(r))/K\(r),\"\")", value: figure.roi?.approximateDouble ?? 0), .percent)
            }
            let recoveredColumn = 17 + projection.roi.count
            if let recovered = projection.recoveredByShutdown {
                sheet.set(row, recoveredColumn, .formula(
                    "=IF(AND(K\(r)>0,ISNUMBER(I\(r))),N\(r)*DailyVolume*MAX(0,I\(r))/K\(r),\"\")", value: recovered.approximateDouble), .percent)
            }
            sheet.set(row, recoveredColumn + 1, .text(candidate.qualityGate.text))
        }
        sheet.frozenRows = headerRow + 1
        return sheet
    }

    // MARK: Other sheets

    private func summarySheet() -> Spreadsheet.Sheet {
        var sheet = Spreadsheet.Sheet(name: "Summary")
        sheet.columnWidths = [120]
        sheet.set(0, 0, .text(title), .title)
        sheet.set(1, 0, .text("Go-live \(goLive); teacher \(teacher.model); amounts in \(currency)."), .note)
        var row = 3
        if approximateTokens {
            sheet.set(row, 0, .text("APPROXIMATE token counts (--approximate-tokens): training costs may be far off."), .header)
            row += 2
        }
        sheet.set(row, 0, .text(recommendation.headline), .header)
        for reason in recommendation.reasons {
            row += 1
            sheet.set(row, 0, .text(reason))
        }
        row += 2
        for note in notes {
            sheet.set(row, 0, .text(note), .note)
            row += 1
        }
        return sheet
    }

    private func rangesSheet() -> Spreadsheet.Sheet {
        var sheet = Spreadsheet.Sheet(name: "Ranges")
        sheet.columnWidths = [44, 10, 14, 14, 14, 14, 14, 16, 16, 16, 14, 40, 14]
        sheet.set(0, 0, .text("Low / expected / high: \(spreads.basis)"), .note)
        let rows: [[(Spreadsheet.Value, Spreadsheet.Style)]] = candidates.flatMap { candidate -> [[(Spreadsheet.Value, Spreadsheet.Style)]] in
            guard let projection = candidate.projection else { return [] }
            return projection.ranges.map { scenario in
                [
                    (.text(candidate.model), .text), (.text(scenario.name), .text), (.number(Double(scenario.dailyRequests)), .integer),
                    (.number(Double(scenario.teacherUsage.input)), .integer), (.number(Double(scenario.teacherUsage.output)), .integer),
                    (.number(Double(scenario.studentUsage.input)), .integer), (.number(Double(scenario.studentUsage.output)), .integer),
                    (.number(scenario.studentCostPerRequest.approximateDouble), .moneyPrecise),
                    (.number(scenario.savingsPerRequest.approximateDouble), .moneyPrecise),
                    (.number(scenario.monthlySavings.approximateDouble), .money),
                    (scenario.breakEvenRequests.count.map { .number(Double($0)) } ?? .text("never"), .integer),
                    (.text(Self.paybackText(scenario.payback)), .text),
                    (scenario.longestHorizonROI.map { .number($0.approximateDouble) } ?? .blank, .percent),
                ]
            }
        }
        sheet.table(at: 2, headers: [
            "Candidate", "Case", "Daily requests", "Teacher input", "Teacher output", "Student input", "Student output",
            "Student cost per request", "Savings per request", "Monthly savings", "Break-even requests", "Payback",
            "ROI at \(horizonDays.max() ?? 0) days",
        ], rows: rows)
        sheet.frozenRows = 3
        return sheet
    }

    private func sensitivitySheet() -> Spreadsheet.Sheet {
        var sheet = Spreadsheet.Sheet(name: "Sensitivity")
        sheet.columnWidths = [44, 34] + Array(repeating: 10, count: Self.sensitivityChanges.count)
        sheet.set(0, 0, .text("Days to payback with one input changed, everything else held (blank = never)"), .note)
        let rows: [[(Spreadsheet.Value, Spreadsheet.Style)]] = candidates.flatMap { candidate -> [[(Spreadsheet.Value, Spreadsheet.Style)]] in
            guard let projection = candidate.projection else { return [] }
            return projection.sensitivity.map { row in
                [(.text(candidate.model), .text), (.text(row.parameter), .text)]
                    + row.cases.map { ($0.paybackDays.map { .number(Double($0)) } ?? .text("never"), .integer) }
            }
        }
        sheet.table(at: 2, headers: ["Candidate", "Input changed"] + Self.sensitivityChanges.map { ($0 > 0 ? "+" : "") + "\($0)%" }, rows: rows)
        sheet.frozenRows = 3
        return sheet
    }

    private func cumulativeSheet() -> Spreadsheet.Sheet {
        var sheet = Spreadsheet.Sheet(name: "Cumulative")
        let priced = candidates.filter { $0.projection != nil }
        sheet.columnWidths = [10] + Array(repeating: 22, count: priced.count * 2)
        let days = priced.first?.projection?.cumulative.map(\.day) ?? []
        let headers = ["Day"] + priced.flatMap { ["Savings: \($0.model)", "One-time: \($0.model)"] }
        let end = sheet.table(at: 0, headers: headers, rows: days.enumerated().map { index, day in
            [(.number(Double(day)), .integer)] + priced.flatMap { candidate -> [(Spreadsheet.Value, Spreadsheet.Style)] in
                guard let projection = candidate.projection else { return [] }
                return [
                    (.number(projection.cumulative[index].cumulativeSavings.approximateDouble), .money),
                    (.number(projection.oneTimeCost.total.approximateDouble), .money),
                ]
            }
        })
        sheet.frozenRows = 1
        if !priced.isEmpty, end > 1 {
            sheet.charts.append(Spreadsheet.Chart(
                kind: .line, title: "Cumulative savings (expected) against the one-time cost", xAxisTitle: "Days from go-live",
                yAxisTitle: currency,
                series: priced.enumerated().flatMap { index, candidate in
                    [
                        Spreadsheet.Chart.Series(
                            name: "Savings: \(candidate.model)", categories: Spreadsheet.range("Cumulative", column: 0, firstRow: 1, lastRow: end - 1),
                            values: Spreadsheet.range("Cumulative", column: 1 + 2 * index, firstRow: 1, lastRow: end - 1)),
                        Spreadsheet.Chart.Series(
                            name: "One-time: \(candidate.model)", categories: Spreadsheet.range("Cumulative", column: 0, firstRow: 1, lastRow: end - 1),
                            values: Spreadsheet.range("Cumulative", column: 2 + 2 * index, firstRow: 1, lastRow: end - 1)),
                    ]
                }, anchorRow: 1, anchorColumn: headers.count + 1))
        }
        return sheet
    }

    private func trainingFileSheet() -> Spreadsheet.Sheet {
        var sheet = Spreadsheet.Sheet(name: "Training file")
        sheet.columnWidths = [40, 60]
        var row = 0
        for file in trainingFiles + [validationFile].compactMap({ $0 }) {
            let lines: [(String, Spreadsheet.Value, Spreadsheet.Style)] = [
                ("File", .text(file.path), .text),
                ("Token counting", .text(file.counting + (file.isApproximate ? " (APPROXIMATE)" : "")), .text),
                ("Valid examples", .number(Double(file.examples)), .integer),
                ("Malformed examples", .number(Double(file.invalidExamples)), .integer),
                ("Tokens (all examples)", .number(Double(file.totalTokens)), .integer),
                ("Context limit per example", .number(Double(file.contextLimit)), .integer),
                ("Examples over the limit", .number(Double(file.examplesOverLimit)), .integer),
                ("Tokens lost to truncation", .number(Double(file.tokensLostToTruncation)), .integer),
                ("Billable tokens per epoch", .number(Double(file.billableTokensPerEpoch)), .integer),
                ("Tokens per example: min", file.tokensPerExample.map { .number(Double($0.minimum)) } ?? .blank, .integer),
                ("mean", file.tokensPerExample.map { .number($0.mean) } ?? .blank, .decimal),
                ("p50", file.tokensPerExample.map { .number($0.median) } ?? .blank, .decimal),
                ("p95", file.tokensPerExample.map { .number($0.p95) } ?? .blank, .decimal),
                ("max", file.tokensPerExample.map { .number(Double($0.maximum)) } ?? .blank, .integer),
            ]
            for line in lines {
                sheet.set(row, 0, .text(line.0))
                sheet.set(row, 1, line.1, line.2)
                row += 1
            }
            for issue in file.issues {
                sheet.set(row, 1, .text(issue), .note)
                row += 1
            }
            row += 1
        }
        sheet.set(row, 0, .text("Epochs"))
        sheet.set(row, 1, .text("\(epochs): \(epochsBasis)"))
        return sheet
    }

    private func sourcesSheet() -> Spreadsheet.Sheet {
        var sheet = Spreadsheet.Sheet(name: "Sources")
        sheet.columnWidths = [44, 60, 40, 40]
        var rows: [[(Spreadsheet.Value, Spreadsheet.Style)]] = [[
            (.text(teacher.model + " (teacher)"), .text), (.text(teacher.pricedAs), .text), (.text(Self.rates(teacher.rates)), .text),
            (.text(teacher.priceLocation), .text),
        ]]
        for candidate in candidates {
            guard let projection = candidate.projection else {
                rows.append([(.text(candidate.model), .text), (.text("\(candidate.status): \(candidate.missingProjectionReason ?? "")"), .text), (.blank, .text), (.blank, .text)])
                continue
            }
            rows.append([
                (.text(candidate.model), .text), (.text(candidate.pricedAs), .text), (.text(Self.rates(projection.rates)), .text),
                (.text(projection.priceLocation), .text),
            ])
            rows.append([
                (.text(candidate.model + " training"), .text), (.text(projection.training.description), .text), (.blank, .text),
                (.text(projection.training.priceLocation), .text),
            ])
        }
        var row = sheet.table(at: 0, headers: ["Model", "Priced as", "Rates per 1M", "Catalog entry"], rows: rows) + 1
        for candidate in candidates {
            for note in candidate.notes {
                sheet.set(row, 0, .text("\(candidate.model): \(note)"), .note)
                row += 1
            }
        }
        return sheet
    }
}
