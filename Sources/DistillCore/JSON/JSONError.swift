/// What the scanner found wrong in a JSON text, and where: the byte offset, and the line and
/// column it falls on (for documents that span lines).
///
/// Readers turn it into their own error naming the field being read, and the file and line.
public struct JSONError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Problem: Hashable, Sendable {
        case syntax(String)
        case type(expected: String, found: String)
        case notAnInteger(String)
    }

    /// 0-based byte offset into the scanned text.
    public let offset: Int
    /// 1-based line of `offset`: one more than the line feeds before it.
    public let line: Int
    /// 1-based column of `offset`, in bytes from the start of its line.
    public let column: Int
    public let problem: Problem

    public init(offset: Int, line: Int, column: Int, problem: Problem) {
        self.offset = offset
        self.line = line
        self.column = column
        self.problem = problem
    }

    /// The error at `offset` of `text`, with its line and column counted there: only when the
    /// text is found wrong, so scanning valid text never pays for it.
    init(offset: Int, in text: UnsafeRawBufferPointer, problem: Problem) {
        var line = 1
        var lineStart = 0
        for position in 0..<min(offset, text.count) where text[position] == UInt8(ascii: "\n") {
            line += 1
            lineStart = position + 1
        }
        self.init(offset: offset, line: line, column: offset - lineStart + 1, problem: problem)
    }

    /// The problem as a phrase that follows a field name.
    public var message: String {
        switch problem {
        case .syntax(let message): return "not valid JSON at byte \(offset + 1): \(message)"
        case .type(let expected, let found): return "must be \(expected), found \(found)"
        case .notAnInteger(let text): return "must be an integer, found \(text)"
        }
    }

    public var description: String { message }
}
