import CostModel
import DistillCore

extension WeeklyReport {
    /// Where money is left on the table: one line of measured traffic priced at a cheaper way to
    /// serve it, with the command that gives the detailed figures. Monthly amounts are the
    /// period's amounts scaled to `Estimate.daysPerMonth` days, as the estimate scales them.
    package struct Opportunity: Sendable {
        package enum Kind: String, Sendable {
            /// A use case the teacher still serves alone: distil a student for it.
            case distil
            /// Offline traffic sent at interactive rates: send it through the Batch API.
            case batch
            /// Long prompts billed at the full input rate: cache them.
            case caching
        }

        package var kind: Kind
        package var model: String
        /// nil for caching, which is per model.
        package var useCase: String?
        /// Requests of the traffic concerned in the period.
        package var requests: Int64
        /// What that traffic cost in the period; nil when part of it is unpriced.
        package var spend: Money?
        package var inputTokensPerRequest: Int64
        package var outputTokensPerRequest: Int64
        /// The period's saving scaled to a month; nil when it cannot be priced.
        package var monthlySavings: Money?
        /// True when the saving is a ceiling, not a projection (caching: not every long prompt
        /// repeats a cacheable prefix).
        package var isUpperBound: Bool
        /// Distil only: the cheapest student candidate, its one-time cost and the days it takes
        /// the monthly savings to pay that back.
        package var candidate: String?
        package var oneTimeCost: Money?
        package var paybackDays: Int64?
        /// Distil only: whether an evaluation run covers the use case.
        package var quality: String?
        /// One sentence of the figures behind the saving.
        package var finding: String
        package var assumptions: [String]
        /// The command that gives the detailed estimate.
        package var command: String
    }
}
