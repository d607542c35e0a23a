/// An error the command line shows as one sentence, with the exit code scripts can test.
public struct ApplicationError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public let exitCode: Int32

    public init(_ description: String, exitCode: Int32 = 1) {
        self.description = description
        self.exitCode = exitCode
    }
}
