import DistillCore

/// Turns seed files into hostile variants: generic byte damage (what a truncated download or a bad
/// disk produces) plus the structural edits that reach deeper into a parser than random bytes do
/// (extreme numbers where numbers were, duplicate JSON keys, invalid UTF-8, very long runs,
/// deep nesting, lines spliced from another seed).
package struct Mutator: Sendable {
    package let seeds: [[UInt8]]
    /// Inputs are cut to this size, so a pass keeps its time budget.
    package let maximumSize: Int

    package init(seeds: [[UInt8]], maximumSize: Int = 64 * 1024) {
        precondition(!seeds.isEmpty, "a mutator needs at least one seed")
        self.seeds = seeds
        self.maximumSize = maximumSize
    }

    /// One to four stacked mutations of a random seed.
    package func mutate(_ random: inout SplitMix64) -> [UInt8] {
        var bytes = random.pick(seeds)
        for _ in 0...random.below(4) {
            apply(random.pick(Mutation.allCases), to: &bytes, &random)
        }
        if bytes.count > maximumSize { bytes.removeLast(bytes.count - maximumSize) }
        return bytes
    }

    enum Mutation: CaseIterable {
        case flipBit, setByte, insertToken, deleteRange, duplicateChunk, splice, truncate, extremeNumber,
            invalidUTF8, duplicateKey, longRun, duplicateLine
    }

    /// Numbers at and past every limit the readers check: Int64 and UInt64 bounds, doubles that
    /// overflow or are not numbers, times before 1970, before 2000, in the year 3000, and in
    /// milliseconds or nanoseconds where seconds were meant.
    static let extremeNumbers = [
        "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
        "18446744073709551616", "99999999999999999999999999999", "4611686018427387904", "-1", "-0", "0", "0.5",
        "12.0", "1e308", "1e309", "-1e309", "1e-400", "NaN", "nan", "Infinity", "-Infinity", "inf", "1E3", "0x10",
        "-86400", "946684799", "4102444800", "32503680000", "32503680000000", "1791201600000000000", "1e11",
    ]

    /// Bytes that are syntax somewhere: JSON, CSV and YAML punctuation, escapes, line ends, a BOM.
    static let tokens: [[UInt8]] = [
        "null", "true", "false", "\"\"", "[]", "{}", "{", "}", "[", "]", ",", ":", "\"", "\\", "\\u0000", "\\ud800",
        "\\uDFFF", "\\u", "\"object\"", "\"chat.completion\"", "\r\n", "\n", "\r", "\t", "\u{FEFF}", "- ", ": ", "#",
        "&a", "*a", "!!binary", "---", "'", "|", ">",
    ].map { Array($0.utf8) }

    static let invalidUTF8: [[UInt8]] = [
        [0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0x80], [0xE2, 0x82], [0xF4, 0x90, 0x80, 0x80], [0xF0, 0x9F, 0x98],
        [0xFE, 0xFF],
    ]

    /// Runs that stress buffering (a line longer than a read chunk), escapes and nesting limits.
    static let runUnits: [[UInt8]] = ["a", " ", "0", "\\\\", "[", "{\"a\":", "é", "\\u00e9", "\"a\",", "- ["]
        .map { Array($0.utf8) }

    private func apply(_ mutation: Mutation, to bytes: inout [UInt8], _ random: inout SplitMix64) {
        switch mutation {
        case .flipBit:
            guard !bytes.isEmpty else { return }
            bytes[random.below(bytes.count)] ^= 1 << UInt8(random.below(8))
        case .setByte:
            guard !bytes.isEmpty else { return }
            bytes[random.below(bytes.count)] = random.chance(50) ? UInt8(random.below(256)) : random.pick(Array("\"{}[],:\n\\0-.e".utf8))
        case .insertToken:
            bytes.insert(contentsOf: random.pick(Self.tokens), at: random.below(bytes.count + 1))
        case .deleteRange:
            guard !bytes.isEmpty else { return }
            let start = random.below(bytes.count)
            bytes.removeSubrange(start..<min(bytes.count, start + 1 + random.below(64)))
        case .duplicateChunk:
            guard !bytes.isEmpty else { return }
            let start = random.below(bytes.count)
            let chunk = bytes[start..<min(bytes.count, start + 1 + random.below(256))]
            bytes.insert(contentsOf: chunk, at: random.below(bytes.count + 1))
        case .splice:
            let other = random.pick(seeds)
            guard !bytes.isEmpty, !other.isEmpty else { return }
            bytes = Array(bytes[..<random.below(bytes.count)]) + other[random.below(other.count)...]
        case .truncate:
            guard !bytes.isEmpty else { return }
            bytes.removeSubrange(random.below(bytes.count)...)
        case .extremeNumber:
            let numbers = Self.numberRanges(in: bytes)
            guard !numbers.isEmpty else { return }
            bytes.replaceSubrange(random.pick(numbers), with: Array(random.pick(Self.extremeNumbers).utf8))
        case .invalidUTF8:
            bytes.insert(contentsOf: random.pick(Self.invalidUTF8), at: random.below(bytes.count + 1))
        case .duplicateKey:
            let keys = Self.keyRanges(in: bytes)
            guard !keys.isEmpty else { return }
            let key = random.pick(keys)
            let value = random.chance(50) ? Array(random.pick(Self.extremeNumbers).utf8) : random.pick(Self.tokens)
            bytes.insert(contentsOf: Array(bytes[key]) + Array(":".utf8) + value + Array(",".utf8), at: key.lowerBound)
        case .longRun:
            let unit = random.pick(Self.runUnits)
            let length = random.chance(3) ? maximumSize : 1 + random.below(8 * 1024)
            let run = Array(repeatElement(unit, count: max(1, length / unit.count)).joined())
            bytes.insert(contentsOf: run, at: random.below(bytes.count + 1))
        case .duplicateLine:
            let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            guard !lines.isEmpty else { return }
            var edited = Array(lines)
            edited.insert(random.pick(lines), at: random.below(edited.count + 1))
            bytes = Array(edited.joined(separator: [UInt8(ascii: "\n")]))
        }
    }

    /// The spans of number-like text (digits with sign, point and exponent) in `bytes`.
    static func numberRanges(in bytes: [UInt8]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var index = 0
        while index < bytes.count {
            guard isDigit(bytes[index]) else {
                index += 1
                continue
            }
            var start = index
            if start > 0, bytes[start - 1] == UInt8(ascii: "-") { start -= 1 }
            while index < bytes.count, isDigit(bytes[index]) || Array(".eE+-".utf8).contains(bytes[index]) { index += 1 }
            ranges.append(start..<index)
        }
        return ranges
    }

    /// The spans of JSON member names with their quotes (`"model"`), found as a string right after
    /// `{` or `,` and followed by `:`.
    static func keyRanges(in bytes: [UInt8]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var index = 0
        while index < bytes.count {
            defer { index += 1 }
            guard bytes[index] == UInt8(ascii: "{") || bytes[index] == UInt8(ascii: ",") else { continue }
            var start = index + 1
            while start < bytes.count, bytes[start] == UInt8(ascii: " ") { start += 1 }
            guard start < bytes.count, bytes[start] == UInt8(ascii: "\"") else { continue }
            var end = start + 1
            while end < bytes.count, bytes[end] != UInt8(ascii: "\""), bytes[end] != UInt8(ascii: "\n") {
                end += bytes[end] == UInt8(ascii: "\\") ? 2 : 1
            }
            guard end + 1 < bytes.count, bytes[end] == UInt8(ascii: "\""), bytes[end + 1] == UInt8(ascii: ":") else { continue }
            ranges.append(start..<(end + 1))
        }
        return ranges
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (48...57).contains(byte) }
}
