/// A JSON value: what `JSONScanner.readValue` reads from small documents (API pages, fine-tuning
/// jobs, eval exports, training examples) and what the report JSON is built from and written as.
///
/// Numbers keep their exact text, so an amount of money is never rounded through `Double` and a
/// 64-bit integer never loses precision; objects keep their members in order, so the same value
/// always gives the same bytes (reports are compared and committed as goldens).
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// A number as JSON text: the source text when parsed, else an integer or a decimal
    /// formatted by the caller.
    case number(String)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    /// Parses one JSON text (surrounding whitespace allowed).
    public static func parse(_ bytes: UnsafeRawBufferPointer) throws -> JSONValue {
        var scanner = JSONScanner(bytes)
        let value = try scanner.readValue()
        try scanner.expectEnd()
        return value
    }

    public static func parse(_ bytes: [UInt8]) throws -> JSONValue {
        try bytes.withUnsafeBytes { try parse($0) }
    }

    public static func parse(_ text: String) throws -> JSONValue {
        try parse(Array(text.utf8))
    }

    public static func integer(_ value: some BinaryInteger) -> JSONValue { .number("\(value)") }

    /// A double with up to `places` decimals, trailing zeros trimmed; NaN and infinities are null.
    public static func decimal(_ value: Double?, places: Int = 6) -> JSONValue {
        guard let value, value.isFinite else { return .null }
        return .number(DecimalFormatting.fixed(value, places: places, trimZeros: true))
    }

    public static func optionalString(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }

    /// The kind of value with its article, for messages: "a string", "an object", "null".
    public var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    public var objectValue: JSONObject? {
        if case .object(let object) = self { return object }
        return nil
    }

    public var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }
}
