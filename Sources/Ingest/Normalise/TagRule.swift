/// The one rule for what may become a tag, whatever the format: tags appear in reports and are
/// stored without `--store-content`, so they must never carry message content.
///
/// A tag is a short scalar: a column or metadata member whose name is not a content or secret name
/// (`PrivateColumns`, checked on every segment of a dotted name, so `response.choices` is refused
/// like `response`), and whose value is not a JSON object or array and is at most `maximumLength`
/// characters. Everything else (message text, tool schemas, instructions,
/// nested objects) is dropped.
enum TagRule {
    /// Longer values are prose or payloads, not labels.
    static let maximumLength = 200

    /// The value to store for a tag named `name`, or nil when the rule refuses it.
    static func value(name: String, _ value: String) -> String? {
        guard acceptsName(name) else { return nil }
        return acceptsValue(value) ? value : nil
    }

    static func acceptsName(_ name: String) -> Bool {
        !name.isEmpty
            && !name.split(separator: ".").contains {
                PrivateColumns.names.contains(ColumnResolver<RequestField>.normalise(String($0)))
            }
    }

    static func acceptsValue(_ value: String) -> Bool {
        guard let first = value.utf8.first(where: { $0 != 0x20 && $0 != 0x09 }) else { return false }
        if first == UInt8(ascii: "{") || first == UInt8(ascii: "[") { return false }
        return value.utf8.count <= maximumLength * 4 && value.count <= maximumLength
    }

    /// A list of tags (`["rag", "team:search"]`, Langfuse trace tags, LiteLLM `request_tags`) as
    /// tags: `key:value` becomes the tag `key` with that value, a bare label becomes the tag of that
    /// name with the value `true`, so `--tag rag=true` and `--tag team=search` select them.
    static func listTags(_ labels: [String]) -> [String: String] {
        var tags: [String: String] = [:]
        for label in labels {
            let trimmed = label.trimmingSpaces()
            guard acceptsValue(trimmed) else { continue }
            if let colon = trimmed.firstIndex(of: ":"), colon != trimmed.startIndex {
                let key = String(trimmed[..<colon])
                let value = String(trimmed[trimmed.index(after: colon)...])
                if !value.isEmpty, acceptsName(key) {
                    tags[key] = value
                    continue
                }
            }
            if acceptsName(trimmed) { tags[trimmed] = "true" }
        }
        return tags
    }
}
