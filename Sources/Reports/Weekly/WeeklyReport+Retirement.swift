import CostModel
import DistillCore

extension WeeklyReport {
    /// The student or the teacher retires within `windowDays` of the period's end: how long is
    /// left, what the retirement costs, and each way forward priced with the period's measured
    /// traffic. The report has none (the section is hidden) when nothing retires in the window.
    package struct Retirement: Sendable {
        package var windowDays: Int64
        /// The first day after the report's period: days left are counted from here.
        package var periodEnd: UTCDate
        package var retiring: [RetiringModel]
        /// What the student's retirement costs; nil when only the teacher retires.
        package var cost: RetirementCost?
        /// When traffic has to move: the earliest retirement, and the go-live of every way forward.
        package var switchDate: UTCDate
        /// Student requests a day in the period: the volume every way forward is priced at.
        package var dailyVolume: Int64
        /// The way back to the teacher (or its named successor) first, then each re-distilled
        /// student that is an option, cheapest a month first, then those that are not.
        package var ways: [WayForward]
        package var notes: [String]
    }

    package struct RetiringModel: Sendable {
        /// "student" or "teacher".
        package var role: String
        package var model: String
        package var shutdown: UTCDate
        /// Days from the period's end to the shutdown; 0 when it has already happened.
        package var daysLeft: Int64
        package var shutdownSource: String?
        package var successor: String?
    }

    /// The student stops serving: the savings stop, and whatever of the one-time cost has not been
    /// earned back by then never will be.
    package struct RetirementCost: Sendable {
        package var oneTimeCost: Money
        /// Savings since go-live up to the period's end ("return to date").
        package var recoveredToDate: Money
        /// Recovered to date plus the period's savings per request × daily volume × days left.
        package var recoveredByShutdown: Money
        /// One-time cost − recovered by shutdown, or zero when it is all earned back.
        package var unrecoveredAtShutdown: Money
        /// Savings per request × daily volume × 30: what stops each month after the shutdown.
        package var monthlySavingsLost: Money?
    }

    package struct WayForward: Sendable {
        package enum Kind: String, Sendable {
            case backToTeacher = "back to the teacher"
            case successor = "the teacher's successor"
            case redistil = "re-distil"
        }

        package var kind: Kind
        package var model: String
        /// How the model was priced ("fine-tuned gpt-4.1-mini rates", "own entry ...").
        package var pricedAs: String
        /// nil when the way is not an option or cannot be priced: `reason` says why.
        package var figures: WayFigures?
        package var reason: String?
        /// What is known of its quality from the measured eval runs.
        package var quality: String
        package var notes: [String]
    }

    package struct WayFigures: Sendable {
        package var oneTimeCost: OneTimeCost
        /// How the training line was counted (the measured training-set size and its price).
        package var trainingBasis: String?
        package var costPerRequest: MoneyPerRequest
        /// Cost per request × daily volume × 30.
        package var monthlyCost: Money
        /// Saved per request against the way back (to the teacher or its successor); nil for that
        /// way itself, or when the way back is unpriced.
        package var savingsPerRequest: MoneyPerRequest?
        /// When the one-time cost is earned back from the switch date; nil without a one-time cost.
        package var payback: Payback?
        package var shutdown: UTCDate?
    }
}
