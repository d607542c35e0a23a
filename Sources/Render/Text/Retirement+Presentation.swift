import CostModel
import DistillCore
import Reports

/// The retirement section as display strings: nil hides the section.
extension WeeklyReport.Retirement {
    func templateContext(cell: (String) -> String, currency: String) -> [String: Any] {
        let money = { (amount: Money?) in DisplayFormat.money(amount, currency: currency) }
        let precise = { (amount: Money?) in DisplayFormat.precise(amount, currency: currency) }
        let options = ways.filter { $0.figures != nil }
        let notOptions = ways.filter { $0.figures == nil }
        var context: [String: Any] = [
            "windowDays": "\(windowDays)", "switchDate": switchDate.description,
            "dailyVolume": DisplayFormat.count(dailyVolume),
            "retiring": retiring.map { model -> [String: Any] in
                [
                    "role": model.role, "model": cell(model.model), "shutdown": model.shutdown.description,
                    "daysLeft": model.daysLeft == 0 ? "already shut down" : Estimate.days(model.daysLeft) + " left",
                    "source": cell(model.shutdownSource ?? "no source"),
                    "hasSuccessor": model.successor != nil, "successor": cell(model.successor ?? ""),
                ]
            },
            "options": options.map { way -> [String: Any] in
                let figures = way.figures
                return [
                    "kind": way.kind.rawValue, "model": cell(way.model), "pricedAs": cell(way.pricedAs),
                    "oneTime": money(figures?.oneTimeCost.total), "perRequest": precise(figures?.costPerRequest.rounded),
                    "monthly": money(figures?.monthlyCost),
                    "savings": figures?.savingsPerRequest.map { precise($0.rounded) } ?? "–",
                    "payback": Self.paybackText(figures?.payback),
                    "shutdown": figures?.shutdown?.description ?? "none announced",
                    "quality": cell(way.quality),
                    "trainingBasis": cell(figures?.trainingBasis ?? ""), "hasTrainingBasis": figures?.trainingBasis != nil,
                    "notes": way.notes.map(cell), "hasNotes": !way.notes.isEmpty,
                ]
            },
            "notOptions": notOptions.map { ["kind": $0.kind.rawValue, "model": cell($0.model), "reason": cell($0.reason ?? "")] },
            "hasNotOptions": !notOptions.isEmpty,
            "notes": notes.map(cell),
        ]
        if let cost {
            context["cost"] = [
                "oneTime": money(cost.oneTimeCost), "recoveredToDate": money(cost.recoveredToDate),
                "recoveredByShutdown": money(cost.recoveredByShutdown), "unrecovered": money(cost.unrecoveredAtShutdown),
                "monthlyLost": cost.monthlySavingsLost.map { money($0) } ?? "–",
            ]
        }
        return context
    }

    /// "none" for the way back (nothing to earn back), else the day the one-time cost is earned back.
    static func paybackText(_ payback: Payback?) -> String {
        switch payback {
        case nil: return "–"
        case .reached(let point)?: return "\(Estimate.days(point.days)) (\(point.date))"
        case .never(let reason)?: return "never: \(reason.rawValue)"
        }
    }
}
