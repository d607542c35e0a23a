/// Splits text into the pieces an encoding's pattern finds, before byte-pair merging.
///
/// tiktoken runs a backtracking regex (fancy_regex) with `\p{…}` classes; Swift's `Regex` is far
/// too slow for that on Linux, so each pattern is hand-written over Unicode scalars, one branch per
/// alternative in the pattern's order, trying the choices in the order a backtracking engine
/// would. Every position starts a piece, so the pieces tile the text with nothing dropped.
enum Pretokenizer: Sendable {
    case cl100k
    case o200k

    /// The end (a byte offset) of the piece that starts at `start`.
    @inline(__always)
    func pieceEnd(in text: UTF8Text, from start: Int) -> Int {
        switch self {
        case .cl100k: Self.cl100kPieceEnd(in: text, from: start)
        case .o200k: Self.o200kPieceEnd(in: text, from: start)
        }
    }

    static let apostrophe = UInt8(ascii: "'")
    static let space = UInt8(ascii: " ")
    static let carriageReturn = UInt8(ascii: "\r")
    static let lineFeed = UInt8(ascii: "\n")
    static let slash = UInt8(ascii: "/")

    /// `[^\s\p{L}\p{N}]`: punctuation, symbols, marks, controls that are not whitespace.
    static let notPunctuation: ScalarClass = [.whitespace, .letter, .number]

    /// Length of `(?i:'s|'t|'re|'ve|'m|'ll|'d)` at `position`, 0 when it does not match.
    ///
    /// Both encodings accept the same seven contractions case-insensitively. The regex crate folds
    /// case with Unicode simple case folding, under which `s` also matches U+017F (ſ, long s);
    /// no other scalar folds to one of these letters.
    @inline(__always)
    static func contractionLength(in text: UTF8Text, at position: Int) -> Int {
        guard position + 1 < text.count, text[position] == apostrophe else { return 0 }
        let (first, firstLength) = text.scalar(at: position + 1)
        switch foldedASCII(first) {
        case "s", "t", "m", "d":
            return 1 + firstLength
        case "l", "v", "r":
            let secondPosition = position + 1 + firstLength
            guard secondPosition < text.count else { return 0 }
            let (second, secondLength) = text.scalar(at: secondPosition)
            let expected: Character = foldedASCII(first) == "l" ? "l" : "e"
            return foldedASCII(second) == expected ? 1 + firstLength + secondLength : 0
        default:
            return 0
        }
    }

    @inline(__always)
    private static func foldedASCII(_ value: UInt32) -> Character? {
        if value == 0x17F { return "s" }
        guard value < 0x80 else { return nil }
        let byte = UInt8(value)
        let lower = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
        return Character(Unicode.Scalar(lower))
    }

    /// The whitespace alternatives both patterns end with, for a piece starting with whitespace.
    ///
    /// cl100k_base: `\s++$|\s*[\r\n]|\s+(?!\S)|\s`; o200k_base: `\s*[\r\n]+|\s+(?!\S)|\s+`.
    /// `\s*[\r\n]` backtracks to the last line break in the run; `\s+(?!\S)` gives back the run's
    /// last scalar so that it can lead the next word. `\s++$` (cl100k only) takes a run that
    /// reaches the end of the text whole, line breaks included.
    @inline(__always)
    static func whitespacePieceEnd(in text: UTF8Text, from start: Int, takesRunAtEnd: Bool) -> Int {
        var position = start
        var lastScalarStart = start
        var lastLineBreakEnd = -1
        while position < text.count {
            let (scalarClass, length) = text.scalarClass(at: position)
            guard scalarClass.contains(.whitespace) else { break }
            if scalarClass.contains(.lineBreak) { lastLineBreakEnd = position + length }
            lastScalarStart = position
            position += length
        }
        let runEnd = position
        if takesRunAtEnd, runEnd == text.count { return runEnd }
        if lastLineBreakEnd >= 0 { return lastLineBreakEnd }
        if runEnd == text.count { return runEnd }
        if lastScalarStart > start { return lastScalarStart }
        return runEnd
    }

    /// ` ?[^\s\p{L}\p{N}]+` followed by a run of the `trailing` bytes, or nil when no punctuation
    /// starts at `start` (or after one space there).
    @inline(__always)
    static func punctuationPieceEnd(in text: UTF8Text, from start: Int, trailing: (UInt8, UInt8, UInt8)) -> Int? {
        var position = start
        if text[start] == space, start + 1 < text.count, isPunctuation(in: text, at: start + 1) {
            position = start + 1
        }
        guard isPunctuation(in: text, at: position) else { return nil }
        position = text.endOfRun(from: position, inNoneOf: notPunctuation)
        return text.endOfRun(from: position, ofBytes: trailing.0, trailing.1, trailing.2)
    }

    @inline(__always)
    private static func isPunctuation(in text: UTF8Text, at position: Int) -> Bool {
        text.scalarClass(at: position).scalarClass.isDisjoint(with: notPunctuation)
    }
}
