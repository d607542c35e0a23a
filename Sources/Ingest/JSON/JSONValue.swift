/// A parsed JSON value for small documents (API pages, fine-tuning jobs, eval exports, OTLP).
///
/// Numbers keep their exact source text, so an amount of money is never rounded through `Double`
/// and a 64-bit integer never loses precision.
package enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    /// Parses one JSON text (surrounding whitespace allowed).
    package static func parse(_ bytes: UnsafeRawBufferPointer) throws -> JSONValue {
        var scanner = JSONScanner(bytes)
        do {
            let value = try scanner.readValue()
            try scanner.expectEnd()
            return value
        } catch let error as JSONScanError {
            throw IngestError.invalidValue(IngestDiagnostic(field: nil, problem: error.message))
        }
    }

    package static func parse(_ bytes: [UInt8]) throws -> JSONValue {
        try bytes.withUnsafeBytes { try parse($0) }
    }

    var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    package var objectValue: JSONObject? {
        if case .object(let object) = self { return object }
        return nil
    }

    package var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }
}

/// A JSON object's members in source order; lookups are linear, which is fastest for the small
/// objects this is used for.
package struct JSONObject: Sendable, Equatable {
    package var members: [(key: String, value: JSONValue)]

    package init(members: [(key: String, value: JSONValue)]) {
        self.members = members
    }

    /// The member named `key`; of duplicates the last, as Python's `json`, JavaScript's `JSON.parse`
    /// and the streaming readers read them, so every reader sees the same record.
    package subscript(key: String) -> JSONValue? {
        members.last { $0.key == key }?.value
    }

    package static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        lhs.members.count == rhs.members.count
            && zip(lhs.members, rhs.members).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }
}
