import CostModel
import DistillCore
import Reports

/// The weekly report as a workbook: Summary, Models, Quality, Daily, Tags, Assumptions, Sources, and
/// Retirement when the student or teacher retires soon, Opportunities when there are any, and
/// Program with a sheet per student when several students have served traffic; a baseline report (no student yet) has
/// Summary, Candidates, Models, Daily, Tags and Sources.
///
/// The Assumptions sheet holds what finance may change (costs per request, volume, one-time
/// costs, horizons); the Summary's savings, break-even and ROI cells are live formulas over them,
/// each stored with the value the report computed, so a viewer that never recalculates shows the
/// same figure as the JSON.
extension WeeklyReport {
    func spreadsheet() -> Spreadsheet {
        var workbook = Spreadsheet()
        workbook.title = title
        workbook.createdAt = range.endSeconds
        if isBaseline {
            workbook.sheets = [baselineSummarySheet(), candidatesSheet(), modelsSheet(), dailySheet(), tagsSheet(), sourcesSheet()]
                + opportunitiesSheets
            return workbook
        }
        let assumptions = assumptionsSheet()
        workbook.definedNames = assumptions.names
        workbook.sheets = [
            summarySheet(), modelsSheet(), qualitySheet(), dailySheet(), tagsSheet(), assumptions.sheet, sourcesSheet(),
        ] + (retirement.map { [$0.sheet(currency: currency)] } ?? []) + opportunitiesSheets
            + (program?.sheets(students: students, currency: currency) ?? [])
        return workbook
    }

    /// The Opportunities sheet, or none when the report finds no opportunity.
    private var opportunitiesSheets: [Spreadsheet.Sheet] { opportunities.isEmpty ? [] : [opportunities.sheet(currency: currency)] }

    // MARK: Assumptions

    /// Named input cells; names make the Summary's formulas readable (`=StudentRequests*(...)`).
    private static let inputNames = [
        "TeacherCostPerRequest", "StudentCostPerRequest", "StudentRequests", "DailyStudentVolume", "TrainingCost",
        "DataGenerationCost", "EvaluationCost", "SavedSinceGoLive", "DaysToShutdown", "OtherOneTimeCost",
    ]

    /// The one-time cost as a formula over the inputs; the lines of one-time costs files are one
    /// input, present only when there are any (a workbook without them keeps its layout).
    private var oneTimeCostSum: String {
        let standard = "TrainingCost+DataGenerationCost+EvaluationCost"
        return headline.oneTimeCost.other.isEmpty ? standard : standard + "+OtherOneTimeCost"
    }

    private var savingsPerRequestValue: Double {
        (assumptions.teacherCostPerRequest?.approximateDouble ?? 0) - (assumptions.studentCostPerRequest?.approximateDouble ?? 0)
    }

