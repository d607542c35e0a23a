import CostModel
import DistillCore
import Reports

/// `retirement` in the weekly JSON: null when nothing retires within the window. Money is an exact
/// decimal string; a way that is not an option or unpriced has null figures and a `reason`.
extension WeeklyReport.Retirement {
    func json() -> JSONValue {
        .object([
            ("window_days", .integer(windowDays)),
            ("period_end", .string(periodEnd.description)),
            ("switch_date", .string(switchDate.description)),
            ("daily_volume", .integer(dailyVolume)),
            ("retiring", .array(retiring.map { model in
                .object([
                    ("role", .string(model.role)), ("model", .string(model.model)), ("shutdown", .string(model.shutdown.description)),
                    ("days_left", .integer(model.daysLeft)), ("shutdown_source", .optionalString(model.shutdownSource)),
                    ("successor", .optionalString(model.successor)),
                ])
            })),
            ("cost", cost?.json() ?? .null),
            ("ways", .array(ways.map { $0.json() })),
            ("notes", .array(notes.map(JSONValue.string))),
        ])
    }
}

extension WeeklyReport.RetirementCost {
    func json() -> JSONValue {
        .object([
            ("one_time_cost", .money(oneTimeCost)), ("recovered_to_date", .money(recoveredToDate)),
            ("recovered_by_shutdown", .money(recoveredByShutdown)), ("unrecovered_at_shutdown", .money(unrecoveredAtShutdown)),
            ("monthly_savings_lost", .money(monthlySavingsLost)),
        ])
    }
}

extension WeeklyReport.WayForward {
    func json() -> JSONValue {
        .object([
            ("kind", .string(kind.rawValue)), ("model", .string(model)), ("priced_as", .string(pricedAs)),
            ("option", .bool(figures != nil)), ("reason", .optionalString(reason)),
            ("one_time_cost", figures.map { figures in
                .object(JSONObject(
                    figures.oneTimeCost.items.map { (key: $0.label.replacingOccurrences(of: " ", with: "_"), value: JSONValue.money($0.amount)) }
                        + [(key: "total", value: JSONValue.money(figures.oneTimeCost.total))]))
            } ?? .null),
            ("training_basis", .optionalString(figures?.trainingBasis)),
            ("cost_per_request", .money(figures?.costPerRequest.rounded)),
            ("monthly_cost", .money(figures?.monthlyCost)),
            ("savings_per_request", .money(figures?.savingsPerRequest?.rounded)),
            ("payback_days", figures?.payback?.days.map { .integer($0) } ?? .null),
            ("payback_date", .optionalString(figures?.payback?.date?.description)),
            ("shutdown", .optionalString(figures?.shutdown?.description)),
            ("quality", .string(quality)),
            ("notes", .array(notes.map(JSONValue.string))),
        ])
    }
}

extension Payback {
    /// The payback date, or nil when it is never reached.
    var date: UTCDate? {
        if case .reached(let point) = self { return point.date }
        return nil
    }
}
