import DistillCore

/// Any JSON value, so a training line can be checked key by key.
///
/// Objects keep no key order; only their content matters here. Parsed by `JSONLineParser`.
enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    case integer(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    var string: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// Compact JSON with sorted keys: the text counted for values that are not plain strings
    /// (tool definitions, tool calls), whose rendering inside the model's prompt is not package.
    var compactText: String {
        switch self {
        case .null: "null"
        case .bool(let value): value ? "true" : "false"
        case .integer(let value): String(value)
        case .double(let value): String(value)
        case .string(let value): JSONText.quoted(value)
        case .array(let values): "[" + values.map(\.compactText).joined(separator: ",") + "]"
        case .object(let members):
            "{" + members.sorted { $0.key < $1.key }.map { JSONText.quoted($0.key) + ":" + $0.value.compactText }
                .joined(separator: ",") + "}"
        }
    }
}