    private func assumptionsSheet() -> (sheet: Spreadsheet.Sheet, names: [(name: String, reference: String)]) {
        var sheet = Spreadsheet.Sheet(name: "Assumptions")
        sheet.columnWidths = [46, 18, 60]
        sheet.set(0, 0, .text("Assumptions: change the yellow cells; the Summary recalculates"), .title)
        let daysToShutdown: Double? = roles.studentShutdown.flatMap { shutdown in
            roles.goLive.map { Double(shutdown.daysSinceEpoch - $0.daysSinceEpoch) }
        }
        var inputs: [(String, Double?, Spreadsheet.Style, String)] = [
            ("Teacher cost per request (\(currency))", assumptions.teacherCostPerRequest?.approximateDouble, .moneyPrecise,
             "measured on the teacher's traffic of the same use cases"),
            ("Student cost per request (\(currency))", assumptions.studentCostPerRequest?.approximateDouble, .moneyPrecise,
             "measured on the student's traffic this period"),
            ("Student requests this period", Double(headline.studentRequests), .integer, "successful, excluding evaluation calls"),
            ("Daily student volume", Double(assumptions.dailyStudentVolume), .integer, "student requests this period ÷ days"),
            ("Training cost (\(currency))", headline.oneTimeCost.training.approximateDouble, .money, "fine-tuning jobs"),
            ("Teacher data generation (\(currency))", headline.oneTimeCost.teacherDataGeneration.approximateDouble, .money,
             "teacher requests stored for distillation"),
            ("Evaluation (\(currency))", headline.oneTimeCost.evaluation.approximateDouble, .money, "evaluation calls and runs"),
            ("Savings since go-live (\(currency))", headline.savingsSinceGoLive.approximateDouble, .money, "measured"),
            ("Days from go-live to the student's shutdown", daysToShutdown, .integer,
             roles.studentShutdown.map { "shutdown \($0)" } ?? "no shutdown announced: leave empty"),
        ]
        let other = headline.oneTimeCost.other
        if !other.isEmpty {
            inputs.append(
                ("Other one-time costs (\(currency))", other.map(\.amount).sum().approximateDouble, .money,
                 other.map(\.label).joined(separator: "; ")))
        }
        var names: [(String, String)] = []
        for (offset, input) in inputs.enumerated() {
            let row = offset + 2
            sheet.set(row, 0, .text(input.0))
            sheet.set(row, 1, input.1.map { .number($0) } ?? .blank, .input)
            sheet.set(row, 2, .text(input.3), .note)
            names.append((Self.inputNames[offset], "=" + Spreadsheet.cell("Assumptions", row: row, column: 1)))
        }
        let horizonRow = inputs.count + 3
        sheet.set(horizonRow, 0, .text("ROI horizons (days from go-live)"), .header)
        for (offset, figure) in headline.roi.enumerated() {
            sheet.set(horizonRow + 1 + offset, 0, .text("\(figure.months) months"))
            sheet.set(horizonRow + 1 + offset, 1, .number(Double(figure.horizonDays)), .input)
            names.append(("Horizon\(figure.months)Months", "=" + Spreadsheet.cell("Assumptions", row: horizonRow + 1 + offset, column: 1)))
        }
        return (sheet, names)
    }

    // MARK: Summary

