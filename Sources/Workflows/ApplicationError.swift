/// An error the command line shows as one sentence, with the exit code scripts can test.
package struct ApplicationError: Error, CustomStringConvertible, Sendable {
    package let description: String
    package let exitCode: Int32

    package init(_ description: String, exitCode: Int32 = 1) {
        self.description = description
        self.exitCode = exitCode
    }
}
