/// The Unicode classes the two pre-tokenisation patterns test, as bit flags per scalar.
///
/// tiktoken's patterns use `\p{L}`, `\p{N}`, `\s` (the White_Space property) and, in o200k_base,
/// the case groups `[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]` and `[\p{Ll}\p{Lm}\p{Lo}\p{M}]`. Asking
/// `Unicode.Scalar.Properties` per scalar is slow on Linux, so the Basic Multilingual Plane
/// (where nearly all text lives) is tabulated once and other scalars are asked when met.
struct ScalarClass: OptionSet, Sendable {
    let rawValue: UInt8

    /// `\p{L}`: Lu, Ll, Lt, Lm, Lo.
    static let letter = ScalarClass(rawValue: 1 << 0)
    /// `\p{N}`: Nd, Nl, No.
    static let number = ScalarClass(rawValue: 1 << 1)
    /// `\s`: the White_Space property, which the Rust regex crate uses in Unicode mode.
    static let whitespace = ScalarClass(rawValue: 1 << 2)
    /// o200k_base's `[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]`.
    static let upperGroup = ScalarClass(rawValue: 1 << 3)
    /// o200k_base's `[\p{Ll}\p{Lm}\p{Lo}\p{M}]`.
    static let lowerGroup = ScalarClass(rawValue: 1 << 4)
    /// `\r` or `\n`, which both patterns treat apart from other whitespace.
    static let lineBreak = ScalarClass(rawValue: 1 << 5)

    /// Scalars below this are looked up in `table`.
    static let tabulatedLimit: UInt32 = 0x10000

    /// The raw value for every scalar below `tabulatedLimit` (0 for surrogate code points, which
    /// valid UTF-8 never holds).
    static let table: [UInt8] = (0..<tabulatedLimit).map { value in
        Unicode.Scalar(value).map { computed(for: $0).rawValue } ?? 0
    }

    /// The Unicode version of tiktoken's regex tables (the Rust regex-syntax crate). The Swift
    /// standard library may know a newer one; a scalar assigned after this version is unassigned
    /// (Cn) to tiktoken, so it is here too, or its letters would join words tiktoken splits.
    static let regexUnicodeVersion = (major: 16, minor: 0)

    static func computed(for scalar: Unicode.Scalar) -> ScalarClass {
        var result: ScalarClass = []
        if let age = scalar.properties.age, (age.major, age.minor) > regexUnicodeVersion {
            return whiteSpace.contains(scalar.value) ? [.whitespace] : []
        }
        switch scalar.properties.generalCategory {
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
        if whiteSpace.contains(scalar.value) { result.insert(.whitespace) }
        if scalar == "\r" || scalar == "\n" { result.insert(.lineBreak) }
        return result
    }

    /// The White_Space property (PropList.txt), unchanged since Unicode 6.3; spelled out because
    /// asking the property per scalar costs more than the whole table.
    private static let whiteSpace: Set<UInt32> = [
        0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004,
        0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000,
    ]
}
