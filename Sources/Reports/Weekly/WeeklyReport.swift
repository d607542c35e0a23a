import Analytics
import CostModel
import DistillCore
import Statistics

/// The weekly ROI report as one value: every figure the four renderers show is here, computed
/// once, so HTML, Markdown, XLSX and JSON cannot disagree. Money is exact (`Money`); doubles appear
/// only for statistics and ratios that are not sums of money.
package struct WeeklyReport: Sendable {
    package var title: String
    /// `2026-W48`, or `2026-11-01..2026-11-14` for a custom range.
    package var label: String
    package var range: DayRange
    package var previousRange: DayRange
    package var currency: String
    package var roles: Roles
    package var headline: Headline
    package var previousHeadline: Headline
    package var models: [ModelFigures]
    package var quality: Quality
    package var tagBreakdowns: [TagBreakdown]
    package var daily: [DailyFigures]
    package var cumulative: [CumulativePoint]
    package var sources: Sources
    package var assumptions: Assumptions
    /// Baseline reports only: the traffic a student could take, per model and use case.
    package var studentCandidates: [StudentCandidate]

    /// No student yet (no fine-tune with traffic, none named): spend, models, latency, failures
    /// and where a student would go, without savings, break-even, ROI or a quality gate.
    package var isBaseline: Bool { roles.student == nil }

    /// nil when neither the student nor the teacher retires within the window (section hidden).
    package var retirement: Retirement?

    /// Savings not yet taken (distil, batch, caching), largest monthly saving first.
    package var opportunities: [Opportunity] = []

    /// Every student that has served traffic, oldest go-live first (replaced versions included);
    /// empty in a baseline report.
    package var students: [StudentFigures] = []
    /// The program's totals; nil unless at least two students have served traffic.
    package var program: Program?

    /// Which model is the teacher, which the student, and why the report chose them.
    package struct Roles: Sendable {
        package var teacher: String
        /// nil in a baseline report: no fine-tuned model has traffic yet.
        package var student: String?
        package var baseStudent: String?
        package var reason: String
        package var goLive: UTCDate?
        package var studentShutdown: UTCDate?
    }

    package struct Headline: Sendable {
        /// Computed cost of all priced traffic in scope.
        package var spend: Money
        /// The same traffic with every student request served by the teacher at the teacher's
        /// measured cost per request for that use case.
        package var teacherOnlyCost: Money
        package var savings: Money
        package var studentRequests: Int64
        package var requests: Int64
        /// Requests and tokens (input + output) left out of `spend` because they have no price.
        package var unpricedRequests: Int64
        package var unpricedTokens: Int64
        package var savingsSinceGoLive: Money
        package var oneTimeCost: OneTimeCost
        /// Savings since go-live ÷ one-time cost; nil when there is no one-time cost.
        package var recoupedShare: Double?
        package var breakEven: BreakEvenStatus
        package var roi: [ROIFigure]
        package var savingsPerStudentRequest: MoneyPerRequest?
        package var dailyStudentVolume: Int64
    }

    package enum BreakEvenStatus: Sendable, Equatable {
        case reached(UTCDate)
        case projected(UTCDate)
        case afterShutdown(UTCDate, shutdown: UTCDate)
        case never(String)
        case noStudentTraffic

        package var isReached: Bool {
            if case .reached = self { return true }
            return false
        }

        /// A few words for a headline card; `summary` explains.
        package var short: String {
            switch self {
            case .reached(let date): return "reached \(date)"
            case .projected(let date): return date.description
            case .afterShutdown(let date, _): return "\(date), after shutdown"
            case .never: return "never"
            case .noStudentTraffic: return "no student traffic"
            }
        }

        package var summary: String {
            switch self {
            case .reached(let date): return "reached on \(date)"
            case .projected(let date): return "projected for \(date)"
            case .afterShutdown(let date, let shutdown):
                return "after the student's shutdown date (\(date), shutdown \(shutdown)): the one-time cost is never recovered"
            case .never(let reason): return "never at current savings (\(reason))"
            case .noStudentTraffic: return "no student traffic in this period"
            }
        }
    }

    package struct ROIFigure: Sendable {
        package var months: Int
        package var horizonDays: Int64
        /// (savings over the horizon − one-time cost) ÷ one-time cost; nil when undefined.
        package var roi: Double?
        /// Set when the horizon was cut at the student's shutdown date.
        package var cappedAt: UTCDate?
    }

    package struct ModelFigures: Sendable {
        package var model: String
        package var role: String
        package var requests: Int64
        package var failedRequests: Int64
        package var tokens: TokenUsage
        /// nil when the model (or part of its traffic) could not be priced.
        package var cost: Money?
        package var costPerRequest: Money?
        package var costPerThousandRequests: Money?
        package var latency: LatencySummary?
        package var evalScore: MeanInterval?
        package var passRate: Double?
        /// Cost per request ÷ pass rate: what one passing answer costs.
        package var costPerPassingAnswer: Money?
        package var unpricedReason: String?
    }

    package struct Quality: Sendable {
        package var marginPoints: Double
        package var comparisons: [PairedComparison]
        package var runs: [EvalRunFigures]
    }

    package struct EvalRunFigures: Sendable {
        package var run: String
        package var model: String
        package var role: String
        package var items: Int
        package var score: MeanInterval?
        package var passRate: Double?
    }

    /// Traffic of one model on one use case (one-time traffic excluded): what a student trained
    /// for that use case would take over.
    package struct StudentCandidate: Sendable {
        package var model: String
        package var useCase: String
        package var requests: Int64
        /// nil when part of the traffic is unpriced.
        package var cost: Money?
        package var costPerRequest: Money?
        /// Requests ÷ days in the period: a fraction, since a first week is often a few a day.
        package var requestsPerDay: Double
        /// This traffic's cost ÷ the period's spend; nil when unpriced or the spend is zero.
        package var shareOfSpend: Double?
    }

    package struct TagBreakdown: Sendable {
        package var key: String
        package var rows: [TagRow]
    }

    package struct TagRow: Sendable {
        package var value: String
        package var requests: Int64
        package var studentRequests: Int64
        package var cost: Money
        package var unpricedRequests: Int64
    }

    package struct DailyFigures: Sendable {
        package var day: UTCDate
        package var model: String
        package var requests: Int64
        package var cost: Money?
        package var latency: LatencySummary?
    }

    /// Savings accumulated from go-live against the one-time cost: the break-even crossing.
    package struct CumulativePoint: Sendable {
        package var day: UTCDate
        package var savings: Money
        package var cumulativeSavings: Money
    }

    package struct Sources: Sendable {
        package var perDayOrigins: [OriginCount]
        package var unpriced: [UnpricedModel]
        package var pricesUsed: [PriceUsed]
        package var reconciliation: [ReconciliationLine]
        /// Computed beside reported cost per model; empty (and not shown) when no source reported one.
        package var reportedCost: [ReportedCostLine]
        package var notes: [String]
    }

    package struct OriginCount: Sendable {
        package var model: String
        package var origin: String
        package var days: Int
        package var requests: Int64
    }

    package struct UnpricedModel: Sendable {
        package var model: String
        package var requests: Int64
        package var tokens: TokenUsage
        package var reason: String
    }

    package struct PriceUsed: Sendable {
        package var model: String
        package var catalogModel: String
        package var tier: String
        package var period: String
        package var rates: TokenRates
        package var location: String
        package var source: String
    }

    package struct ReconciliationLine: Sendable {
        package var day: UTCDate
        package var computed: Money
        package var billed: Money?
        package var difference: Money?
    }

    /// The inputs finance may change in the workbook; the Summary's formulas are built on them
    /// and must reproduce the headline figures.
    package struct Assumptions: Sendable {
        package var teacherCostPerRequest: MoneyPerRequest?
        package var studentCostPerRequest: MoneyPerRequest?
        package var dailyStudentVolume: Int64
        package var horizonDays: [Int64]
    }
}
