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

    /// Per-request costs: six decimals, so $0.000375 does not show as $0.00; from one unit up,
    /// cents are precise enough and six decimals are noise.
    package static func precise(_ amount: Money?, currency: String = "USD") -> String {
        guard let amount else { return "unpriced" }
        if (amount.isNegative ? -amount : amount) >= Money(1) { return money(amount, currency: currency) }
        let sign = amount.isNegative ? "-" : ""
        return sign + symbol(currency) + grouped((amount.isNegative ? -amount : amount).rounded(places: 6).formatted(places: 6))
    }

    package static func count(_ value: Int64) -> String { DecimalFormatting.grouped(value) }

    /// `7.8M`, `12.3K`, `950`: token totals in a sentence, where the exact count is in a table.
    package static func compactCount(_ value: Int64) -> String {
        let magnitude = Double(value.magnitude)
        for (limit, suffix) in [(1e9, "B"), (1e6, "M"), (1e3, "K")] where magnitude >= limit {
            return (value < 0 ? "−" : "") + DecimalFormatting.fixed(magnitude / limit, places: 1) + suffix
        }
        return count(value)
    }

    /// McNemar's and other p-values: three decimals, and `< 0.001` rather than a misleading `0.000`.
    package static func pValue(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "–" }
        return value < 0.0005 ? "< 0.001" : DecimalFormatting.fixed(value, places: 3)
    }

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

    /// `85.2 (83.1–87.3)` from a mean interval on 0...1 scaled to points; with a negative bound
    /// `−15.4 pts (−16.8 to −14.1)`, since an en dash beside a minus sign reads as a range of
    /// positives. Negative figures carry a true minus sign (U+2212).
    package static func interval(_ interval: MeanInterval?, scale: Double, unit: String = "", places: Int = 1) -> String {
        guard let interval else { return "–" }
        let mean = signed(interval.mean * scale, places: places)
        guard let low = interval.low, let high = interval.high else { return mean + unit }
        let separator = low * scale < 0 || high * scale < 0 ? " to " : "–"
        return "\(mean)\(unit) (\(signed(low * scale, places: places))\(separator)\(signed(high * scale, places: places)))"
    }

    /// Decimals enough that a bound next to a threshold does not round onto it: the verdict is
    /// decided on the unrounded bound, and the page must show why (−1.96 against a margin of 2,
    /// not −2.0). One decimal when that suffices, at most three.
    package static func placesSeparating(_ value: Double?, from threshold: Double) -> Int {
        guard let value, value.isFinite, value != threshold else { return 1 }
        for places in 1...3 where DecimalFormatting.fixed(value, places: places) != DecimalFormatting.fixed(threshold, places: places) {
            return places
        }
        return 3
    }

    /// A number with a true minus sign (U+2212) below zero, as tables of differences read best.
    package static func signed(_ value: Double, places: Int = 1) -> String {
        guard value.isFinite else { return "–" }
        let text = DecimalFormatting.fixed(value, places: places)
        return text.hasPrefix("-") ? (text.dropFirst().allSatisfy { $0 == "0" || $0 == "." } ? String(text.dropFirst()) : "−" + text.dropFirst()) : text
    }
}
