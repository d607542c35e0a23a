import CostModel
import DistillCore
import Reports

extension FinanceReport: RenderableReport {
    var fileStem: String { "finance-\(label)" + (groupBy == "project" ? "" : "-by-\(groupBy)") }
    var templateName: String { "finance" }

    package func json() -> JSONValue {
        func group(_ group: Group) -> JSONValue {
            .object([
                ("group", .string(group.group)), ("requests", .integer(group.requests)),
                ("computed", .money(group.computed)), ("unpriced_requests", .integer(group.unpricedRequests)),
                ("billed", .money(group.billed)), ("difference", .money(group.difference)),
            ])
        }
        return .object([
            ("schema_version", .integer(1)), ("report", .string("finance")), ("title", .string(title)),
            ("month", .string(label)), ("from", .string(range.start.description)),
            ("to", .string(range.end.adding(days: -1).description)), ("currency", .string(currency)),
            ("group_by", .string(groupBy)),
            ("groups", .array(groups.map(group))), ("total", group(total)),
            ("lines", .array(lines.map { line in
                .object([
                    ("group", .string(line.group)), ("model", .string(line.model)), ("requests", .integer(line.requests)),
                    ("tokens", line.tokens.json), ("cost", .money(line.cost)),
                ])
            })),
            ("daily", .array(daily.map { day in
                .object([("day", .string(day.day.description)), ("computed", .money(day.computed)), ("billed", .money(day.billed))])
            })),
            ("unpriced", .array(unpriced.map { model in
                .object([("model", .string(model.model)), ("requests", .integer(model.requests)), ("reason", .string(model.reason))])
            })),
            ("notes", .array(notes.map(JSONValue.string))),
        ]).addingReportedCost(reportedCost)
    }

    func templateContext(format: TextFormat, chartLinks: [String: String]) -> [String: Any] {
        let cell = format.escapeData
        func groupRow(_ group: Group) -> [String: String] {
            [
                "group": cell(group.group), "requests": DisplayFormat.count(group.requests),
                "computed": DisplayFormat.money(group.computed),
                "unpriced": group.unpricedRequests > 0 ? "\(DisplayFormat.count(group.unpricedRequests)) unpriced" : "",
                "billed": group.billed.map { DisplayFormat.money($0) } ?? "–",
                "difference": group.difference.map { DisplayFormat.money($0) } ?? "–",
            ]
        }
        var context: [String: Any] = [:]
        context["heading"] = format.heading(title, keepingTogether: label)
        context["title"] = cell(title)
        context["range"] = range.description
        context["currency"] = currency
        context["groupBy"] = cell(groupBy)
        context["groups"] = groups.map(groupRow)
        context["total"] = groupRow(total)
        context["lines"] = lines.map { line in
            [
                "group": cell(line.group), "model": cell(line.model), "requests": DisplayFormat.count(line.requests),
                "input": DisplayFormat.count(line.tokens.input), "output": DisplayFormat.count(line.tokens.output),
                "cost": DisplayFormat.money(line.cost),
            ]
        }
        context["unpriced"] = unpriced.map { ["model": cell($0.model), "requests": DisplayFormat.count($0.requests), "reason": cell($0.reason)] }
        context["hasUnpriced"] = !unpriced.isEmpty
        context["prices"] = pricesUsed.map { price in
            [
                "model": cell(price.model), "catalogModel": cell(price.catalogModel), "tier": price.tier,
                "period": price.period, "location": cell(price.location),
            ]
        }
        context["reportedCost"] = reportedCost.map { $0.templateRow(cell: cell, currency: currency) }
        context["hasReportedCost"] = !reportedCost.isEmpty
        context["notes"] = notes.map(cell)
        context["hasNotes"] = !notes.isEmpty
        context["charts"] = charts().map { ["name": $0.name, "title": $0.chart.title, "svg": $0.chart.render(), "link": chartLinks[$0.name] ?? ""] }
        return context
    }

    func charts() -> [(name: String, chart: SVGChart)] {
        let labels = daily.map { String($0.day.description.dropFirst(8)) }
        var series = [SVGChart.Series(name: "computed", values: daily.map { $0.computed?.approximateDouble ?? .nan })]
        if daily.contains(where: { $0.billed != nil }) {
            series.append(SVGChart.Series(name: "billed (Costs API)", values: daily.map { $0.billed?.approximateDouble ?? .nan }, dashed: true))
        }
        return [("daily-cost", SVGChart(
            title: "Cost by day, \(label)", kind: .lines, categories: labels, series: series, yAxisLabel: currency,
            valueFormat: { "$" + DecimalFormatting.fixed($0, places: $0 < 10 ? 2 : 0) }))]
    }

