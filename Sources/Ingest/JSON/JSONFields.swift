import DistillCore

/// Typed access to a JSON object's members that throws errors naming the member's full path.
///
/// The tree readers (pages, jobs, eval exports, OTLP) read through this, so every message says
/// exactly which field is wrong: `data[2].results[0].amount.value: is missing`.
struct JSONFields {
    let object: JSONObject
    /// The path of this object, e.g. `data[2]`; empty at the top.
    let path: String

    init(_ object: JSONObject, path: String = "") {
        self.object = object
        self.path = path
    }

    /// Wraps a value that must be an object.
    init(_ value: JSONValue, path: String) throws {
        guard case .object(let object) = value else {
            throw IngestError.field(path.isEmpty ? nil : path, "must be an object, found \(value.typeName)")
        }
        self.init(object, path: path)
    }

    func name(_ key: String) -> String { path.isEmpty ? key : path + "." + key }

    /// The member, treating `null` as absent.
    func value(_ key: String) -> JSONValue? {
        guard let value = object[key], value != .null else { return nil }
        return value
    }

    func string(_ key: String) throws -> String {
        guard let text = try optionalString(key) else { throw IngestError.field(name(key), "is missing") }
        return text
    }

    func optionalString(_ key: String) throws -> String? {
        guard let value = value(key) else { return nil }
        guard case .string(let text) = value else {
            throw IngestError.field(name(key), "must be a string, found \(value.typeName)")
        }
        return text
    }

    func int64(_ key: String) throws -> Int64 {
        guard let number = try optionalInt64(key) else { throw IngestError.field(name(key), "is missing") }
        return number
    }

    /// An integer; OTLP and some exporters write 64-bit integers as decimal strings, so digits in a
    /// string are accepted too.
    func optionalInt64(_ key: String) throws -> Int64? {
        guard let value = value(key) else { return nil }
        switch value {
        case .number(let text), .string(let text):
            var text = text
            if let number = text.withUTF8({ JSONScanner.integer(UnsafeRawBufferPointer($0)) }) { return number }
            throw IngestError.field(name(key), "must be an integer, found \(text)")
        default:
            throw IngestError.field(name(key), "must be an integer, found \(value.typeName)")
        }
    }

    /// A token count: an integer that is not negative.
    func count(_ key: String) throws -> Int64 {
        let number = try int64(key)
        guard number >= 0 else { throw IngestError.field(name(key), "must not be negative, found \(number)") }
        return try TokenRule.bounded(number, field: name(key))
    }

    func optionalCount(_ key: String) throws -> Int64? {
        guard let number = try optionalInt64(key) else { return nil }
        guard number >= 0 else { throw IngestError.field(name(key), "must not be negative, found \(number)") }
        return try TokenRule.bounded(number, field: name(key))
    }

    func optionalDouble(_ key: String) throws -> Double? {
        guard let value = value(key) else { return nil }
        guard case .number(let text) = value, let number = Double(text), number.isFinite else {
            throw IngestError.field(name(key), "must be a finite number, found \(value.typeName)")
        }
        return number
    }

    /// The exact source text of a number (money is never parsed through `Double`).
    func numberText(_ key: String) throws -> String {
        guard let value = value(key) else { throw IngestError.field(name(key), "is missing") }
        guard case .number(let text) = value else {
            throw IngestError.field(name(key), "must be a number, found \(value.typeName)")
        }
        return text
    }

    func optionalBool(_ key: String) throws -> Bool? {
        guard let value = value(key) else { return nil }
        guard case .bool(let flag) = value else {
            throw IngestError.field(name(key), "must be true or false, found \(value.typeName)")
        }
        return flag
    }

    func optionalObject(_ key: String) throws -> JSONFields? {
        guard let value = value(key) else { return nil }
        return try JSONFields(value, path: name(key))
    }

    func object(_ key: String) throws -> JSONFields {
        guard let fields = try optionalObject(key) else { throw IngestError.field(name(key), "is missing") }
        return fields
    }

    /// The elements of an array member (empty when absent or null).
    func array(_ key: String) throws -> [JSONValue] {
        guard let value = value(key) else { return [] }
        guard case .array(let elements) = value else {
            throw IngestError.field(name(key), "must be an array, found \(value.typeName)")
        }
        return elements
    }

    /// The objects of an array member, each with its indexed path.
    func objects(_ key: String) throws -> [JSONFields] {
        try array(key).enumerated().map { try JSONFields($1, path: "\(name(key))[\($0)]") }
    }

    /// A Unix time in seconds, checked against the plausible range.
    func time(_ key: String) throws -> Int64 {
        let seconds = try int64(key)
        try TimeRule.check(seconds: seconds, field: name(key))
        return seconds
    }

    func optionalTime(_ key: String) throws -> Int64? {
        guard let seconds = try optionalInt64(key) else { return nil }
        try TimeRule.check(seconds: seconds, field: name(key))
        return seconds
    }

    /// A string-to-string map (metadata) as text values; numbers and booleans keep their JSON text.
    func stringMap(_ key: String) throws -> [String: String]? {
        guard let fields = try optionalObject(key) else { return nil }
        var map: [String: String] = [:]
        for (member, value) in fields.object.members {
            switch value {
            case .string(let text), .number(let text): map[member] = text
            case .bool(let flag): map[member] = flag ? "true" : "false"
            case .null: continue
            default: throw IngestError.field(fields.name(member), "must be a string, found \(value.typeName)")
            }
        }
        return map
    }
}
