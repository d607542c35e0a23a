/// Removes credentials from text that came from elsewhere (an API error body) before it is shown.
///
/// Two passes: every exact secret the request carried, then anything shaped like an OpenAI key
/// (`sk-…`), because the API's 401 message echoes a masked key whose visible ends are still part
/// of the real one.
package struct SecretScrubber: Sendable {
    package let secrets: [String]
    package static let replacement = "[redacted]"

    package init(secrets: [String]) {
        self.secrets = secrets.filter { !$0.isEmpty }.sorted { $0.count > $1.count }
    }

    package func scrub(_ text: String) -> String {
        var result = text
        for secret in secrets {
            result = result.replacingAll(secret, with: Self.replacement)
        }
        return Self.scrubKeyShapedWords(result)
    }

    /// Replaces each word starting with `sk-` (letters, digits, `-`, `_`, `*`, `.` after it).
    static func scrubKeyShapedWords(_ text: String) -> String {
        var output = ""
        var rest = Substring(text)
        while let range = rest.firstRange(of: "sk-") {
            let isWordStart = range.lowerBound == rest.startIndex
                || !Self.isKeyCharacter(rest[rest.index(before: range.lowerBound)])
            output += rest[..<range.lowerBound]
            var end = range.upperBound
            while end < rest.endIndex, Self.isKeyCharacter(rest[end]) { end = rest.index(after: end) }
            output += isWordStart ? "sk-" + Self.replacement : rest[range.lowerBound..<end]
            rest = rest[end...]
        }
        return output + rest
    }

    private static func isKeyCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || "-_*.".contains(character))
    }
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var output = ""
        var rest = Substring(self)
        while let range = rest.firstRange(of: target) {
            output += rest[..<range.lowerBound]
            output += replacement
            rest = rest[range.upperBound...]
        }
        return output + rest
    }
}
