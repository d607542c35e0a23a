import Analytics
import CostModel
import DistillCore
import Statistics

/// How figures read on the page: money rounded once, half-even, to cents (or to micro-units for
/// per-request costs, which are fractions of a cent); counts grouped by thousands. No locale.
package enum DisplayFormat {
    /// `$1,234.56`, and `-$0.03` (not `$-0.03`) below zero.
    package static func money(_ amount: Money?, currency: String = "USD") -> String {
        guard let amount else { return "unpriced" }
        let sign = amount.isNegative ? "-" : ""
        return sign + symbol(currency) + grouped((amount.isNegative ? -amount : amount).rounded(places: 2).formatted(places: 2))
    }

    /// Per-request costs: six decimals, so $0.000375 does not show as $0.00.
    package static func precise(_ amount: Money?, currency: String = "USD") -> String {
        guard let amount else { return "unpriced" }
        let sign = amount.isNegative ? "-" : ""
        return sign + symbol(currency) + grouped((amount.isNegative ? -amount : amount).rounded(places: 6).formatted(places: 6))
    }

    package static func count(_ value: Int64) -> String { DecimalFormatting.grouped(value) }

    package static func percent(_ value: Double?, places: Int = 1) -> String {
        guard let value, value.isFinite else { return "–" }
        return DecimalFormatting.fixed(value * 100, places: places) + "%"
    }

    package static func signedPercent(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "–" }
        return (value > 0 ? "+" : "") + percent(value)
    }

    package static func number(_ value: Double?, places: Int = 1) -> String {
        guard let value, value.isFinite else { return "–" }
        return DecimalFormatting.fixed(value, places: places)
    }

    package static func milliseconds(_ value: Double?) -> String {
        guard let value else { return "–" }
        return DecimalFormatting.grouped(Int64(value.rounded())) + " ms"
    }

    private static func symbol(_ currency: String) -> String {
        currency.uppercased() == "USD" ? "$" : currency.uppercased() + " "
    }

    /// Inserts thousands separators into the integer part of a plain decimal string.
    private static func grouped(_ text: String) -> String {
        let negative = text.hasPrefix("-")
        let body = negative ? String(text.dropFirst()) : text
        let parts = body.split(separator: ".", maxSplits: 1)
        guard let whole = Int64(parts[0]) else { return text }
        let fraction = parts.count > 1 ? "." + parts[1] : ""
        return (negative ? "-" : "") + DecimalFormatting.grouped(whole) + fraction
    }

    /// Markdown is rendered without Mustache's HTML escaping (so apostrophes stay readable), so
    /// text from the data is escaped here: `<`, `>` and `&` (GitHub renders inline HTML) and `|`
    /// (table cells).
    package static func markdownCell(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "&": escaped += "&amp;"
            case "|": escaped += "\\|"
            case "\n", "\r": escaped += " "
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// `85.2 (83.1–87.3)` from a mean interval on 0...1 scaled to points.
    package static func interval(_ interval: MeanInterval?, scale: Double, unit: String = "") -> String {
        guard let interval else { return "–" }
        let mean = DisplayFormat.number(interval.mean * scale)
        guard let low = interval.low, let high = interval.high else { return mean + unit }
        return "\(mean)\(unit) (\(DisplayFormat.number(low * scale))–\(DisplayFormat.number(high * scale)))"
    }
}
