import DistillCore
import Store

/// Where a usage figure came from: per-request rows, or the usage API's aggregated buckets for a
/// day and model that has no per-request rows (never both: see DESIGN.md, "Double counting").
package enum UsageOrigin: String, Sendable, Hashable {
    case requests
    case usageBuckets = "usage buckets"
}

/// Token and request totals for one day, model, batch flag, service tier and project (and tag
/// value, when grouped by a tag): the unit a price period applies to.
package struct UsageRow: Sendable, Equatable {
    package var day: UTCDate
    package var model: String
    package var isBatch: Bool
    /// The API's `service_tier` (`default`, `flex`, `priority`, ...), or empty when not recorded.
    package var serviceTier: String
    package var project: String
    /// The value of the grouping tag; nil when the row has no such tag or no tags at all.
    package var tagValue: String?
    package var requests: Int64
    package var failed: Int64
    package var tokens: TokenUsage
    package var origin: UsageOrigin
    /// The exact sum of what the sources said these requests cost (USD decimal text), nil when
    /// none said; shown beside the computed cost, never added to it.
    package var reportedCost: String?
    /// How many of `requests` had a reported cost.
    package var reportedCostRequests: Int64

    /// The roll-up's input band (`InputBand`): 0 for requests of at most 128K input tokens, the
    /// exact input size of each request when above, -1 when sizes are unknown (aggregate rows,
    /// usage buckets). A per-request long-context rule is applied by it.
    package var inputBand: Int64

    package init(
        day: UTCDate, model: String, isBatch: Bool, serviceTier: String, project: String, tagValue: String?,
        requests: Int64, failed: Int64, tokens: TokenUsage, origin: UsageOrigin, reportedCost: String? = nil,
        reportedCostRequests: Int64 = 0, inputBand: Int64 = 0
    ) {
        self.day = day
        self.model = model
        self.isBatch = isBatch
        self.serviceTier = serviceTier
        self.project = project
        self.tagValue = tagValue
        self.requests = requests
        self.failed = failed
        self.tokens = tokens
        self.origin = origin
        self.reportedCost = reportedCost
        self.reportedCostRequests = reportedCostRequests
        self.inputBand = inputBand
    }
}
