/// Metadata as a canonical JSON object: keys sorted, so equal sets always produce equal text.
public enum TagSet {
    public static func canonicalJSON(_ tags: [String: String]) -> String {
        var text = "{"
        for (index, key) in tags.keys.sorted().enumerated() {
            if index > 0 { text += "," }
            text += jsonString(key) + ":" + jsonString(tags[key] ?? "")
        }
        return text + "}"
    }

    /// A JSON string literal with the escapes RFC 8259 requires.
    public static func jsonString(_ value: String) -> String {
        var text = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: text.unicodeScalars.append(scalar)
            }
        }
        return text + "\""
    }
}
