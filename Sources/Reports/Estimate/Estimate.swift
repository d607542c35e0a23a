import Analytics
import CostModel
import DistillCore

/// The before-fine-tuning estimate as one value: per candidate student, what training costs, what
/// each request saves, when the one-time cost is earned back and the return at each horizon, with
/// ranges, a sensitivity table and a recommendation. HTML, Markdown, XLSX and JSON all render this
/// value, so their figures cannot disagree. Money is exact; doubles appear only in charts.
public struct Estimate: Sendable {
    public var title: String
    public var currency: String
    public var goLive: UTCDate
    public var teacher: Teacher
    public var trainingFiles: [TrainingFileFigures]
    public var validationFile: TrainingFileFigures?
    public var approximateTokens: Bool
    public var epochs: Int64
    public var epochsBasis: String
    public var traffic: EstimateInputs.Traffic
    public var ratios: EstimateInputs.StudentRatios
    public var spreads: Spreads
    public var oneTimeBasis: EstimateInputs.StoreOneTimeCosts
    public var horizonDays: [Int64]
    public var marginPoints: Double
    public var candidates: [Candidate]
    public var recommendation: Recommendation
    public var notes: [String]

    /// The teacher's price and cost per request on the traffic.
    public struct Teacher: Sendable {
        public var model: String
        public var pricedAs: String
        public var rates: TokenRates
        public var priceLocation: String
        public var period: String
        public var usage: TokenUsage
        public var costPerRequest: Money
        public var shutdown: UTCDate?
    }

    /// The uncertainty used for the low and high cases, in percent, each with its reason.
    public struct Spreads: Sendable {
        public var tokensPerRequest: Int64
        public var ratios: Int64
        public var volume: Int64
        public var basis: String
    }

    public struct Candidate: Sendable {
        public var model: String
        /// How the name was priced ("fine-tuned rates of gpt-4o-mini", "its own catalog entry").
        public var pricedAs: String
        /// Which training-file count it uses.
        public var counting: String
        /// nil when the candidate cannot be priced; `unpricedReason` says why. Never $0.
        public var projection: Projection?
        public var unpricedReason: String?
        public var quality: PairedComparison?
        public var notes: [String]

        /// Passed, failed, or no data: the gate beside every ROI figure.
        public var qualityGate: QualityGate {
            guard let quality else { return .noData }
            return quality.verdict == .nonInferior ? .passed : .notPassed(quality.verdict.rawValue)
        }
    }

    public enum QualityGate: Sendable, Equatable {
        case passed
        case notPassed(String)
        case noData

        public var text: String {
            switch self {
            case .passed: return "passed (non-inferior)"
            case .notPassed(let verdict): return "not passed (\(verdict))"
            case .noData: return "no quality data"
            }
        }
    }

    /// Training cost, inference prices and every figure that follows for one priced candidate.
    public struct Projection: Sendable {
        public var training: Training
        public var rates: TokenRates
        public var priceLocation: String
        /// Hourly price of a dedicated deployment, when the student is served on one.
        public var deploymentPerHour: ExactDecimal?
        /// 24 × the hourly price: the fixed cost of a day, whatever the traffic.
        public var deploymentPerDay: Money?
        public var shutdown: UTCDate?
        /// The expected case.
        public var expected: Scenario
        /// Pessimistic, expected and optimistic, in that order.
        public var ranges: [Scenario]
        public var oneTimeCost: OneTimeCost
        public var roi: [ROIFigure]
        /// Savings up to the shutdown date ÷ one-time cost; nil without a shutdown date.
        public var recoveredByShutdown: Ratio?
        public var sensitivity: [SensitivityRow]
        /// Cumulative savings from go-live at the expected case, cut at the shutdown.
        public var cumulative: [CumulativePoint]

        /// True when the one-time cost is earned back before the shutdown date and within the
        /// longest horizon.
        public var paysBack: Bool
    }

    public struct Training: Sendable {
        public enum Basis: Sendable {
            case perMillionTokens(rate: ExactDecimal, tokens: Int64)
            case perHour(rate: ExactDecimal, hours: ExactDecimal, hoursBasis: String)
        }

        public var basis: Basis
        public var billableTokensPerEpoch: Int64
        public var epochs: Int64
        public var cost: Money
        public var priceLocation: String

        public var description: String {
            switch basis {
            case .perMillionTokens(let rate, let tokens):
                return "\(DecimalFormatting.grouped(tokens)) tokens (\(DecimalFormatting.grouped(billableTokensPerEpoch)) per epoch × \(epochs) epochs) at \(rate) per 1M"
            case .perHour(let rate, let hours, let basis):
                return "\(hours) hours at \(rate) per hour (\(basis))"
            }
        }
    }

    /// The projection under one set of assumptions.
    public struct Scenario: Sendable {
        /// "low", "expected", "high".
        public var name: String
        public var dailyRequests: Int64
        public var teacherUsage: TokenUsage
        public var studentUsage: TokenUsage
        public var teacherCostPerRequest: MoneyPerRequest
        public var studentCostPerRequest: MoneyPerRequest
        public var savingsPerRequest: MoneyPerRequest
        /// Savings per request × daily requests × 30.
        public var monthlySavings: Money
        public var breakEvenRequests: BreakEvenRequests
        public var payback: Payback
        /// ROI at the longest horizon.
        public var longestHorizonROI: Ratio?
    }

    public struct ROIFigure: Sendable {
        public var horizonDays: Int64
        /// nil when the one-time cost is zero.
        public var roi: Ratio?
        /// Set when the horizon was cut at the shutdown date.
        public var cappedAt: UTCDate?
    }

    /// Break-even days when one input moves, each change in `changes` order.
    public struct SensitivityRow: Sendable {
        public var parameter: String
        public var cases: [SensitivityCase]
    }

    public struct CumulativePoint: Sendable {
        public var day: Int64
        public var cumulativeSavings: Money
    }

    public struct Recommendation: Sendable {
        public enum Verdict: Sendable, Equatable {
            case fineTune(String)
            case doNotFineTune
        }

        public var verdict: Verdict
        public var headline: String
        public var reasons: [String]

        public var model: String? {
            if case .fineTune(let model) = verdict { return model }
            return nil
        }
    }

    /// "1 day", "12 days".
    static func days(_ count: Int64) -> String { DecimalFormatting.grouped(count) + (count == 1 ? " day" : " days") }

    public static let sensitivityChanges: [Int64] = [-50, -25, -10, 10, 25, 50]
    /// A month of savings is 30 days of traffic.
    public static let daysPerMonth: Int64 = 30
}