    private func summarySheet() -> Spreadsheet.Sheet {
        var sheet = Spreadsheet.Sheet(name: "Summary")
        sheet.columnWidths = [44, 20, 70]
        sheet.set(0, 0, .text(title), .title)
        sheet.set(1, 0, .text("\(range) (UTC), amounts in \(currency)"), .note)
        sheet.set(2, 0, .text("Teacher \(roles.teacher); student \(roles.student ?? "none"). \(roles.reason)."), .note)
        let perRequest = savingsPerRequestValue
        let oneTime = headline.oneTimeCost.total.approximateDouble
        let remaining = max(0, oneTime - headline.savingsSinceGoLive.approximateDouble)
        var rows: [(String, Spreadsheet.Value, Spreadsheet.Style, String)] = [
            ("Spend this period", .number(headline.spend.approximateDouble), .money, "computed cost of all priced traffic"),
            ("Teacher-only cost", .number(headline.teacherOnlyCost.approximateDouble), .money, "the same traffic without the student"),
            ("Savings per student request", .formula("=TeacherCostPerRequest-StudentCostPerRequest", value: perRequest),
             .moneyPrecise, "live: Assumptions"),
            ("Savings this period", .formula("=StudentRequests*(TeacherCostPerRequest-StudentCostPerRequest)",
                value: headline.savings.approximateDouble), .money, "live: Assumptions"),
            ("One-time cost", .formula("=\(oneTimeCostSum)", value: oneTime), .money,
             "training + teacher data generation + evaluation"),
            ("Savings since go-live", .formula("=SavedSinceGoLive", value: headline.savingsSinceGoLive.approximateDouble),
             .money, "measured"),
            ("Share of one-time cost recouped", .formula(
                "=IF(\(oneTimeCostSum)>0,SavedSinceGoLive/(\(oneTimeCostSum)),0)",
                value: headline.recoupedShare ?? 0), .percent, ""),
            ("Still to recover", .formula(
                "=MAX(0,\(oneTimeCostSum)-SavedSinceGoLive)", value: remaining), .money, ""),
        ]
        let daysFormula =
            "=IF((TeacherCostPerRequest-StudentCostPerRequest)*DailyStudentVolume>0,CEILING(CEILING(MAX(0,\(oneTimeCostSum)-SavedSinceGoLive)/(TeacherCostPerRequest-StudentCostPerRequest),1)/DailyStudentVolume,1),\"never\")"
        switch breakEvenDaysFromEnd {
        case .some(let days):
            rows.append(("Days to break-even after this period", .formula(daysFormula, value: Double(days)), .integer,
                         "at the daily volume; \"never\" when the student saves nothing"))
        case nil where headline.breakEven != .noStudentTraffic:
            rows.append(("Days to break-even after this period", .textFormula(daysFormula, value: "never"), .integer,
                         "at the daily volume; \"never\" when the student saves nothing"))
        case nil:
            break
        }
        for figure in headline.roi {
            let horizon = "Horizon\(figure.months)Months"
            let days = "IF(ISNUMBER(DaysToShutdown),MAX(0,MIN(\(horizon),DaysToShutdown)),\(horizon))"
            rows.append(("ROI at \(figure.months) months", .formula(
                "=IF(\(oneTimeCostSum)>0,((TeacherCostPerRequest-StudentCostPerRequest)*DailyStudentVolume*\(days)-(\(oneTimeCostSum)))/(\(oneTimeCostSum)),0)",
                value: figure.roi ?? 0), .percent,
                figure.cappedAt.map { "capped at the shutdown date \($0)" } ?? "from go-live at the daily volume"))
        }
        sheet.set(4, 0, .text("Figure"), .header)
        sheet.set(4, 1, .text("Value"), .header)
        sheet.set(4, 2, .text("Basis"), .header)
        for (offset, row) in rows.enumerated() {
            sheet.set(5 + offset, 0, .text(row.0))
            sheet.set(5 + offset, 1, row.1, row.2)
            sheet.set(5 + offset, 2, .text(row.3), .note)
        }
        let statusRow = 6 + rows.count
        sheet.set(statusRow, 0, .text("Break-even"))
        sheet.set(statusRow, 1, .text(headline.breakEven.summary))
        if let unpriced = unpricedNote { sheet.set(statusRow + 1, 0, .text(unpriced), .note) }
        return sheet
    }

    /// Beside the spend that leaves them out: "Not in the spend: + 4 unpriced requests, …".
    private var unpricedNote: String? {
        headline.unpricedRequests == 0 ? nil : "Not in the spend: \(headline.unpricedNote) (see Sources)"
    }

    /// No student yet: what the traffic costs, with no savings, break-even or ROI to compute.
    private func baselineSummarySheet() -> Spreadsheet.Sheet {
        var sheet = Spreadsheet.Sheet(name: "Summary")
        sheet.columnWidths = [44, 20, 70]
        sheet.set(0, 0, .text(title), .title)
        sheet.set(1, 0, .text("\(range) (UTC), amounts in \(currency)"), .note)
        sheet.set(2, 0, .text("Baseline report, no student yet. \(roles.reason)."), .note)
        let rows: [(String, Spreadsheet.Value, Spreadsheet.Style, String)] = [
            ("Spend this period", .number(headline.spend.approximateDouble), .money, "computed cost of all priced traffic"),
            ("Requests", .number(Double(headline.requests)), .integer, "all models"),
            ("Unpriced requests", .number(Double(headline.unpricedRequests)), .integer, "left out of the spend, never counted as zero"),
            ("Most used model", .text(roles.teacher), .text, "what a student would replace"),
        ]
        sheet.table(at: 4, headers: ["Figure", "Value", "Basis"], rows: rows.map { [(.text($0.0), .text), ($0.1, $0.2), (.text($0.3), .note)] })
        if let unpriced = unpricedNote { sheet.set(6 + rows.count, 0, .text(unpriced), .note) }
        return sheet
    }

