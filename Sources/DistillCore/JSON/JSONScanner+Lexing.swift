#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension JSONScanner {
    // MARK: Lexing

    @inlinable @inline(__always) func byte(at offset: Int) -> UInt8 {
        // `base` is non-nil whenever `count > 0`, and callers check `offset < count`.
        base.unsafelyUnwrapped[offset]
    }

    @inlinable @inline(__always) func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }

    @inlinable func slice(_ range: Range<Int>) -> UnsafeRawBufferPointer {
        guard let base else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        return UnsafeRawBufferPointer(start: base + range.lowerBound, count: range.count)
    }

    @inlinable func matches(_ literal: StaticString) -> Bool {
        let length = literal.utf8CodeUnitCount
        guard index + length <= count, let base else { return false }
        return memcmp(base + index, literal.utf8Start, length) == 0
    }

    /// Consumes a string token; returns the range between the quotes and whether it holds escapes.
    ///
    /// Eight bytes at a time while none of them is a quote, a backslash or a control character
    /// (the SWAR tests of "Bit Twiddling Hacks", "Determine if a word has a byte less than n"),
    /// then byte by byte: strings are most of the bytes of a completion line.
    @inlinable mutating func scanString() throws -> (Range<Int>, Bool) {
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

    @inlinable mutating func readKey() throws -> JSONKey {
        let (range, escaped) = try scanString()
        if escaped { return JSONKey(decoded: String(decoding: try unescape(range), as: UTF8.self)) }
        return JSONKey(raw: slice(range))
    }

    /// Decodes the escapes of RFC 8259 §7, joining UTF-16 surrogate pairs.
    @usableFromInline func unescape(_ range: Range<Int>) throws -> [UInt8] {
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
                throw error(at: offset, .syntax("a string ends inside an escape"))
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
                throw error(at: offset - 1, .syntax("unknown escape in a string"))
            }
        }
        return output
    }

    func hex4(at offset: Int, end: Int) throws -> UInt32 {
        guard offset + 4 <= end else {
            throw error(at: offset, .syntax("a \\u escape needs four hex digits"))
        }
        var value: UInt32 = 0
        for position in offset..<offset + 4 {
            let digit = byte(at: position)
            let nibble: UInt8
            switch digit {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): nibble = digit - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): nibble = digit - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): nibble = digit - UInt8(ascii: "A") + 10
            default: throw error(at: position, .syntax("a \\u escape needs four hex digits"))
            }
            value = value << 4 | UInt32(nibble)
        }
        return value
    }

    /// Consumes a number token following the RFC 8259 grammar and returns its range. A leading
    /// zero is a number of its own in that grammar, so `01` is rejected, not read as 1.
    @inlinable mutating func scanNumber() throws -> Range<Int> {
        skipWhitespace()
        let start = index
        if index < count, byte(at: index) == UInt8(ascii: "-") { index += 1 }
        let integerStart = index
        while index < count, isDigit(byte(at: index)) { index += 1 }
        guard index > integerStart else { throw syntaxError("expected a digit") }
        if byte(at: integerStart) == UInt8(ascii: "0"), index > integerStart + 1 {
            throw error(at: integerStart + 1, .syntax("a number cannot start with 0 followed by a digit"))
        }
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
    @inlinable public static func integer(_ text: UnsafeRawBufferPointer) -> Int64? {
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

    @usableFromInline func error(at offset: Int, _ problem: JSONError.Problem) -> JSONError {
        JSONError(offset: offset, in: slice(0..<count), problem: problem)
    }

    @usableFromInline func syntaxError(_ message: String) -> JSONError {
        error(at: index, .syntax(message))
    }

    @usableFromInline mutating func typeError(expected: String) -> JSONError {
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
        return error(at: index, .type(expected: expected, found: found))
    }
}
