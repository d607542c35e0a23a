/// The processing tier a request was billed under; each has its own published rates.
///
/// API strings map as OpenAI bills them: `auto` and `default` (and an absent field) are the
/// standard tier; `flex` and `priority` are themselves. `scale` (Scale Tier, capacity bought in
/// advance) maps to the standard list price, the counterfactual cost of the same tokens; the
/// prepaid units themselves are not a token price. `fast` is priority: OpenAI renamed the Priority
/// tier to Fast mode on 2026-07-30 and accepts both values. Batch is not a `service_tier` value in the API:
/// a request that came through the Batch API is `.batch`, whatever its response says.
public enum ServiceTier: String, CaseIterable, Hashable, Sendable, Comparable, CustomStringConvertible {
    case `default`
    case batch
    case flex
    case priority

    /// Maps an API `service_tier` string (case-insensitive); nil for an unknown value.
    public init?(apiValue: String?, viaBatchAPI: Bool = false) {
        if viaBatchAPI {
            self = .batch
            return
        }
        switch apiValue?.lowercased() {
        case nil, "", "auto", "default", "standard", "scale": self = .default
        case "batch": self = .batch
        case "flex": self = .flex
        case "priority", "fast": self = .priority
        default: return nil
        }
    }

    public var description: String { rawValue }

    public static func < (lhs: ServiceTier, rhs: ServiceTier) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }
}