    /// Where a student would go: each model's traffic per use case, largest cost first.
    private func candidatesSheet() -> Spreadsheet.Sheet {
        var sheet = Spreadsheet.Sheet(name: "Candidates")
        sheet.columnWidths = [40, 28, 12, 12, 14, 16, 14]
        let headers = ["Model", "Use case", "Requests", "Per day", "Cost", "Cost per request", "Share of spend"]
        let end = sheet.table(at: 0, headers: headers, rows: studentCandidates.map { candidate in
            [
                (.text(candidate.model), .text), (.text(candidate.useCase), .text),
                (.number(Double(candidate.requests)), .integer), (.number(candidate.requestsPerDay), .decimal),
                (Self.money(candidate.cost), .money), (Self.money(candidate.costPerRequest), .moneyPrecise),
                (Self.number(candidate.shareOfSpend), .percent),
            ]
        })
        sheet.frozenRows = 1
        sheet.autofilter = (0, end - 1, headers.count - 1)
        return sheet
    }

    /// The report's projected days from the end of the range, for the formula's stored value;
    /// nil when there is no number of days (never, or no student traffic).
    private var breakEvenDaysFromEnd: Int? {
        switch headline.breakEven {
        case .projected(let date), .afterShutdown(let date, _): return date.daysSinceEpoch - range.end.daysSinceEpoch
        case .reached: return 0
        case .never, .noStudentTraffic: return nil
        }
    }

    // MARK: Tables

    private func modelsSheet() -> Spreadsheet.Sheet {
        var sheet = Spreadsheet.Sheet(name: "Models")
        sheet.columnWidths = [48, 12, 11, 9, 14, 14, 14, 12, 14, 14, 14, 11, 11, 11, 11, 12, 10, 14]
        let headers = [
            "Model", "Role", "Requests", "Failed", "Input tokens", "Cached tokens", "Output tokens", "Reasoning tokens",
            "Cost", "Cost per request", "Cost per 1K requests", "p50 ms", "p90 ms", "p95 ms", "p99 ms", "Eval score",
            "Pass rate", "Cost per passing answer",
        ]
        let end = sheet.table(at: 0, headers: headers, rows: models.map { model in
            [
                (.text(model.model), .text), (.text(model.role), .text), (.number(Double(model.requests)), .integer),
                (.number(Double(model.failedRequests)), .integer), (.number(Double(model.tokens.input)), .integer),
                (.number(Double(model.tokens.cachedInput)), .integer), (.number(Double(model.tokens.output)), .integer),
                (.number(Double(model.tokens.reasoning)), .integer), (Self.money(model.cost), .money),
                (Self.money(model.costPerRequest), .moneyPrecise), (Self.money(model.costPerThousandRequests), .money),
                (Self.number(model.latency?.p50), .decimal), (Self.number(model.latency?.p90), .decimal),
                (Self.number(model.latency?.p95), .decimal), (Self.number(model.latency?.p99), .decimal),
                (Self.number(model.evalScore?.mean), .percent), (Self.number(model.passRate), .percent),
                (Self.money(model.costPerPassingAnswer), .moneyPrecise),
            ]
        })
        sheet.frozenRows = 1
        sheet.autofilter = (0, end - 1, headers.count - 1)
        return sheet
    }

    private func qualitySheet() -> Spreadsheet.Sheet {
        var sheet = Spreadsheet.Sheet(name: "Quality")
        sheet.columnWidths = [48, 30, 12, 12, 14, 14, 14, 14, 12, 28]
        let headers = [
            "Candidate", "Against", "Paired items", "Unpaired items", "Difference (points)", "95% CI low", "95% CI high",
            "Only candidate passed", "McNemar p", "Verdict",
        ]
        var end = sheet.table(at: 0, headers: headers, rows: quality.comparisons.map { comparison in
            [
                (.text(comparison.candidate), .text), (.text(comparison.reference), .text),
                (.number(Double(comparison.pairedItems)), .integer), (.number(Double(comparison.unpairedItems)), .integer),
                (Self.number(comparison.difference?.mean), .decimal), (Self.number(comparison.difference?.low), .decimal),
                (Self.number(comparison.difference?.high), .decimal), (.number(Double(comparison.candidateOnlyPassed)), .integer),
                (Self.number(comparison.mcNemarPValue), .decimal), (.text(comparison.verdict.rawValue), .text),
            ]
        })
        sheet.frozenRows = 1
        sheet.autofilter = (0, end - 1, headers.count - 1)
        end += 1
        sheet.table(at: end, headers: ["Eval run", "Model", "Role", "Items", "Mean score", "95% CI low", "95% CI high", "Pass rate"],
                    rows: quality.runs.map { run in
            [
                (.text(run.run), .text), (.text(run.model), .text), (.text(run.role), .text),
                (.number(Double(run.items)), .integer), (Self.number(run.score?.mean), .percent),
                (Self.number(run.score?.low), .percent), (Self.number(run.score?.high), .percent),
                (Self.number(run.passRate), .percent),
            ]
        })
        return sheet
    }