    /// Month (groups with the difference as a live formula), Lines, Daily and Sources.
    func spreadsheet() -> Spreadsheet {
        var month = Spreadsheet.Sheet(name: "Month")
        month.columnWidths = [34, 12, 16, 16, 18, 16]
        month.set(0, 0, .text(title), .title)
        month.set(1, 0, .text("\(range) (UTC), amounts in \(currency); billed cost from the Costs API, never added in"), .note)
        let headers = ["\(groupBy)", "Requests", "Computed cost", "Billed cost", "Billed − computed", "Unpriced requests"]
        let firstRow = 3
        func rowValues(_ group: Group, row: Int) -> [(Spreadsheet.Value, Spreadsheet.Style)] {
            let billed: Spreadsheet.Value = group.billed.map { .number($0.approximateDouble) } ?? .blank
            let difference: Spreadsheet.Value = group.billed.map { billed in
                .formula("=IF(ISNUMBER(D\(row + 1)),D\(row + 1)-C\(row + 1),\"\")", value: (billed - group.computed).approximateDouble)
            } ?? .blank
            return [
                (.text(group.group), .text), (.number(Double(group.requests)), .integer),
                (.number(group.computed.approximateDouble), .money), (billed, .money), (difference, .money),
                (.number(Double(group.unpricedRequests)), .integer),
            ]
        }
        let end = month.table(at: firstRow, headers: headers, rows: groups.enumerated().map { rowValues($1, row: firstRow + 1 + $0) })
        var totalRow = rowValues(total, row: end)
        totalRow[0] = (.text("Total"), .header)
        if !groups.isEmpty {
            totalRow[2] = (.formula("=SUM(C\(firstRow + 2):C\(end))", value: total.computed.approximateDouble), .money)
        }
        for (column, cellValue) in totalRow.enumerated() { month.set(end, column, cellValue.0, cellValue.1) }
        month.frozenRows = firstRow + 1
        month.autofilter = (firstRow, end - 1, headers.count - 1)

        var linesSheet = Spreadsheet.Sheet(name: "Lines")
        linesSheet.columnWidths = [30, 48, 12, 16, 16, 16, 16]
        let lineEnd = linesSheet.table(
            at: 0, headers: [groupBy, "Model", "Requests", "Input tokens", "Cached tokens", "Output tokens", "Cost"],
            rows: lines.map { line in
                [
                    (.text(line.group), .text), (.text(line.model), .text), (.number(Double(line.requests)), .integer),
                    (.number(Double(line.tokens.input)), .integer), (.number(Double(line.tokens.cachedInput)), .integer),
                    (.number(Double(line.tokens.output)), .integer),
                    (line.cost.map { .number($0.approximateDouble) } ?? .text("unpriced"), .money),
                ]
            })
        linesSheet.frozenRows = 1
        linesSheet.autofilter = (0, lineEnd - 1, 6)

        var dailySheet = Spreadsheet.Sheet(name: "Daily")
        dailySheet.columnWidths = [12, 16, 16]
        dailySheet.table(at: 0, headers: ["Day", "Computed cost", "Billed cost"], rows: daily.map { day in
            [
                (.number(WeeklyReport.excelSerial(day.day)), .date), (day.computed.map { .number($0.approximateDouble) } ?? .blank, .money),
                (day.billed.map { .number($0.approximateDouble) } ?? .blank, .money),
            ]
        })
        dailySheet.frozenRows = 1
        dailySheet.charts.append(Spreadsheet.Chart(
            kind: .line, title: "Cost by day", xAxisTitle: "Day", yAxisTitle: currency,
            series: [
                .init(name: "Computed", categories: Spreadsheet.range("Daily", column: 0, firstRow: 1, lastRow: daily.count),
                      values: Spreadsheet.range("Daily", column: 1, firstRow: 1, lastRow: daily.count)),
                .init(name: "Billed", categories: Spreadsheet.range("Daily", column: 0, firstRow: 1, lastRow: daily.count),
                      values: Spreadsheet.range("Daily", column: 2, firstRow: 1, lastRow: daily.count)),
            ], anchorRow: 1, anchorColumn: 4, categoryNumberFormat: WeeklyReport.dateAxisFormat))

        var sources = Spreadsheet.Sheet(name: "Sources")
        sources.columnWidths = [48, 40, 10, 26, 50]
        var row = sources.table(at: 0, headers: ["Unpriced model", "Why", "Requests"], rows: unpriced.map { model in
            [(.text(model.model), .text), (.text(model.reason), .text), (.number(Double(model.requests)), .integer)]
        }) + 1
        row = sources.table(at: row, headers: ["Model", "Priced as", "Tier", "Period", "Catalog entry"], rows: pricesUsed.map { price in
            [(.text(price.model), .text), (.text(price.catalogModel), .text), (.text(price.tier), .text),
             (.text(price.period), .text), (.text(price.location), .text)]
        }) + 1
        if !reportedCost.isEmpty {
            row = sources.table(
                at: row,
                headers: ["Model", "Requests", "With a reported cost", "Computed cost", "Reported cost", "Reported − computed"],
                rows: reportedCost.map { line in
                    [(.text(line.model), .text), (.number(Double(line.requests)), .integer),
                     (.number(Double(line.reportedRequests)), .integer),
                     (line.computed.map { .number($0.approximateDouble) } ?? .text("unpriced"), .money),
                     (.number(line.reported.approximateDouble), .money),
                     (line.difference.map { .number($0.approximateDouble) } ?? .blank, .money)]
                }) + 1
        }
        for note in notes {
            sources.set(row, 0, .text(note), .note)
            row += 1
        }
        var workbook = Spreadsheet(sheets: [month, linesSheet, dailySheet, sources])
        workbook.title = title
        workbook.createdAt = range.endSeconds
        return workbook
    }
}
