/// The Unicode classes the two pre-tokenisation patterns test, as bit flags per scalar.
///
/// tiktoken's patterns use `\p{L}`, `\p{N}`, `\s` (the White_Space property) and, in o200k_base,
/// the case groups `[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]` and `[\p{Ll}\p{Lm}\p{Lo}\p{M}]`. Asking
/// `Unicode.Scalar.Properties` per scalar is slow on Linux, so the first three planes (where
/// nearly all text lives) are tabulated once and the rest are asked when met.
struct ScalarClass: OptionSet, Sendable {
    let rawValue: UInt8

    /// `\p{L}`: Lu, Ll, Lt, Lm, Lo.
    static let letter = ScalarClass(rawValue: 1 << 0)
    /// `\p{N}`: Nd, Nl, No.
    static let number = ScalarClass(rawValue: 1 << 1)
    /// `\s`: the White_Space property, as the Rust regex crate defines it in Unicode mode.
    static let whitespace = ScalarClass(rawValue: 1 << 2)
    /// o200k_base's `[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]`.
    static let upperGroup = ScalarClass(rawValue: 1 << 3)
    /// o200k_base's `[\p{Ll}\p{Lm}\p{Lo}\p{M}]`.
    static let lowerGroup = ScalarClass(rawValue: 1 << 4)
    /// `\r` or `\n`, which both patterns treat apart from other whitespace.
    static let lineBreak = ScalarClass(rawValue: 1 << 5)

    /// Scalars below this are looked up in `table`.
    private static let tabulatedLimit: UInt32 = 0x30000

    private static let table: [UInt8] = (0..<tabulatedLimit).map { value in
        Unicode.Scalar(value).map { computed(for: $0).rawValue } ?? 0
    }

    @inline(__always)
    static func of(_ value: UInt32) -> ScalarClass {
        if value < tabulatedLimit {
            return table.withUnsafeBufferPointer { ScalarClass(rawValue: $0[Int(value)]) }
        }
        return Unicode.Scalar(value).map(computed(for:)) ?? []
    }

    private static func computed(for scalar: Unicode.Scalar) -> ScalarClass {
        var result: ScalarClass = []
        let properties = scalar.properties
        switch properties.generalCategory {
        case .uppercaseLetter, .titlecaseLetter:
            result = [.letter, .upperGroup]
        case .lowercaseLetter:
            result = [.letter, .lowerGroup]
        case .modifierLetter, .otherLetter:
            result = [.letter, .upperGroup, .lowerGroup]
        case .nonspacingMark, .spacingMark, .enclosingMark:
            result = [.upperGroup, .lowerGroup]
        case .decimalNumber, .letterNumber, .otherNumber:
            result = [.number]
        default:
            break
        }
        if properties.isWhitespace { result.insert(.whitespace) }
        if scalar == "\r" || scalar == "\n" { result.insert(.lineBreak) }
        return result
    }
}
