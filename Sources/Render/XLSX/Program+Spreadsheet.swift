import CostModel
import DistillCore
import Reports

/// A multi-student weekly workbook's Program sheet and one sheet per student. Each student's
/// one-time cost is the sum of its lines; the Program's one-time cost is a live formula over
/// those totals plus the shared lines, so finance can change a line and see the program move.
extension WeeklyReport.Program {
    func sheets(students: [WeeklyReport.StudentFigures], currency: String) -> [Spreadsheet.Sheet] {
        let studentSheets = students.enumerated().map { index, student in
            student.sheet(name: "Student \(index + 1)", currency: currency)
        }
        var rows = FigureRows(name: "Program", title: "Distillation program: \(students.count) students (\(currency))")
        rows.sheet.columnWidths = [46, 18, 24, 16, 14, 14, 14, 14, 30, 34, 40]
        let money = FigureRows.money
        rows.add("Spend this period", money(spend), .money)
        rows.add("Teacher-only cost (every student request served by its teacher)", money(teacherOnlyCost), .money)
        rows.add("Savings this period", money(savings), .money)
        rows.add("Student requests this period", .number(Double(studentRequests)), .integer)
        let sinceGoLive = rows.add("Savings since go-live", money(savingsSinceGoLive), .money)
        let sharedCells = shared.items.filter { !$0.amount.isZero }.map { item in
            rows.add("Shared one-time cost: \(item.label)", money(item.amount), .money)
        }
        let references = studentSheets.map { Spreadsheet.cell($0.sheet.name, row: $0.oneTimeTotalRow, column: 1) } + sharedCells
        let oneTime = rows.add(
            "One-time costs (every student's and the shared lines)",
            .formula("=" + references.joined(separator: "+"), value: oneTimeCost.approximateDouble), .money)
        rows.add(
            "Return on the one-time costs to date",
            returnToDate.map { .formula("=IF(\(oneTime)=0,\"\",(\(sinceGoLive)-\(oneTime))/\(oneTime))", value: $0) } ?? .blank,
            .percent)
        rows.add("Program break-even", .text(breakEven.summary), .text)
        rows.sheet.table(
            at: rows.row + 1,
            headers: [
                "Student", "Teacher", "Use cases", "Live since", "Requests", "Savings", "Since go-live", "One-time cost",
                "Break-even", "Quality gate", "Status",
            ],
            rows: students.map { student in
                [
                    (.text(student.model), .text), (.text(student.roles.teacher), .text),
                    (.text(student.useCases.joined(separator: ", ")), .text), (.text(student.roles.goLive?.description ?? ""), .text),
                    (.number(Double(student.headline.studentRequests)), .integer), (money(student.headline.savings), .money),
                    (money(student.headline.savingsSinceGoLive), .money), (money(student.headline.oneTimeCost.total), .money),
                    (.text(student.headline.breakEven.short), .text), (.text(student.qualityText), .text),
                    (.text(student.status), .text),
                ]
            })
        return [rows.sheet] + studentSheets.map(\.sheet)
    }
}

extension WeeklyReport.StudentFigures {
    /// The student's figures, its one-time cost line by line and their total (`oneTimeTotalRow`).
    func sheet(name: String, currency: String) -> (sheet: Spreadsheet.Sheet, oneTimeTotalRow: Int) {
        var rows = FigureRows(name: name, title: "\(model) (\(currency))")
        rows.sheet.columnWidths = [46, 24, 60]
        let money = FigureRows.money
        rows.add("Teacher", .text(roles.teacher), .text)
        rows.add("Base model", .text(roles.baseStudent ?? ""), .text)
        rows.add("Use cases", .text(useCases.joined(separator: ", ")), .text)
        rows.add("Live since", .text(roles.goLive?.description ?? ""), .text)
        rows.add("Status", .text(status), .text)
        rows.add("Student requests this period", .number(Double(headline.studentRequests)), .integer)
        rows.add("Savings this period", money(headline.savings), .money)
        rows.add("Savings per student request", headline.savingsPerStudentRequest.map { money($0.rounded) } ?? .blank, .moneyPrecise)
        rows.add("Savings since go-live", money(headline.savingsSinceGoLive), .money)
        let lines = headline.oneTimeCost.items.map { rows.add("One-time cost: \($0.label)", money($0.amount), .money) }
        let totalRow = rows.row
        rows.add(
            "One-time cost",
            .formula("=SUM(\(lines.first ?? "B1"):\(lines.last ?? "B1"))", value: headline.oneTimeCost.total.approximateDouble),
            .money)
        rows.add("Break-even", .text(headline.breakEven.summary), .text)
        for figure in headline.roi {
            rows.add(
                "ROI at \(figure.months) months" + (figure.cappedAt.map { ", capped at shutdown \($0)" } ?? ""),
                figure.roi.map { .number($0) } ?? .blank, .percent)
        }
        rows.add("Quality gate", .text(qualityText), .text)
        if let retirement {
            rows.add("Shuts down", .text("\(retirement.shutdown), \(Estimate.days(retirement.daysLeft)) after this period"), .text)
            rows.add("Savings that stop, per month", retirement.cost.monthlySavingsLost.map(money) ?? .blank, .money)
            rows.add("One-time cost never recovered", money(retirement.cost.unrecoveredAtShutdown), .money)
        }
        rows.sheet.set(rows.row + 1, 0, .text(roles.reason), .note)
        return (rows.sheet, totalRow)
    }
}

/// A sheet of label / value rows under a title, written top to bottom.
private struct FigureRows {
    var sheet: Spreadsheet.Sheet
    /// The next row to write (0-based; the title is row 0, row 1 is left empty).
    var row = 2

    init(name: String, title: String) {
        sheet = Spreadsheet.Sheet(name: name)
        sheet.set(0, 0, .text(title), .title)
    }

    /// Writes the row and returns its value cell's A1 name, for formulas over it.
    @discardableResult
    mutating func add(_ label: String, _ value: Spreadsheet.Value, _ style: Spreadsheet.Style) -> String {
        sheet.set(row, 0, .text(label))
        sheet.set(row, 1, value, style)
        row += 1
        return "B\(row)"
    }

    /// Workbooks hold doubles: the report's exact amount, rounded once here.
    static func money(_ amount: Money) -> Spreadsheet.Value { .number(amount.approximateDouble) }
}
