/// A JSON object's members in order: source order when parsed, the order written when built (the
/// report JSON lists its figures in reading order). Lookups are linear, which is fastest for the
/// small objects this is used for.
public struct JSONObject: Sendable, Equatable, ExpressibleByArrayLiteral {
    public var members: [(key: String, value: JSONValue)]

    public init(_ members: [(key: String, value: JSONValue)]) {
        self.members = members
    }

    /// `[("name", value), …]`: ordered pairs, since a dictionary literal would not say the order
    /// is kept.
    public init(arrayLiteral members: (key: String, value: JSONValue)...) {
        self.members = members
    }

    /// The member named `key`; of duplicates the last, as Python's `json`, JavaScript's `JSON.parse`
    /// and the streaming readers read them, so every reader sees the same record.
    public subscript(key: String) -> JSONValue? {
        members.last { $0.key == key }?.value
    }

    /// Each key once with its last value (what `subscript` returns): the object's content,
    /// whatever its order and duplicates.
    public var dictionary: [String: JSONValue] {
        var dictionary: [String: JSONValue] = [:]
        for member in members { dictionary[member.key] = member.value }
        return dictionary
    }

    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        lhs.members.count == rhs.members.count
            && zip(lhs.members, rhs.members).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }
}
