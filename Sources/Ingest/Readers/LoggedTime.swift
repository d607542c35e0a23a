import DistillCore

/// The time an application's logger wrote next to a provider response that carries none itself
/// (Anthropic messages and Gemini responses have no creation time).
///
/// Loggers name it differently; these are the common spellings, looked up in this order. The value is
/// ISO 8601 text or a Unix number in seconds, milliseconds, microseconds or nanoseconds (see `TimeRule`).
enum LoggedTime {
    static let fieldNames = [
        "timestamp", "@timestamp", "created_at", "createTime", "created", "time", "ts", "logged_at", "request_time",
        "start_time",
    ]

    /// The first logged time found among `fieldNames` in `fields`, in Unix seconds; nil when none is there.
    static func seconds(in fields: JSONFields) throws -> Int64? {
        for name in fieldNames {
            if let seconds = try fields.optionalTextOrUnixTime(name) { return seconds }
        }
        return nil
    }

    /// The logged time of a response, looked up on the logged line, then in the response itself;
    /// an error naming what carries none (`an Anthropic message`) when neither has one.
    static func seconds(in line: JSONFields, orIn response: JSONFields, missingFrom what: String) throws -> Int64 {
        guard let seconds = try seconds(in: line) ?? seconds(in: response) else {
            throw IngestError.field(
                nil,
                "has no time: \(what) carries none, so log one beside it "
                    + "(\(fieldNames.prefix(4).joined(separator: ", ")), ...)")
        }
        return seconds
    }
}

extension JSONFields {
    /// A time written as ISO 8601 text or as a Unix number of any unit (see `TimeRule`), in Unix
    /// seconds; Together and Fireworks job objects write RFC 3339 text.
    func optionalTextOrUnixTime(_ key: String) throws -> Int64? {
        guard let value = value(key) else { return nil }
        switch value {
        case .string(let text), .number(let text):
            return try TimeRule.milliseconds(text, field: name(key)).floorDividedBy1000
        default:
            throw IngestError.field(name(key), "must be a time (ISO 8601 text or a Unix number), found \(value.typeName)")
        }
    }

    func textOrUnixTime(_ key: String) throws -> Int64 {
        guard let seconds = try optionalTextOrUnixTime(key) else { throw IngestError.field(name(key), "is missing") }
        return seconds
    }
}
