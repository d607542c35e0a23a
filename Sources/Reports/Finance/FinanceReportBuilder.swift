import Analytics
import CostModel
import DistillCore
import Pricing
import Store

/// What `distill-roi report finance` was asked for.
package struct FinanceReportOptions: Sendable {
    /// The month to report; nil means the latest month with usage.
    package var month: CalendarMonth?
    /// `project`, or a metadata key used as cost centre.
    package var groupBy: String
    package var filters: [TagFilter]

    package init(month: CalendarMonth? = nil, groupBy: String = "project", filters: [TagFilter] = []) {
        self.month = month
        self.groupBy = groupBy
        self.filters = filters
    }
}

/// Assembles the finance month in one snapshot of the store.
package struct FinanceReportBuilder {
    let database: Database
    let catalog: PriceCatalog
    let options: FinanceReportOptions
    let month: CalendarMonth

    /// Resolves the month against the store; throws `ReportError.noUsage` on an empty store.
    package init(database: Database, catalog: PriceCatalog, options: FinanceReportOptions) throws {
        if let month = options.month {
            self.month = month
        } else {
            guard let span = try UsageQuery(database: database).span() else { throw ReportError.noUsage }
            self.month = CalendarMonth(containing: span.end.adding(days: -1))
        }
        self.database = database
        self.catalog = catalog
        self.options = options
    }

    package func build() throws -> FinanceReport {
        try database.snapshot {
            let byProject = options.groupBy == "project"
            let rows = try PricedUsage.price(
                UsageQuery(database: database).usage(
                    in: month.days, filters: options.filters, groupByTag: byProject ? nil : options.groupBy),
                with: catalog)
            let groupOf = { (row: UsageRow) -> String in
                byProject ? (row.project.isEmpty ? "(no project)" : row.project) : (row.tagValue ?? "(untagged)")
            }
            let billedLines = try BilledCostQuery(database: database).lines(in: month.days)
            var notes = PricedUsage.sizeNotes(rows)
            var billedByGroup: [String: Money] = [:]
            var billedByDay: [UTCDate: Money] = [:]
            var billedTotal: Money?
            for line in billedLines {
                guard let amount = Money(statedAmountText: line.amount), line.currency.uppercased() == "USD" else {
                    notes.append("A billed line of \(line.day) (\(line.amount) \(line.currency)) could not be read as USD and is left out.")
                    continue
                }
                billedByGroup[line.project.isEmpty ? "(no project)" : line.project, default: .zero] += amount
                billedByDay[line.day, default: .zero] += amount
                billedTotal = (billedTotal ?? .zero) + amount
            }
            if !byProject && !billedLines.isEmpty {
                notes.append("Billed cost is reported per project by the Costs API; it cannot be split by \(options.groupBy), so it is shown as a total only.")
            }
            let lines = Dictionary(grouping: rows) { "\(groupOf($0.row))\u{0}\($0.row.model)" }.map { _, rows in
                let totals = PricedTotals(rows)
                return FinanceReport.Line(
                    group: groupOf(rows[0].row), model: rows[0].row.model, requests: totals.requests, tokens: totals.tokens,
                    cost: totals.cost)
            }.sorted { ($0.group, $0.model) < ($1.group, $1.model) }
            let groups = Dictionary(grouping: rows) { groupOf($0.row) }.map { group, rows in
                let totals = PricedTotals(rows)
                return FinanceReport.Group(
                    group: group, requests: totals.requests, computed: totals.pricedCost,
                    unpricedRequests: totals.unpricedRequests, billed: byProject ? billedByGroup[group] : nil)
            }.sorted { $0.group < $1.group }
            let all = PricedTotals(rows)
            return FinanceReport(
                title: "Model costs, \(month)", label: month.description, range: month.days, currency: "USD",
                groupBy: options.groupBy, lines: lines, groups: groups,
                total: FinanceReport.Group(
                    group: "total", requests: all.requests, computed: all.pricedCost,
                    unpricedRequests: all.unpricedRequests, billed: billedTotal),
                daily: month.days.days.map { day in
                    let totals = PricedTotals(rows.filter { $0.row.day == day })
                    return FinanceReport.Day(
                        day: day, computed: totals.requests == 0 ? nil : totals.pricedCost, billed: billedByDay[day])
                },
                unpriced: PricedUsage.unpricedModels(rows), pricesUsed: PricedUsage.pricesUsed(rows),
                reportedCost: ReportedCostLine.lines(rows), notes: notes + ReportedCostLine.audioNotes(rows))
        }
    }
}
