import DistillCore

/// `--redact`: masks personal data and secrets in what an ingest stores as text (metadata values,
/// and message content with `--store-content`), before it reaches the database.
///
/// Rules, applied left to right, each match replaced whole:
/// - an e-mail address (`local@domain.tld`) becomes `[email]`;
/// - an API-key-shaped token (a known prefix such as `sk-`, `sk_live_`, `ghp_`, `xoxb-`, `AKIA`,
///   `AIza`, or `Bearer `, followed by at least 16 key characters) becomes `[api-key]`;
/// - a phone number (a leading `+` and at least 7 digits, or 10 to 15 digits with at least one
///   space, `-`, `.` or parenthesis between them) becomes `[phone]`. Dates (`2026-11-29`, 8 digits)
///   and bare numbers such as Unix times are left alone.
package struct Redactor: Sendable {
    package init() {}

    static let keyPrefixes = ["sk-", "sk_", "pk_", "rk_", "ghp_", "gho_", "ghs_", "github_pat_", "xoxb-", "xoxp-", "xoxa-", "AKIA", "AIza", "Bearer "]

    /// Stored content (JSON text) masked string by string, so it stays JSON: a bare number such
    /// as a logprob is data, never a phone number. Text that is not JSON is masked whole.
    package func redactContent(_ text: String) -> String {
        guard let value = try? JSONValue.parse(text) else { return redact(text) }
        return redact(value).text(.canonical)
    }

    /// Every string in `value` masked; keys are left alone (they are the format's, not the user's).
    package func redact(_ value: JSONValue) -> JSONValue {
        switch value {
        case .string(let text): return .string(redact(text))
        case .array(let items): return .array(items.map(redact))
        case .object(let object): return .object(JSONObject(object.members.map { ($0.key, redact($0.value)) }))
        case .null, .bool, .number: return value
        }
    }

    package func redact(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var output = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            if let end = email(scalars, at: index) {
                output.append(contentsOf: "[email]".unicodeScalars)
                index = end
            } else if let end = apiKey(scalars, at: index) {
                output.append(contentsOf: "[api-key]".unicodeScalars)
                index = end
            } else if let end = phone(scalars, at: index) {
                output.append(contentsOf: "[phone]".unicodeScalars)
                index = end
            } else {
                output.append(scalars[index])
                index += 1
            }
        }
        return String(output)
    }

    private static func isASCIIAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 48...57, 65...90, 97...122: return true
        default: return false
        }
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { (48...57).contains(scalar.value) }

    /// Starts a match only at a word start, so `user.name@x.org` is masked whole.
    private func email(_ scalars: [Unicode.Scalar], at start: Int) -> Int? {
        let localCharacters: Set<Unicode.Scalar> = [".", "_", "%", "+", "-"]
        guard start == 0 || !(Self.isASCIIAlphanumeric(scalars[start - 1]) || localCharacters.contains(scalars[start - 1])) else {
            return nil
        }
        var index = start
        while index < scalars.count, Self.isASCIIAlphanumeric(scalars[index]) || localCharacters.contains(scalars[index]) {
            index += 1
        }
        guard index > start, index < scalars.count, scalars[index] == "@" else { return nil }
        var end = index + 1
        var lastDot = -1
        while end < scalars.count, Self.isASCIIAlphanumeric(scalars[end]) || scalars[end] == "-" || scalars[end] == "." {
            if scalars[end] == "." { lastDot = end }
            end += 1
        }
        while end > index + 1, scalars[end - 1] == "." { end -= 1 }
        guard lastDot > index + 1, lastDot < end - 2 else { return nil }
        return end
    }

    private func apiKey(_ scalars: [Unicode.Scalar], at start: Int) -> Int? {
        guard start == 0 || !Self.isASCIIAlphanumeric(scalars[start - 1]) else { return nil }
        for prefix in Self.keyPrefixes {
            let prefixScalars = Array(prefix.unicodeScalars)
            guard start + prefixScalars.count <= scalars.count,
                Array(scalars[start..<start + prefixScalars.count]) == prefixScalars
            else { continue }
            var end = start + prefixScalars.count
            while end < scalars.count,
                Self.isASCIIAlphanumeric(scalars[end]) || scalars[end] == "-" || scalars[end] == "_" || scalars[end] == "."
            {
                end += 1
            }
            if end - start - prefixScalars.count >= 16 { return end }
        }
        return nil
    }

    private func phone(_ scalars: [Unicode.Scalar], at start: Int) -> Int? {
        guard start == 0 || !Self.isASCIIAlphanumeric(scalars[start - 1]) else { return nil }
        let plus = scalars[start] == "+"
        guard plus || Self.isDigit(scalars[start]) || scalars[start] == "(" else { return nil }
        var index = start + (plus ? 1 : 0)
        var digits = 0
        var separators = 0
        var end = index
        let separatorSet: Set<Unicode.Scalar> = [" ", "-", ".", "(", ")"]
        while index < scalars.count {
            if Self.isDigit(scalars[index]) {
                digits += 1
                index += 1
                end = index
            } else if separatorSet.contains(scalars[index]), index + 1 < scalars.count,
                Self.isDigit(scalars[index + 1]) || scalars[index + 1] == "("
            {
                separators += 1
                index += 1
            } else if scalars[index] == ")" {
                index += 1
            } else {
                break
            }
        }
        guard end == scalars.count || !Self.isASCIIAlphanumeric(scalars[end]) else { return nil }
        if plus && digits >= 7 && digits <= 15 { return end }
        if !plus && digits >= 10 && digits <= 15 && separators > 0 { return end }
        return nil
    }
}