    /// Wide by model (one row per day) so native charts can stack models, then the cumulative
    /// savings against the one-time cost.
    private func dailySheet() -> Spreadsheet.Sheet {
        var sheet = Spreadsheet.Sheet(name: "Daily")
        let modelNames = Array(Set(daily.map(\.model))).sorted()
        let days = range.days
        let headers = ["Day"] + modelNames.map { "Cost: \($0)" } + modelNames.map { "Requests: \($0)" }
        sheet.columnWidths = [12] + Array(repeating: 22, count: modelNames.count * 2)
        let end = sheet.table(at: 0, headers: headers, rows: days.map { day in
            let figures = modelNames.map { model in daily.first { $0.day == day && $0.model == model } }
            return [(.number(Self.excelSerial(day)), .date)]
                + figures.map { (Self.money($0?.cost), .money) }
                + figures.map { (.number(Double($0?.requests ?? 0)), .integer) }
        })
        sheet.frozenRows = 1
        sheet.autofilter = (0, end - 1, headers.count - 1)
        sheet.charts.append(Spreadsheet.Chart(
            kind: .stackedColumn, title: "Cost by day", xAxisTitle: "Day", yAxisTitle: currency,
            series: modelNames.enumerated().map { index, model in
                .init(name: model, categories: Spreadsheet.range("Daily", column: 0, firstRow: 1, lastRow: days.count),
                      values: Spreadsheet.range("Daily", column: 1 + index, firstRow: 1, lastRow: days.count))
            }, anchorRow: 1, anchorColumn: headers.count + 1, categoryNumberFormat: Self.dateAxisFormat))
        guard !cumulative.isEmpty else { return sheet }
        let cumulativeStart = end + 2
        let cumulativeEnd = sheet.table(
            at: cumulativeStart, headers: ["Day", "Savings", "Cumulative savings", "One-time cost"],
            rows: cumulative.map { point in
                [
                    (.number(Self.excelSerial(point.day)), .date), (.number(point.savings.approximateDouble), .money),
                    (.number(point.cumulativeSavings.approximateDouble), .money),
                    (.number(headline.oneTimeCost.total.approximateDouble), .money),
                ]
            })
        if cumulativeEnd > cumulativeStart + 1 {
            let first = cumulativeStart + 1, last = cumulativeEnd - 1
            sheet.charts.append(Spreadsheet.Chart(
                kind: .line, title: "Cumulative savings against the one-time cost", xAxisTitle: "Day", yAxisTitle: currency,
                series: [
                    .init(name: "Cumulative savings", categories: Spreadsheet.range("Daily", column: 0, firstRow: first, lastRow: last),
                          values: Spreadsheet.range("Daily", column: 2, firstRow: first, lastRow: last)),
                    .init(name: "One-time cost", categories: Spreadsheet.range("Daily", column: 0, firstRow: first, lastRow: last),
                          values: Spreadsheet.range("Daily", column: 3, firstRow: first, lastRow: last)),
                ], anchorRow: 18, anchorColumn: headers.count + 1, categoryNumberFormat: Self.dateAxisFormat))
        }
        return sheet
    }

