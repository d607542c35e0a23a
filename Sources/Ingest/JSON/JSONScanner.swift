#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A pull cursor over the bytes of one JSON text (RFC 8259): the ingest hot path reads the fields it
/// needs straight from the read buffer and skips the rest, allocating only the strings it keeps.
///
/// Foundation's `JSONDecoder` reads about 20 MB/s here and builds an object graph per line; this
/// touches each byte once. Skipped values are still checked against the grammar, so a malformed
/// line is never half-read. The bytes must outlive the scanner.
struct JSONScanner {
    private let base: UnsafePointer<UInt8>?
    private let count: Int
    private(set) var index = 0

    /// Containers nest at most this deep, so a hostile line cannot exhaust the stack.
    static let maximumDepth = 256

    init(_ bytes: UnsafeRawBufferPointer) {
        base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self)
        count = bytes.count
    }

    /// Where the caller is inside an object: the first member needs no comma.
    struct ObjectState {
        fileprivate var first = true
    }

    // MARK: Structure

    @inline(__always) mutating func skipWhitespace() {
        while index < count {
            switch byte(at: index) {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    /// The next significant byte, without consuming it; nil at the end of the text.
    @inline(__always) mutating func peek() -> UInt8? {
        skipWhitespace()
        return index < count ? byte(at: index) : nil
    }

    /// Fails unless only whitespace remains.
    mutating func expectEnd() throws {
        skipWhitespace()
        if index < count { throw syntaxError("unexpected text after the end of the JSON value") }
    }

    mutating func beginObject() throws -> ObjectState {
        guard peek() == UInt8(ascii: "{") else { throw typeError(expected: "an object") }
        index += 1
        return ObjectState()
    }

    /// The next member's key (the cursor then stands on its value), or nil after the closing brace.
    mutating func nextKey(_ state: inout ObjectState) throws -> JSONKey? {
        guard let next = peek() else { throw syntaxError("the text ends inside an object") }
        if next == UInt8(ascii: "}") {
            index += 1
            return nil
        }
        if state.first {
            state.first = false
        } else {
            guard next == UInt8(ascii: ",") else { throw syntaxError("expected ',' or '}' after an object member") }
            index += 1
        }
        guard peek() == UInt8(ascii: "\"") else { throw syntaxError("expected a member name in double quotes") }
        let key = try readKey()
        guard peek() == UInt8(ascii: ":") else { throw syntaxError("expected ':' after a member name") }
        index += 1
        return key
    }

    mutating func beginArray() throws -> ObjectState {
        guard peek() == UInt8(ascii: "[") else { throw typeError(expected: "an array") }
        index += 1
        return ObjectState()
    }

    /// True when another element follows (the cursor then stands on it), false after the closing bracket.
    mutating func nextElement(_ state: inout ObjectState) throws -> Bool {
        guard let next = peek() else { throw syntaxError("the text ends inside an array") }
        if next == UInt8(ascii: "]") {
            index += 1
            return false
        }
        if state.first {
            state.first = false
        } else {
            guard next == UInt8(ascii: ",") else { throw syntaxError("expected ',' or ']' after an array element") }
            index += 1
        }
        return true
    }

    // MARK: Scalars

    /// Consumes a `null` if one is next.
    mutating func readNull() -> Bool {
        guard peek() == UInt8(ascii: "n"), matches("null") else { return false }
        index += 4
        return true
    }

    mutating func readBool() throws -> Bool {
        let next = peek()
        if next == UInt8(ascii: "t"), matches("true") {
            index += 4
            return true
        }
        if next == UInt8(ascii: "f"), matches("false") {
            index += 5
            return false
        }
        throw typeError(expected: "true or false")
    }

    mutating func readString() throws -> String {
        guard peek() == UInt8(ascii: "\"") else { throw typeError(expected: "a string") }
        let (range, escaped) = try scanString()
        if !escaped { return String(decoding: slice(range), as: UTF8.self) }
        return String(decoding: try unescape(range), as: UTF8.self)
    }

    /// A string's bytes without copying when it has no escapes: the caller may compare or hash
    /// them before deciding to build a `String`.
    mutating func readStringBytes() throws -> (bytes: UnsafeRawBufferPointer, escaped: Bool) {
        guard peek() == UInt8(ascii: "\"") else { throw typeError(expected: "a string") }
        let (range, escaped) = try scanString()
        return (slice(range), escaped)
    }

    /// A number's exact source text, for values that must not pass through `Double` (money).
    mutating func readNumberText() throws -> String {
        let range = try scanNumber()
        return String(decoding: slice(range), as: UTF8.self)
    }

    /// An integer. `12.0` is accepted (warehouse exports write integers as floats); `12.5` is not.
    mutating func readInt64() throws -> Int64 {
        guard let first = peek(), first == UInt8(ascii: "-") || isDigit(first) else {
            throw typeError(expected: "an integer")
        }
        let range = try scanNumber()
        guard let value = Self.integer(slice(range)) else {
            throw JSONScanError(
                offset: range.lowerBound, problem: .notAnInteger(String(decoding: slice(range), as: UTF8.self)))
        }
        return value
    }

    // MARK: Whole values

    /// Skips one value of any type, checking its grammar.
    mutating func skipValue() throws {
        try skipValue(depth: 0)
    }

    /// The exact source text of the next value (for content kept verbatim).
    mutating func readRawValue() throws -> UnsafeRawBufferPointer {
        skipWhitespace()
        let start = index
        try skipValue()
        return slice(start..<index)
    }

    /// The next value as a tree, for small documents (pages, jobs, eval exports).
    mutating func readValue() throws -> JSONValue {
        try readValue(depth: 0)
    }

    private mutating func readValue(depth: Int) throws -> JSONValue {
        guard depth < Self.maximumDepth else { throw syntaxError("containers nest too deeply") }
        guard let next = peek() else { throw syntaxError("expected a value, found the end of the text") }
        switch next {
        case UInt8(ascii: "{"):
            var state = try beginObject()
            var members: [(key: String, value: JSONValue)] = []
            while let key = try nextKey(&state) {
                members.append((key.string, try readValue(depth: depth + 1)))
            }
            return .object(JSONObject(members: members))
        case UInt8(ascii: "["):
            var state = try beginArray()
            var elements: [JSONValue] = []
            while try nextElement(&state) { elements.append(try readValue(depth: depth + 1)) }
            return .array(elements)
        case UInt8(ascii: "\""): return .string(try readString())
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return .bool(try readBool())
        case UInt8(ascii: "n"):
            guard readNull() else { throw syntaxError("expected a value") }
            return .null
        default:
            guard next == UInt8(ascii: "-") || isDigit(next) else { throw syntaxError("expected a value") }
            return .number(try readNumberText())
        }
    }

    private mutating func skipValue(depth: Int) throws {
        guard depth < Self.maximumDepth else { throw syntaxError("containers nest too deeply") }
        guard let next = peek() else { throw syntaxError("expected a value, found the end of the text") }
        switch next {
        case UInt8(ascii: "{"):
            var state = try beginObject()
            while try nextKey(&state) != nil { try skipValue(depth: depth + 1) }
        case UInt8(ascii: "["):
            var state = try beginArray()
            while try nextElement(&state) { try skipValue(depth: depth + 1) }
        case UInt8(ascii: "\""): _ = try scanString()
        case UInt8(ascii: "t"), UInt8(ascii: "f"): _ = try readBool()
        case UInt8(ascii: "n"):
            guard readNull() else { throw syntaxError("expected a value") }
        default:
            guard next == UInt8(ascii: "-") || isDigit(next) else { throw syntaxError("expected a value") }
            _ = try scanNumber()
        }
    }

    // MARK: Lexing

    @inline(__always) private func byte(at offset: Int) -> UInt8 {
        // `base` is non-nil whenever `count > 0`, and callers check `offset < count`.
        base.unsafelyUnwrapped[offset]
    }

    @inline(__always) private func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }

    private func slice(_ range: Range<Int>) -> UnsafeRawBufferPointer {
        guard let base else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        return UnsafeRawBufferPointer(start: base + range.lowerBound, count: range.count)
    }

    private func matches(_ literal: StaticString) -> Bool {
        let length = literal.utf8CodeUnitCount
        guard index + length <= count, let base else { return false }
        return memcmp(base + index, literal.utf8Start, length) == 0
    }

    /// Consumes a string token; returns the range between the quotes and whether it holds escapes.
    ///
    /// Eight bytes at a time while none of them is a quote, a backslash or a control character
    /// (the SWAR tests of "Bit Twiddling Hacks", "Determine if a word has a byte less than n"),
    /// then byte by byte: strings are most of the bytes of a completion line.
    private mutating func scanString() throws -> (Range<Int>, Bool) {
        index += 1
        let start = index
        var escaped = false
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        while index < count {
            if index + 8 <= count, let base {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                let quotes = word ^ (ones &* 0x22)
                let backslashes = word ^ (ones &* 0x5C)
                let special =
                    ((quotes &- ones) & ~quotes) | ((backslashes &- ones) & ~backslashes)
                    | ((word &- ones &* 0x20) & ~word)
                let flags = special & highs
                if flags == 0 {
                    index += 8
                    continue
                }
                // Borrows only run upwards, so the lowest flag marks a real match (little-endian).
                index += flags.trailingZeroBitCount >> 3
            }
            let next = byte(at: index)
            if next == UInt8(ascii: "\"") {
                let range = start..<index
                index += 1
                return (range, escaped)
            }
            if next == UInt8(ascii: "\\") {
                escaped = true
                index += 2
                continue
            }
            if next < 0x20 { throw syntaxError("a control character inside a string must be escaped") }
            index += 1
        }
        throw syntaxError("a string is not closed")
    }

    private mutating func readKey() throws -> JSONKey {
        let (range, escaped) = try scanString()
        if escaped { return JSONKey(decoded: String(decoding: try unescape(range), as: UTF8.self)) }
        return JSONKey(raw: slice(range))
    }

    /// Decodes the escapes of RFC 8259 §7, joining UTF-16 surrogate pairs.
    private func unescape(_ range: Range<Int>) throws -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(range.count)
        var offset = range.lowerBound
        while offset < range.upperBound {
            let next = byte(at: offset)
            guard next == UInt8(ascii: "\\") else {
                output.append(next)
                offset += 1
                continue
            }
            guard offset + 1 < range.upperBound else {
                throw JSONScanError(offset: offset, problem: .syntax("a string ends inside an escape"))
            }
            let code = byte(at: offset + 1)
            offset += 2
            switch code {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): output.append(code)
            case UInt8(ascii: "b"): output.append(0x08)
            case UInt8(ascii: "f"): output.append(0x0C)
            case UInt8(ascii: "n"): output.append(0x0A)
            case UInt8(ascii: "r"): output.append(0x0D)
            case UInt8(ascii: "t"): output.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4(at: offset, end: range.upperBound)
                offset += 4
                if (0xD800..<0xDC00).contains(scalar), offset + 6 <= range.upperBound,
                    byte(at: offset) == UInt8(ascii: "\\"), byte(at: offset + 1) == UInt8(ascii: "u")
                {
                    let low = try hex4(at: offset + 2, end: range.upperBound)
                    if (0xDC00..<0xE000).contains(low) {
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        offset += 6
                    }
                }
                // A lone surrogate becomes U+FFFD, as `String(decoding:)` does with invalid UTF-8.
                let value = Unicode.Scalar(scalar) ?? "\u{FFFD}"
                output.append(contentsOf: String(value).utf8)
            default:
                throw JSONScanError(offset: offset - 1, problem: .syntax("unknown escape in a string"))
            }
        }
        return output
    }

    private func hex4(at offset: Int, end: Int) throws -> UInt32 {
        guard offset + 4 <= end else {
            throw JSONScanError(offset: offset, problem: .syntax("a \\u escape needs four hex digits"))
        }
        var value: UInt32 = 0
        for position in offset..<offset + 4 {
            let digit = byte(at: position)
            let nibble: UInt8
            switch digit {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): nibble = digit - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): nibble = digit - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): nibble = digit - UInt8(ascii: "A") + 10
            default: throw JSONScanError(offset: position, problem: .syntax("a \\u escape needs four hex digits"))
            }
            value = value << 4 | UInt32(nibble)
        }
        return value
    }

    /// Consumes a number token following the RFC 8259 grammar and returns its range.
    private mutating func scanNumber() throws -> Range<Int> {
        skipWhitespace()
        let start = index
        if index < count, byte(at: index) == UInt8(ascii: "-") { index += 1 }
        let integerStart = index
        while index < count, isDigit(byte(at: index)) { index += 1 }
        guard index > integerStart else { throw syntaxError("expected a digit") }
        if index < count, byte(at: index) == UInt8(ascii: ".") {
            index += 1
            let fractionStart = index
            while index < count, isDigit(byte(at: index)) { index += 1 }
            guard index > fractionStart else { throw syntaxError("expected a digit after the decimal point") }
        }
        if index < count, byte(at: index) | 0x20 == UInt8(ascii: "e") {
            index += 1
            if index < count, byte(at: index) == UInt8(ascii: "+") || byte(at: index) == UInt8(ascii: "-") {
                index += 1
            }
            let exponentStart = index
            while index < count, isDigit(byte(at: index)) { index += 1 }
            guard index > exponentStart else { throw syntaxError("expected a digit in the exponent") }
        }
        return start..<index
    }

    /// An integer from decimal text: digits with an optional sign and an all-zero fraction; nil on
    /// overflow, a non-zero fraction or an exponent.
    static func integer(_ text: UnsafeRawBufferPointer) -> Int64? {
        var offset = 0
        var negative = false
        if offset < text.count, text[offset] == UInt8(ascii: "-") {
            negative = true
            offset += 1
        }
        let digitsStart = offset
        var value: Int64 = 0
        while offset < text.count, text[offset] &- 0x30 < 10 {
            let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times.addingReportingOverflow(Int64(text[offset] &- 0x30))
            if overflow1 || overflow2 { return nil }
            value = sum
            offset += 1
        }
        guard offset > digitsStart else { return nil }
        if offset < text.count, text[offset] == UInt8(ascii: ".") {
            offset += 1
            while offset < text.count, text[offset] == UInt8(ascii: "0") { offset += 1 }
        }
        guard offset == text.count else { return nil }
        return negative ? -value : value
    }

    // MARK: Errors

    private func syntaxError(_ message: String) -> JSONScanError {
        JSONScanError(offset: index, problem: .syntax(message))
    }

    private mutating func typeError(expected: String) -> JSONScanError {
        let found: String
        switch peek() {
        case nil: found = "nothing"
        case UInt8(ascii: "{"): found = "an object"
        case UInt8(ascii: "["): found = "an array"
        case UInt8(ascii: "\""): found = "a string"
        case UInt8(ascii: "t"), UInt8(ascii: "f"): found = "a boolean"
        case UInt8(ascii: "n"): found = "null"
        case let other? where other == UInt8(ascii: "-") || isDigit(other): found = "a number"
        default: return syntaxError("expected a value")
        }
        return JSONScanError(offset: index, problem: .type(expected: expected, found: found))
    }
}
