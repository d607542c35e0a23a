extension String {
    /// How many characters of an input an error may quote: enough to recognise the value, short
    /// enough that a 50 MB line or a binary file never floods the terminal.
    public static let excerptLimit = 200

    /// This text as an error may show it: control and other invisible characters (but line breaks
    /// and tabs) written as `\u{1B}`, so binary input cannot drive the terminal, and cut after
    /// `limit` characters with a note of how many more there were.
    public func excerpt(limit: Int = excerptLimit) -> String {
        var shown = ""
        var count = 0
        for character in self {
            if count == limit {
                return shown + "... (\(self.count - limit) more characters)"
            }
            count += 1
            shown += character.unicodeScalars.allSatisfy(Self.isVisible)
                ? String(character)
                : character.unicodeScalars.map { Self.isVisible($0) ? String($0) : "\\u{\(String($0.value, radix: 16, uppercase: true))}" }.joined()
        }
        return shown
    }

    /// Line breaks and tabs stay: they cannot drive a terminal, and messages use them.
    private static func isVisible(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "\n" || scalar == "\t" { return true }
        return switch scalar.properties.generalCategory {
        case .control, .format, .privateUse, .unassigned, .surrogate, .lineSeparator, .paragraphSeparator: false
        default: scalar != "\u{FFFD}"
        }
    }
}
