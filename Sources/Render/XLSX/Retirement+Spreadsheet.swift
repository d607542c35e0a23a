import CostModel
import DistillCore
import Reports

/// The weekly workbook's Retirement sheet, present only when the report has the section: who
/// retires, what it costs, and the ways forward. A way's monthly cost is a live formula over the
/// daily volume cell (B4), stored with the report's exact figure rounded to a double.
extension WeeklyReport.Retirement {
    func sheet(currency: String) -> Spreadsheet.Sheet {
        var sheet = Spreadsheet.Sheet(name: "Retirement")
        sheet.columnWidths = [24, 46, 16, 18, 16, 18, 14, 14, 16, 40, 70]
        sheet.set(0, 0, .text("Retirement within \(windowDays) days of \(periodEnd)"), .title)
        sheet.set(2, 0, .text("Switch date"))
        sheet.set(2, 1, .number(WeeklyReport.excelSerial(switchDate)), .date)
        sheet.set(3, 0, .text("Daily student volume"))
        sheet.set(3, 1, .number(Double(dailyVolume)), .input)
        var row = sheet.table(
            at: 5, headers: ["Role", "Model", "Shutdown", "Days left", "Successor", "Source"],
            rows: retiring.map { model in
                [(.text(model.role), .text), (.text(model.model), .text), (.number(WeeklyReport.excelSerial(model.shutdown)), .date),
                 (.number(Double(model.daysLeft)), .integer), (.text(model.successor ?? ""), .text), (.text(model.shutdownSource ?? ""), .text)]
            }) + 1
        if let cost {
            let lines: [(String, Money?)] = [
                ("One-time cost (\(currency))", cost.oneTimeCost), ("Returned to date (\(currency))", cost.recoveredToDate),
                ("Returned by the shutdown (\(currency))", cost.recoveredByShutdown),
                ("Not recovered at the shutdown (\(currency))", cost.unrecoveredAtShutdown),
                ("Savings that stop, per month (\(currency))", cost.monthlySavingsLost),
            ]
            row = sheet.table(at: row, headers: ["What the retirement costs", "Value"], rows: lines.map { label, amount in
                [(.text(label), .text), (amount.map { .number($0.approximateDouble) } ?? .blank, .money)]
            }) + 1
        }
        let headers = [
            "Way", "Model", "One-time cost", "Cost per request", "Per month", "Saves per request", "Payback days", "Payback date",
            "Retires", "Quality", "Priced as / why not an option",
        ]
        for (column, header) in headers.enumerated() { sheet.set(row, column, .text(header), .header) }
        for way in ways {
            row += 1
            sheet.set(row, 0, .text(way.kind.rawValue))
            sheet.set(row, 1, .text(way.model))
            sheet.set(row, 9, .text(way.quality))
            guard let figures = way.figures else {
                sheet.set(row, 10, .text("not an option: \(way.reason ?? "")"), .note)
                continue
            }
            sheet.set(row, 2, .number(figures.oneTimeCost.total.approximateDouble), .money)
            sheet.set(row, 3, .number(figures.costPerRequest.approximateDouble), .moneyPrecise)
            sheet.set(row, 4, .formula("=D\(row + 1)*$B$4*\(Estimate.daysPerMonth)", value: figures.monthlyCost.approximateDouble), .money)
            sheet.set(row, 5, figures.savingsPerRequest.map { .number($0.approximateDouble) } ?? .blank, .moneyPrecise)
            sheet.set(row, 6, figures.payback?.days.map { .number(Double($0)) } ?? .blank, .integer)
            sheet.set(row, 7, figures.payback?.date.map { .number(WeeklyReport.excelSerial($0)) } ?? .blank, .date)
            sheet.set(row, 8, figures.shutdown.map { .number(WeeklyReport.excelSerial($0)) } ?? .text("none announced"), .date)
            sheet.set(row, 10, .text(([way.pricedAs] + [figures.trainingBasis].compactMap { $0 } + way.notes).joined(separator: "; ")))
        }
        row += 2
        for note in notes {
            sheet.set(row, 0, .text(note), .note)
            row += 1
        }
        return sheet
    }
}
