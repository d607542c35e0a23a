/// JSON writes a character outside the Basic Multilingual Plane as a UTF-16 surrogate pair
/// (`\ud83d\udc2c`, 🐬); YAML, which the importers parse JSON as (to keep each number's text),
/// has no such escape and libyaml rejects it. Each pair inside a string becomes YAML's 32-bit
/// escape (`\U0001F42C`), which is the same character, before composing. Escaped backslashes
/// (`\\ud83d` is the text "\ud83d") are left alone; a lone surrogate stays and is reported by
/// the parser, as it is not a character.
enum SurrogatePairs {
    static func yamlEscaped(_ text: String) -> String {
        guard text.contains("\\u") || text.contains("\\U") else { return text }
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            guard scalar == "\\", index + 1 < scalars.count else {
                result.append(scalar)
                index += 1
                continue
            }
            if let high = hexValue(scalars, at: index), (0xD800...0xDBFF).contains(high),
                let low = hexValue(scalars, at: index + 6), (0xDC00...0xDFFF).contains(low)
            {
                let value = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
                let hex = String(value, radix: 16, uppercase: true)
                result.append(contentsOf: ("\\U" + String(repeating: "0", count: 8 - hex.count) + hex).unicodeScalars)
                index += 12
                continue
            }
            // Any other escape is copied whole, so `\\` never starts a new one.
            result.append(scalar)
            result.append(scalars[index + 1])
            index += 2
        }
        return String(result)
    }

    /// The value of `\uXXXX` (either case of `u`) starting at `index`, or nil.
    private static func hexValue(_ scalars: [Unicode.Scalar], at index: Int) -> UInt32? {
        guard index + 6 <= scalars.count, scalars[index] == "\\", scalars[index + 1] == "u" || scalars[index + 1] == "U" else {
            return nil
        }
        return UInt32(String(String.UnicodeScalarView(scalars[(index + 2)..<(index + 6)])), radix: 16)
    }
}
