/// A pull cursor over the bytes of one JSON text (RFC 8259): the ingest hot path reads the fields it
/// needs straight from the read buffer and skips the rest, allocating only the strings it keeps;
/// `readValue` builds a `JSONValue` tree for small documents (pages, jobs, training examples).
///
/// Foundation's `JSONDecoder` reads about 20 MB/s here and builds an object graph per line; this
/// touches each byte once. Skipped values are still checked against the grammar, so a malformed
/// line is never half-read. The bytes must outlive the scanner.
///
/// The streaming methods are `@inlinable` so that Ingest's readers, in another module, get them
/// inlined into their loops: called across the module boundary, JSON line parsing ran about 12%
/// slower (the micro-benchmark's 345 MB/s against 390).
public struct JSONScanner {
    @usableFromInline let base: UnsafePointer<UInt8>?
    @usableFromInline let count: Int
    /// The offset of the next byte to read.
    @usableFromInline var index = 0

    /// Containers nest at most this deep, so a hostile line cannot exhaust the stack.
    public static let maximumDepth = 256

    public init(_ bytes: UnsafeRawBufferPointer) {
        base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self)
        count = bytes.count
    }

    /// Where the caller is inside an object or an array: the first member needs no comma.
    public struct ContainerState {
        @usableFromInline var first = true

        @inlinable init() {}
    }

    // MARK: Structure

    @inlinable @inline(__always) public mutating func skipWhitespace() {
        while index < count {
            switch byte(at: index) {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    /// The next significant byte, without consuming it; nil at the end of the text.
    @inlinable @inline(__always) public mutating func peek() -> UInt8? {
        skipWhitespace()
        return index < count ? byte(at: index) : nil
    }

    /// Fails unless only whitespace remains.
    @inlinable public mutating func expectEnd() throws {
        skipWhitespace()
        if index < count { throw syntaxError("unexpected text after the end of the JSON value") }
    }

    @inlinable public mutating func beginObject() throws -> ContainerState {
        guard peek() == UInt8(ascii: "{") else { throw typeError(expected: "an object") }
        index += 1
        return ContainerState()
    }

    /// The next member's key (the cursor then stands on its value), or nil after the closing brace.
    @inlinable public mutating func nextKey(_ state: inout ContainerState) throws -> JSONKey? {
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

    @inlinable public mutating func beginArray() throws -> ContainerState {
        guard peek() == UInt8(ascii: "[") else { throw typeError(expected: "an array") }
        index += 1
        return ContainerState()
    }

    /// True when another element follows (the cursor then stands on it), false after the closing bracket.
    @inlinable public mutating func nextElement(_ state: inout ContainerState) throws -> Bool {
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
    @inlinable public mutating func readNull() -> Bool {
        guard peek() == UInt8(ascii: "n"), matches("null") else { return false }
        index += 4
        return true
    }

    @inlinable public mutating func readBool() throws -> Bool {
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

    @inlinable public mutating func readString() throws -> String {
        guard peek() == UInt8(ascii: "\"") else { throw typeError(expected: "a string") }
        let (range, escaped) = try scanString()
        if !escaped { return String(decoding: slice(range), as: UTF8.self) }
        return String(decoding: try unescape(range), as: UTF8.self)
    }

    /// A string's bytes without copying when it has no escapes: the caller may compare or hash
    /// them before deciding to build a `String`.
    @inlinable public mutating func readStringBytes() throws -> (bytes: UnsafeRawBufferPointer, escaped: Bool) {
        guard peek() == UInt8(ascii: "\"") else { throw typeError(expected: "a string") }
        let (range, escaped) = try scanString()
        return (slice(range), escaped)
    }

    /// A number's exact source text, for values that must not pass through `Double` (money).
    @inlinable public mutating func readNumberText() throws -> String {
        let range = try scanNumber()
        return String(decoding: slice(range), as: UTF8.self)
    }

    /// An integer. `12.0` is accepted (warehouse exports write integers as floats); `12.5` is not.
    @inlinable public mutating func readInt64() throws -> Int64 {
        guard let first = peek(), first == UInt8(ascii: "-") || isDigit(first) else {
            throw typeError(expected: "an integer")
        }
        let range = try scanNumber()
        guard let value = Self.integer(slice(range)) else {
            throw error(at: range.lowerBound, .notAnInteger(String(decoding: slice(range), as: UTF8.self)))
        }
        return value
    }

    // MARK: Whole values

    /// Skips one value of any type, checking its grammar.
    @inlinable public mutating func skipValue() throws {
        try skipValue(depth: 0)
    }

    /// The exact source text of the next value (for content kept verbatim).
    @inlinable public mutating func readRawValue() throws -> UnsafeRawBufferPointer {
        skipWhitespace()
        let start = index
        try skipValue()
        return slice(start..<index)
    }

    /// The next value as a tree, for small documents (pages, jobs, eval exports).
    public mutating func readValue() throws -> JSONValue {
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
            return .object(JSONObject(members))
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

    @inlinable mutating func skipValue(depth: Int) throws {
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
}
