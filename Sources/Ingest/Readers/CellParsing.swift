import DistillCore

/// Typed values from text cells, with the rules every table-shaped reader shares.
enum CellParsing {
    /// A non-negative integer count; `12.0` is accepted (warehouse exports write floats).
    static func count(_ text: String, field: String) throws -> Int64 {
        var text = text.trimmingSpaces()
        guard let value = text.withUTF8({ JSONScanner.integer(UnsafeRawBufferPointer($0)) }) else {
            throw IngestError.field(field, "must be a whole number, found \"\(text)\"")
        }
        guard value >= 0 else { throw IngestError.field(field, "must not be negative, found \(value)") }
        return try TokenRule.bounded(value, field: field)
    }

    /// A finite, non-negative number (durations): NaN, infinities and negatives are rejected.
    static func duration(_ text: String, field: String) throws -> Double {
        let trimmed = text.trimmingSpaces()
        guard let value = Double(trimmed) else {
            throw IngestError.field(field, "must be a number, found \"\(trimmed)\"")
        }
        guard value.isFinite else { throw IngestError.field(field, "must be a finite number, found \(trimmed)") }
        guard value >= 0 else { throw IngestError.field(field, "must not be negative, found \(trimmed)") }
        return value
    }

    static func flag(_ text: String, field: String) throws -> Bool {
        switch text.trimmingSpaces().lowercased() {
        case "true", "1", "yes", "y", "t", "pass", "passed": return true
        case "false", "0", "no", "n", "f", "fail", "failed": return false
        default: throw IngestError.field(field, "must be true or false, found \"\(text)\"")
        }
    }

    /// `ok` or `failed` from the many ways logs spell an outcome (HTTP codes included).
    static func status(_ text: String, field: String) throws -> String {
        let value = text.trimmingSpaces().lowercased()
        if let code = Int(value), (100...599).contains(code) { return code < 400 ? "ok" : "failed" }
        switch value {
        case "ok", "success", "succeeded", "successful", "completed", "complete", "done", "default", "debug", "info",
            "warning", "stop":
            return "ok"
        case "error", "failed", "failure", "fail", "errored", "cancelled", "canceled", "timeout", "timed_out",
            "aborted",
            "rate_limited":
            return "failed"
        default:
            throw IngestError.field(
                field, "\"\(text)\" is not a known status (use ok/success, error/failed, or an HTTP status code)")
        }
    }
}
