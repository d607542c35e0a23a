/// `key=value`, as `--tag`, `--map` and `--metadata` are written: the one parser for all three.
///
/// The key is everything before the first `=` and may not be empty; the value is the rest and may
/// itself hold `=` or be empty.
public struct KeyValuePair: Sendable, Hashable, CustomStringConvertible {
    public let key: String
    public let value: String

    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }

    public init?(_ text: some StringProtocol) {
        guard let equals = text.firstIndex(of: "="), equals != text.startIndex else { return nil }
        self.init(key: String(text[..<equals]), value: String(text[text.index(after: equals)...]))
    }

    public var description: String { "\(key)=\(value)" }
}
