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
        var sheet = Spreadsheet.Sheet(name: "Program")
        sheet.columnWidths = [46, 18, 24, 16, 14, 14, 14, 14, 30, 34, 40]
        sheet.set(0, 0, .text("Distillation program: \(students.count) students (\(currency))"), .title)
        var row = 2
        func figure(_ label: String, _ value: Spreadsheet.Value, _ style: Spreadsheet.Style) {
            sheet.set(row, 0, .text(label))
            sheet.set(row, 1, value, style)
            row += 1
        }
        let money = { (amount: Money) in Spreadsheet.Value.number(amount.approximateDouble) }
        figure("Spend this period", money(spend), .money)
        figure("Teacher-only cost (every student request served by its teacher)", money(teacherOnlyCost), .money)
        figure("Savings this period", money(savings), .money)
        figure("Student requests this period", .number(Double(studentRequests)), .integer)
        figure("Savings since go-live", money(savingsSinceGoLive), .money)
        let sinceGoLiveCell = "B\(row)"
        var sharedRows: [Int] = []
        for item in shared.items where !item.amount.isZero {
            sharedRows.append(row)
            figure("Shared one-time cost: \(item.label)", money(item.amount), .money)
        }
        let references = studentSheets.map { Spreadsheet.cell($0.sheet.name, row: $0.oneTimeTotalRow, column: 1) }
            + sharedRows.map { "B\($0 + 1)" }
        figure("One-time costs (every student's and the shared lines)", .formula("=" + references.joined(separator: "+"), value: oneTimeCost.approximateDouble), .money)
        let oneTimeCell = "B\(row)"
        figure(
            "Return on the one-time costs to date",
            returnToDate.map { .formula("=IF(\(oneTimeCell)=0,\"\",(\(sinceGoLiveCell)-\(oneTimeCell))/\(oneTimeCell))", value: $0) } ?? .blank,
            .percent)
        figure("Program break-even", .text(breakEven.summary), .text)
        row += 1
        sheet.table(
            at: row,
            headers: [
                "Student", "Teacher", "Use cases", "Live since", "Requests", "Savings", "Since go-live", "One-time cost",
                "Break-even", "Quality gate", "Status",
            ],
            rows: students.map { student in
                [
                    (.text(student.model), .text), (.text(student.roles.teacher), .text), (.text(student.useCases.joined(separator: ", ")), .text),
                    (.text(student.roles.goLive?.description ?? ""), .text), (.number(Double(student.headline.studentRequests)), .integer),
                    (money(student.headline.savings), .money), (money(student.headline.savingsSinceGoLive), .money),
                    (money(student.headline.oneTimeCost.total), .money), (.text(student.headline.breakEven.short), .text),
                    (.text(student.qualityText), .text), (.text(student.status), .text),
                ]
            })
        return [sheet] + studentSheets.map(\.sheet)
    }
}

extension WeeklyReport.StudentFigures {
    /// The student's figures, its one-time cost line by line and their total (`oneTimeTotalRow`).
    func sheet(name: String, currency: String) -> (sheet: Spreadsheet.Sheet, oneTimeTotalRow: Int) {
        var sheet = Spreadsheet.Sheet(name: name)
        sheet.columnWidths = [46, 24, 60]
        sheet.set(0, 0, .text("\(model) (\(currency))"), .title)
        var row = 2
        func figure(_ label: String, _ value: Spreadsheet.Value, _ style: Spreadsheet.Style) {
            sheet.set(row, 0, .text(label))
            sheet.set(row, 1, value, style)
            row += 1
        }
        let money = { (amount: Money) in Spreadsheet.Value.number(amount.approximateDouble) }
        figure("Teacher", .text(roles.teacher), .text)
        figure("Base model", .text(roles.baseStudent ?? ""), .text)
        figure("Use cases", .text(useCases.joined(separator: ", ")), .text)
        figure("Live since", .text(roles.goLive?.description ?? ""), .text)
        figure("Status", .text(status), .text)
        figure("Student requests this period", .number(Double(headline.studentRequests)), .integer)
        figure("Savings this period", money(headline.savings), .money)
        figure("Savings per student request", headline.savingsPerStudentRequest.map { money($0.rounded) } ?? .blank, .moneyPrecise)
        figure("Savings since go-live", money(headline.savingsSinceGoLive), .money)
        let firstLine = row
        for item in headline.oneTimeCost.items { figure("One-time cost: \(item.label)", money(item.amount), .money) }
        let total = row
        figure(
            "One-time cost", .formula("=SUM(B\(firstLine + 1):B\(row))", value: headline.oneTimeCost.total.approximateDouble), .money)
        figure("Break-even", .text(headline.breakEven.summary), .text)
        for figureROI in headline.roi {
            figure(
                "ROI at \(figureROI.months) months" + (figureROI.cappedAt.map { ", capped at shutdown \($0)" } ?? ""),
                figureROI.roi.map { .number($0) } ?? .blank, .percent)
        }
        figure("Quality gate", .text(qualityText), .text)
        if let retirement {
            figure("Shuts down", .text("\(retirement.shutdown), \(Estimate.days(retirement.daysLeft)) after this period"), .text)
            figure("Savings that stop, per month", retirement.cost.monthlySavingsLost.map(money) ?? .blank, .money)
            figure("One-time cost never recovered", money(retirement.cost.unrecoveredAtShutdown), .money)
        }
        sheet.set(row + 1, 0, .text(roles.reason), .note)
        return (sheet, total)
    }
}
