import CostModel
import DistillCore

extension WeeklyReport {
    /// A headline figure against the previous period of the same length.
    package struct FigureChange: Sendable {
        package enum Amount: Sendable {
            case money(Money)
            case count(Int64)

            var approximateDouble: Double {
                switch self {
                case .money(let money): return money.approximateDouble
                case .count(let count): return Double(count)
                }
            }
        }

        package var figure: String
        package var currentAmount: Amount
        package var previousAmount: Amount

        package var deltaAmount: Amount {
            switch (currentAmount, previousAmount) {
            case (.money(let now), .money(let before)): return .money(now - before)
            case (.count(let now), .count(let before)): return .count(now - before)
            default: return .count(0)
            }
        }

        /// Change relative to the previous value; nil when the previous value is zero.
        package var percent: Double? {
            let before = previousAmount.approximateDouble
            return before == 0 ? nil : (currentAmount.approximateDouble - before) / abs(before)
        }

    }

    /// Every headline figure, this period against the previous one; a baseline report has no
    /// student figures to compare.
    package var weekOverWeek: [FigureChange] {
        let now = headline, before = previousHeadline
        if isBaseline {
            return [
                FigureChange(figure: "spend", currentAmount: .money(now.spend), previousAmount: .money(before.spend)),
                FigureChange(figure: "requests", currentAmount: .count(now.requests), previousAmount: .count(before.requests)),
            ]
        }
        return [
            FigureChange(figure: "spend", currentAmount: .money(now.spend), previousAmount: .money(before.spend)),
            FigureChange(
                figure: "teacher-only cost", currentAmount: .money(now.teacherOnlyCost),
                previousAmount: .money(before.teacherOnlyCost)),
            FigureChange(figure: "savings", currentAmount: .money(now.savings), previousAmount: .money(before.savings)),
            FigureChange(
                figure: "savings since go-live", currentAmount: .money(now.savingsSinceGoLive),
                previousAmount: .money(before.savingsSinceGoLive)),
            FigureChange(figure: "requests", currentAmount: .count(now.requests), previousAmount: .count(before.requests)),
            FigureChange(
                figure: "student requests", currentAmount: .count(now.studentRequests),
                previousAmount: .count(before.studentRequests)),
        ]
    }
}
