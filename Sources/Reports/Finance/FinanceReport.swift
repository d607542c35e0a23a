import Analytics
import CostModel
import DistillCore

/// The finance month: computed cost per cost centre (a project, or the value of a metadata tag)
/// and model, beside the billed cost from the Costs API with the difference per line. Billed cost
/// is never added to computed cost.
package struct FinanceReport: Sendable {
    package var title: String
    /// `2026-11`.
    package var label: String
    package var range: DayRange
    package var currency: String
    /// `project`, or the metadata key used as cost centre.
    package var groupBy: String
    package var lines: [Line]
    package var groups: [Group]
    package var total: Group
    package var daily: [Day]
    package var unpriced: [WeeklyReport.UnpricedModel]
    package var pricesUsed: [WeeklyReport.PriceUsed]
    /// Computed beside reported cost per model; empty (and not shown) when no source reported one.
    package var reportedCost: [ReportedCostLine]
    package var notes: [String]

    package struct Line: Sendable {
        package var group: String
        package var model: String
        package var requests: Int64
        package var tokens: TokenUsage
        /// nil when any of the line's traffic is unpriced.
        package var cost: Money?
    }

    package struct Group: Sendable {
        package var group: String
        package var requests: Int64
        /// Cost of the priced traffic; `unpricedRequests` says what it leaves out.
        package var computed: Money
        package var unpricedRequests: Int64
        /// From the Costs API; nil when no billed cost was ingested for this group.
        package var billed: Money?
        package var difference: Money? { billed.map { $0 - computed } }
    }

    package struct Day: Sendable {
        package var day: UTCDate
        /// nil on a day without a single request: a gap in the series, not a drop to zero.
        package var computed: Money?
        package var billed: Money?
    }
}
