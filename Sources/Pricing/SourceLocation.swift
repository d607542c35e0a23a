/// A place in a catalog file, so every price and every error can say where it came from.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    public let file: String
    /// 1-based, as editors count.
    public let line: Int

    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }

    /// `pricing/openai.yaml:42`.
    public var description: String { "\(file):\(line)" }
}
