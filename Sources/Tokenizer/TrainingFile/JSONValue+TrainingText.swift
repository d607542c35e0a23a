import DistillCore

extension JSONValue {
    /// Compact JSON with sorted keys: the text counted for values that are not plain strings
    /// (tool definitions, tool calls), since how OpenAI renders them into the prompt is not
    /// published.
    ///
    /// Numbers are written as Swift prints them once read (an integer that fits `Int` as such,
    /// `-0` as `0`; any other number through `Double`, `1.50` as `1.5`, `1e2` as `100.0`), as the
    /// counts have always been made, so a file's spelling of a number does not change its tokens.
    var compactText: String { withNumbersAsRead.text(.canonical) }

    private var withNumbersAsRead: JSONValue {
        switch self {
        case .null, .bool, .string: return self
        case .number(let text): return .number(Self.numberAsRead(text))
        case .array(let values): return .array(values.map(\.withNumbersAsRead))
        case .object(let object): return .object(JSONObject(object.members.map { (key: $0.key, value: $0.value.withNumbersAsRead) }))
        }
    }

    private static func numberAsRead(_ text: String) -> String {
        if !text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }), let integer = Int(text) { return String(integer) }
        return Double(text).map { String($0) } ?? text
    }
}
