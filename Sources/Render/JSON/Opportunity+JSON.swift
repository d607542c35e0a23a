import CostModel
import DistillCore
import Reports

/// One element of `opportunities` in the weekly JSON. Money is an exact decimal string; figures
/// that do not apply to the kind (a candidate for caching) are null.
extension WeeklyReport.Opportunity {
    func json() -> JSONValue {
        .object([
            ("kind", .string(kind.rawValue)), ("model", .string(model)), ("use_case", .optionalString(useCase)),
            ("requests", .integer(requests)), ("spend", .money(spend)),
            ("input_tokens_per_request", .integer(inputTokensPerRequest)),
            ("output_tokens_per_request", .integer(outputTokensPerRequest)),
            ("monthly_savings", .money(monthlySavings)), ("upper_bound", .bool(isUpperBound)),
            ("candidate", .optionalString(candidate)), ("one_time_cost", .money(oneTimeCost)),
            ("payback_days", paybackDays.map { .integer($0) } ?? .null), ("quality", .optionalString(quality)),
            ("finding", .string(finding)), ("assumptions", .array(assumptions.map(JSONValue.string))),
            ("command", .string(command)),
        ])
    }
}
