import CostModel
import DistillCore
import Reports

/// The opportunities section as display strings, one row per opportunity in the report's order.
extension WeeklyReport.Opportunity {
    /// "distil", "batch", "caching" as a reader says them.
    var kindLabel: String {
        switch kind {
        case .distil: return "Distil a student"
        case .batch: return "Batch API"
        case .caching: return "Prompt caching"
        }
    }

    /// "≤ $1.20" for a ceiling, "unpriced" when it cannot be computed.
    func monthlyText(currency: String) -> String {
        guard let monthlySavings else { return "unpriced" }
        return (isUpperBound ? "≤ " : "") + DisplayFormat.money(monthlySavings, currency: currency)
    }

    /// "$40.00 once, paid back in 12 days" for a distil opportunity with a candidate; "–" otherwise.
    func paybackText(currency: String) -> String {
        guard let oneTimeCost, let paybackDays else { return "–" }
        return "\(DisplayFormat.money(oneTimeCost, currency: currency)) once, paid back in \(Estimate.days(paybackDays))"
    }

    func templateRow(cell: (String) -> String, currency: String) -> [String: Any] {
        [
            "kind": kindLabel, "model": cell(model), "useCase": cell(useCase ?? "all"),
            "requests": DisplayFormat.count(requests), "spend": spend.map { DisplayFormat.money($0, currency: currency) } ?? "–",
            "perRequest": "\(DisplayFormat.count(inputTokensPerRequest)) in / \(DisplayFormat.count(outputTokensPerRequest)) out",
            "monthly": monthlyText(currency: currency), "candidate": cell(candidate ?? "–"),
            "payback": paybackText(currency: currency), "quality": cell(quality ?? "–"),
            "finding": cell(finding), "assumptions": cell(assumptions.joined(separator: " ")), "command": cell(command),
        ]
    }
}
