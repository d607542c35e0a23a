import Analytics
import CostModel
import DistillCore

/// The finance month: computed cost per cost centre (a project, or the value of a metadata tag)
/// and model, beside the billed cost from the Costs API with the difference per line. Billed cost
/// is never added to computed cost.
public struct FinanceReport: Sendable {
    public var title: String
    /// `2026-11`.
    public var label: String
    public var range: DayRange
    public var currency: String
    /// `project`, or the metadata key used as cost centre.
    public var groupBy: String
    public var lines: [Line]
    public var groups: [Group]
    public var total: Group
    public var daily: [Day]
    public var unpriced: [WeeklyReport.UnpricedModel]
    public var pricesUsed: [WeeklyReport.PriceUsed]
    public var notes: [String]

    public struct Line: Sendable {
        public var group: String
        public var model: String
        public var requests: Int64
        public var tokens: TokenUsage
        /// nil when any of the line's traffic is unpriced.
        public var cost: Money?
    }

    public struct Group: Sendable {
        public var group: String
        public var requests: Int64
        /// Cost of the priced traffic; `unpricedRequests` says what it leaves out.
        public var computed: Money
        public var unpricedRequests: Int64
        /// From the Costs API; nil when no billed cost was ingested for this group.
        public var billed: Money?
        public var difference: Money? { billed.map { $0 - computed } }
    }

    public struct Day: Sendable {
        public var day: UTCDate
        public var computed: Money
        public var billed: Money?
    }
}
