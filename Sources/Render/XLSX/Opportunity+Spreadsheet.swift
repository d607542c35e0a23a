import CostModel
import DistillCore
import Reports

/// The weekly workbook's Opportunities sheet, present only when the report finds one: the same
/// rows as the section, money as numbers (the report's exact figures rounded to doubles).
extension [WeeklyReport.Opportunity] {
    func sheet(currency: String) -> Spreadsheet.Sheet {
        var sheet = Spreadsheet.Sheet(name: "Opportunities")
        sheet.columnWidths = [18, 30, 20, 12, 14, 14, 14, 18, 26, 16, 14, 40, 90, 90]
        sheet.set(0, 0, .text("Opportunities, largest monthly saving first (\(currency))"), .title)
        _ = sheet.table(
            at: 2,
            headers: [
                "Opportunity", "Model", "Use case", "Requests", "Spend", "Input tokens per request", "Output tokens per request",
                "Saves per month", "Student", "One-time cost", "Payback days", "Quality", "Finding and assumptions", "Command",
            ],
            rows: map { opportunity in
                [
                    (.text(opportunity.kindLabel), .text), (.text(opportunity.model), .text), (.text(opportunity.useCase ?? "all"), .text),
                    (.number(Double(opportunity.requests)), .integer), (Self.money(opportunity.spend), .money),
                    (.number(Double(opportunity.inputTokensPerRequest)), .integer),
                    (.number(Double(opportunity.outputTokensPerRequest)), .integer),
                    (Self.money(opportunity.monthlySavings), .money), (.text(opportunity.candidate ?? ""), .text),
                    (Self.money(opportunity.oneTimeCost), .money),
                    (opportunity.paybackDays.map { .number(Double($0)) } ?? .blank, .integer), (.text(opportunity.quality ?? ""), .text),
                    (.text(([opportunity.finding] + (opportunity.isUpperBound ? ["Upper bound."] : []) + opportunity.assumptions)
                        .joined(separator: " ")), .text),
                    (.text(opportunity.command), .text),
                ]
            })
        return sheet
    }

    private static func money(_ amount: Money?) -> Spreadsheet.Value { amount.map { .number($0.approximateDouble) } ?? .blank }
}
