import Analytics
import CostModel
import DistillCore

/// The weekly ROI report as one value: every figure the four renderers show is here, computed
/// once, so HTML, Markdown, XLSX and JSON cannot disagree. Money is exact (`Money`); doubles appear
/// only for statistics and ratios that are not sums of money.
public struct WeeklyReport: Sendable {
    public var title: String
    /// `2026-W48`, or `2026-11-01..2026-11-14` for a custom range.
    public var label: String
    public var range: DayRange
    public var previousRange: DayRange
    public var currency: String
    public var roles: Roles
    public var headline: Headline
    public var previousHeadline: Headline
    public var models: [ModelFigures]
    public var quality: Quality
    public var tagBreakdowns: [TagBreakdown]
    public var daily: [DailyFigures]
    public var cumulative: [CumulativePoint]
    public var sources: Sources
    public var assumptions: Assumptions

    /// Which model is the teacher, which the student, and why the report chose them.
    public struct Roles: Sendable {
        public var teacher: String
        public var student: String
        public var baseStudent: String?
        public var reason: String
        public var goLive: UTCDate?
        public var studentShutdown: UTCDate?
    }

    public struct Headline: Sendable {
        /// Computed cost of all priced traffic in scope.
        public var spend: Money
        /// The same traffic with every student request served by the teacher at the teacher's
        /// measured cost per request for that use case.
        public var teacherOnlyCost: Money
        public var savings: Money
        public var studentRequests: Int64
        public var requests: Int64
        public var savingsSinceGoLive: Money
        public var oneTimeCost: OneTimeCost
        /// Savings since go-live ÷ one-time cost; nil when there is no one-time cost.
        public var recoupedShare: Double?
        public var breakEven: BreakEvenStatus
        public var roi: [ROIFigure]
        public var savingsPerStudentRequest: MoneyPerRequest?
        public var dailyStudentVolume: Int64
    }

    public enum BreakEvenStatus: Sendable, Equatable {
        case reached(UTCDate)
        case projected(UTCDate)
        case afterShutdown(UTCDate, shutdown: UTCDate)
        case never(String)
        case noStudentTraffic

        /// A few words for a headline card; `summary` explains.
        public var short: String {
            switch self {
            case .reached(let date): return "reached \(date)"
            case .projected(let date): return date.description
            case .afterShutdown(let date, _): return "\(date), after shutdown"
            case .never: return "never"
            case .noStudentTraffic: return "no student traffic"
            }
        }

        public var summary: String {
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

    public struct ROIFigure: Sendable {
        public var months: Int
        public var horizonDays: Int64
        /// (savings over the horizon − one-time cost) ÷ one-time cost; nil when undefined.
        public var roi: Double?
        /// Set when the horizon was cut at the student's shutdown date.
        public var cappedAt: UTCDate?
    }

    public struct ModelFigures: Sendable {
        public var model: String
        public var role: String
        public var requests: Int64
        public var failedRequests: Int64
        public var tokens: TokenUsage
        /// nil when the model (or part of its traffic) could not be priced.
        public var cost: Money?
        public var costPerRequest: Money?
        public var costPerThousandRequests: Money?
        public var latency: LatencySummary?
        public var evalScore: MeanInterval?
        public var passRate: Double?
        /// Cost per request ÷ pass rate: what one passing answer costs.
        public var costPerPassingAnswer: Money?
        public var unpricedReason: String?
    }

    public struct Quality: Sendable {
        public var marginPoints: Double
        public var comparisons: [PairedComparison]
        public var runs: [EvalRunFigures]
    }

    public struct EvalRunFigures: Sendable {
        public var run: String
        public var model: String
        public var role: String
        public var items: Int
        public var score: MeanInterval?
        public var passRate: Double?
    }

    public struct TagBreakdown: Sendable {
        public var key: String
        public var rows: [TagRow]
    }

    public struct TagRow: Sendable {
        public var value: String
        public var requests: Int64
        public var studentRequests: Int64
        public var cost: Money
        public var unpricedRequests: Int64
    }

    public struct DailyFigures: Sendable {
        public var day: UTCDate
        public var model: String
        public var requests: Int64
        public var cost: Money?
        public var latency: LatencySummary?
    }

    /// Savings accumulated from go-live against the one-time cost: the break-even crossing.
    public struct CumulativePoint: Sendable {
        public var day: UTCDate
        public var savings: Money
        public var cumulativeSavings: Money
    }

    public struct Sources: Sendable {
        public var perDayOrigins: [OriginCount]
        public var unpriced: [UnpricedModel]
        public var pricesUsed: [PriceUsed]
        public var reconciliation: [ReconciliationLine]
        public var notes: [String]
    }

    public struct OriginCount: Sendable {
        public var model: String
        public var origin: String
        public var days: Int
        public var requests: Int64
    }

    public struct UnpricedModel: Sendable {
        public var model: String
        public var requests: Int64
        public var tokens: TokenUsage
        public var reason: String
    }

    public struct PriceUsed: Sendable {
        public var model: String
        public var catalogModel: String
        public var tier: String
        public var period: String
        public var rates: TokenRates
        public var location: String
        public var source: String
    }

    public struct ReconciliationLine: Sendable {
        public var day: UTCDate
        public var computed: Money
        public var billed: Money?
        public var difference: Money?
    }

    /// The inputs finance may change in the workbook; the Summary's formulas are built on them
    /// and must reproduce the headline figures.
    public struct Assumptions: Sendable {
        public var teacherCostPerRequest: MoneyPerRequest?
        public var studentCostPerRequest: MoneyPerRequest?
        public var dailyStudentVolume: Int64
        public var horizonDays: [Int64]
    }
}
