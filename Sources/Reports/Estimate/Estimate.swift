import Analytics
import CostModel
import DistillCore
import Statistics

/// The before-fine-tuning estimate as one value: per candidate student, what training costs, what
/// each request saves, when the one-time cost is earned back and the return at each horizon, with
/// ranges, a sensitivity table and a recommendation. HTML, Markdown, XLSX and JSON all render this
/// value, so their figures cannot disagree. Money is exact; doubles appear only in charts.
package struct Estimate: Sendable {
    package var title: String
    package var currency: String
    package var goLive: UTCDate
    package var teacher: Teacher
    package var trainingFiles: [TrainingFileFigures]
    package var validationFile: TrainingFileFigures?
    package var approximateTokens: Bool
    package var epochs: Int64
    package var epochsBasis: String
    package var traffic: EstimateInputs.Traffic
    package var ratios: EstimateInputs.StudentRatios
    package var spreads: Spreads
    package var oneTimeBasis: EstimateInputs.StoreOneTimeCosts
    package var horizonDays: [Int64]
    package var marginPoints: Double
    package var candidates: [Candidate]
    package var recommendation: Recommendation
    package var notes: [String]

    /// The teacher's price and cost per request on the traffic.
    package struct Teacher: Sendable {
        package var model: String
        package var pricedAs: String
        package var rates: TokenRates
        package var priceLocation: String
        package var period: String
        package var usage: TokenUsage
        package var costPerRequest: Money
        package var shutdown: UTCDate?
    }

    /// The uncertainty used for the low and high cases, in percent, each with its reason.
    package struct Spreads: Sendable {
        package var tokensPerRequest: Int64
        package var ratios: Int64
        package var volume: Int64
        package var basis: String
    }

    package struct Candidate: Sendable {
        package var model: String
        /// How the name was priced ("fine-tuned rates of gpt-4o-mini", "its own catalog entry").
        package var pricedAs: String
        /// Which training-file count it uses.
        package var counting: String
        /// nil when the candidate cannot be priced (`unpricedReason` says why; never $0) or is not
        /// an option at all (`unavailableReason`: it cannot be trained on the go-live day, or its
        /// base model is shut down by then), so no payback or shutdown figure reads as an option.
        package var projection: Projection?
        package var unpricedReason: String?
        package var unavailableReason: String?
        package var quality: PairedComparison?
        package var notes: [String]

        /// "not an option", "unpriced" or "priced".
        package var status: String {
            if unavailableReason != nil { return "not an option" }
            return projection == nil ? "unpriced" : "priced"
        }

        /// Why there is no projection, for a table cell.
        package var missingProjectionReason: String? {
            guard projection == nil else { return nil }
            return unavailableReason ?? unpricedReason ?? "no price"
        }

        /// Passed, failed, or no data: the gate beside every ROI figure.
        package var qualityGate: QualityGate {
            guard let quality else { return .noData }
            return quality.verdict == .nonInferior ? .passed : .notPassed(quality.verdict.rawValue)
        }
    }

    package enum QualityGate: Sendable, Equatable {
        case passed
        case notPassed(String)
        case noData

        package var text: String {
            switch self {
            case .passed: return "passed (non-inferior)"
            case .notPassed(let verdict): return "not passed (\(verdict))"
            case .noData: return "no quality data"
            }
        }
    }

    /// Training cost, inference prices and every figure that follows for one priced candidate.
    package struct Projection: Sendable {
        package var training: Training
        package var rates: TokenRates
        package var priceLocation: String
        /// Hourly price of a dedicated deployment, when the student is served on one.
        package var deploymentPerHour: ExactDecimal?
        /// 24 × the hourly price: the fixed cost of a day, whatever the traffic.
        package var deploymentPerDay: Money?
        package var shutdown: UTCDate?
        /// The expected case.
        package var expected: Scenario
        /// Pessimistic, expected and optimistic, in that order.
        package var ranges: [Scenario]
        package var oneTimeCost: OneTimeCost
        package var roi: [ROIFigure]
        /// Savings up to the shutdown date ÷ one-time cost; nil without a shutdown date.
        package var recoveredByShutdown: Ratio?
        package var sensitivity: [SensitivityRow]
        /// Cumulative savings from go-live at the expected case, cut at the shutdown.
        package var cumulative: [CumulativePoint]

        /// True when the one-time cost is earned back before the shutdown date and within the
        /// longest horizon.
        package var paysBack: Bool
    }

    package struct Training: Sendable {
        package enum Basis: Sendable {
            case perMillionTokens(rate: ExactDecimal, tokens: Int64)
            case perHour(rate: ExactDecimal, hours: ExactDecimal, hoursBasis: String)
        }

        package var basis: Basis
        package var billableTokensPerEpoch: Int64
        package var epochs: Int64
        package var cost: Money
        package var priceLocation: String

        package var description: String {
            switch basis {
            case .perMillionTokens(let rate, let tokens):
                return "\(DecimalFormatting.grouped(tokens)) tokens (\(DecimalFormatting.grouped(billableTokensPerEpoch)) per epoch × \(epochs) epochs) at \(rate) per 1M"
            case .perHour(let rate, let hours, let basis):
                return "\(hours) hours at \(rate) per hour (\(basis))"
            }
        }
    }

    /// The projection under one set of assumptions.
    package struct Scenario: Sendable {
        /// "low", "expected", "high".
        package var name: String
        package var dailyRequests: Int64
        package var teacherUsage: TokenUsage
        package var studentUsage: TokenUsage
        package var teacherCostPerRequest: MoneyPerRequest
        package var studentCostPerRequest: MoneyPerRequest
        package var savingsPerRequest: MoneyPerRequest
        /// Savings per request × daily requests × 30.
        package var monthlySavings: Money
        package var breakEvenRequests: BreakEvenRequests
        package var payback: Payback
        /// ROI at the longest horizon.
        package var longestHorizonROI: Ratio?
    }

    package struct ROIFigure: Sendable {
        package var horizonDays: Int64
        /// nil when the one-time cost is zero.
        package var roi: Ratio?
        /// Set when the horizon was cut at the shutdown date.
        package var cappedAt: UTCDate?
    }

    /// Break-even days when one input moves, each change in `changes` order.
    package struct SensitivityRow: Sendable {
        package var parameter: String
        package var cases: [SensitivityCase]
    }

    package struct CumulativePoint: Sendable {
        package var day: Int64
        package var cumulativeSavings: Money
    }

    package struct Recommendation: Sendable {
        package enum Verdict: Sendable, Equatable {
            case fineTune(String)
            case doNotFineTune
        }

        package var verdict: Verdict
        package var headline: String
        package var reasons: [String]

        package var model: String? {
            if case .fineTune(let model) = verdict { return model }
            return nil
        }
    }

    /// "1 day", "12 days".
    package static func days(_ count: Int64) -> String { DecimalFormatting.grouped(count) + (count == 1 ? " day" : " days") }

    package static let sensitivityChanges: [Int64] = [-50, -25, -10, 10, 25, 50]
    /// A month of savings is 30 days of traffic.
    package static let daysPerMonth: Int64 = 30
}
