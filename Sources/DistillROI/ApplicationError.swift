/// An error the command line shows as one sentence, with the exit code scripts can test.
public struct ApplicationError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public let exitCode: Int32

    public init(_ description: String, exitCode: Int32 = 1) {
        self.description = description
        self.exitCode = exitCode
    }

    /// For a subcommand whose capability is not built yet: it says so and exits non-zero, so no
    /// script mistakes it for a result.
    public static func notBuiltYet(_ command: String, issue: Int) -> ApplicationError {
        ApplicationError(
            "`distill-roi \(command)` is not built yet (tracked in issue \(issue)); nothing was done.",
            exitCode: 2)
    }
}
