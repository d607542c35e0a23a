/// JSON text pieces written directly, for hot paths and small fixed shapes (canonical metadata,
/// generated fixtures) where building a `JSONValue` first would cost more than the text; the
/// `JSONValue` writer quotes its strings with `quoted` too.
public enum JSONText {
    /// A JSON string literal with the escapes RFC 8259 requires; `shortEscapes` writes backspace and
    /// form feed as `\b` and `\f` (see `JSONFormat.command`).
    public static func quoted(_ value: String, shortEscapes: Bool = false) -> String {
        var text = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case "\u{8}" where shortEscapes: text += "\\b"
            case "\u{C}" where shortEscapes: text += "\\f"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: text.unicodeScalars.append(scalar)
            }
        }
        return text + "\""
    }

    /// An object from ordered key/value pairs whose values are already JSON text.
    public static func object(_ members: KeyValuePairs<String, String>) -> String {
        "{" + members.map { quoted($0.key) + ":" + $0.value }.joined(separator: ",") + "}"
    }

    /// An object whose string values are quoted, keys sorted: equal maps give equal text.
    public static func sortedStringObject(_ values: [String: String]) -> String {
        "{" + values.keys.sorted().map { quoted($0) + ":" + quoted(values[$0] ?? "") }.joined(separator: ",") + "}"
    }
}