    private func tagsSheet() -> Spreadsheet.Sheet {
        var sheet = Spreadsheet.Sheet(name: "Tags")
        sheet.columnWidths = [16, 36, 12, 16, 14, 16]
        let headers = ["Tag", "Value", "Requests"] + (isBaseline ? [] : ["Student requests"]) + ["Cost", "Unpriced requests"]
        let rows = tagBreakdowns.flatMap { breakdown in
            breakdown.rows.map { row -> [(Spreadsheet.Value, Spreadsheet.Style)] in
                [(.text(breakdown.key), .text), (.text(row.value), .text), (.number(Double(row.requests)), .integer)]
                    + (isBaseline ? [] : [(.number(Double(row.studentRequests)), .integer)])
                    + [(.number(row.cost.approximateDouble), .money), (.number(Double(row.unpricedRequests)), .integer)]
            }
        }
        let end = sheet.table(at: 0, headers: headers, rows: rows)
        sheet.frozenRows = 1
        sheet.autofilter = (0, end - 1, headers.count - 1)
        return sheet
    }

    private func sourcesSheet() -> Spreadsheet.Sheet {
        var sheet = Spreadsheet.Sheet(name: "Sources")
        sheet.columnWidths = [48, 30, 12, 26, 12, 12, 12, 50]
        var row = sheet.table(at: 0, headers: ["Model", "Source of usage", "Days", "Requests"], rows: sources.perDayOrigins.map { origin in
            [(.text(origin.model), .text), (.text(origin.origin), .text), (.number(Double(origin.days)), .integer),
             (.number(Double(origin.requests)), .integer)]
        })
        sheet.frozenRows = 1
        row += 1
        row = sheet.table(at: row, headers: ["Unpriced model", "Why", "Requests", "Input tokens", "Output tokens"],
                          rows: sources.unpriced.map { model in
            [(.text(model.model), .text), (.text(model.reason), .text), (.number(Double(model.requests)), .integer),
             (.number(Double(model.tokens.input)), .integer), (.number(Double(model.tokens.output)), .integer)]
        }) + 1
        row = sheet.table(
            at: row, headers: ["Model", "Priced as", "Tier", "Period", "Input /1M", "Cached /1M", "Output /1M", "Catalog entry"],
            rows: sources.pricesUsed.map { price in
                [(.text(price.model), .text), (.text(price.catalogModel), .text), (.text(price.tier), .text),
                 (.text(price.period), .text), (.number(price.rates.input.approximateDouble), .decimal),
                 (Self.number(price.rates.cachedInput?.approximateDouble), .decimal),
                 (.number(price.rates.output.approximateDouble), .decimal), (.text(price.location), .text)]
            }) + 1
        row = sheet.table(at: row, headers: ["Day", "Computed cost", "Billed cost", "Billed − computed"],
                          rows: sources.reconciliation.map { line in
            [(.number(Self.excelSerial(line.day)), .date), (.number(line.computed.approximateDouble), .money),
             (Self.money(line.billed), .money), (Self.money(line.difference), .money)]
        }) + 1
        if !sources.reportedCost.isEmpty {
            row = sheet.table(
                at: row,
                headers: ["Model", "Requests", "With a reported cost", "Computed cost", "Reported cost", "Reported − computed"],
                rows: sources.reportedCost.map { line in
                    [(.text(line.model), .text), (.number(Double(line.requests)), .integer),
                     (.number(Double(line.reportedRequests)), .integer), (Self.money(line.computed), .money),
                     (.number(line.reported.approximateDouble), .money), (Self.money(line.difference), .money)]
                }) + 1
        }
        for note in sources.notes {
            sheet.set(row, 0, .text(note), .note)
            row += 1
        }
        return sheet
    }

    private static func money(_ amount: Money?) -> Spreadsheet.Value { amount.map { .number($0.approximateDouble) } ?? .text("unpriced") }
    private static func number(_ value: Double?) -> Spreadsheet.Value { value.map(Spreadsheet.Value.number) ?? .blank }

    /// The x-axis format of charts over days: the category cells are date serials.
    static let dateAxisFormat = "yyyy-mm-dd"

    /// Spreadsheet date serial: days since 1899-12-30 (1970-01-01 is 25569).
    static func excelSerial(_ day: UTCDate) -> Double { Double(day.daysSinceEpoch + 25_569) }
}
