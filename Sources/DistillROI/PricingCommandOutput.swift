/// What a pricing command prints on standard output, and the exit code it ends with: `check`
/// prints its findings and still exits 1 on an error; `quote --json` prints the unpriced object
/// and exits 3, so scripts get both the explanation and the status.
public struct PricingCommandOutput: Sendable {
    public let text: String
    public let exitCode: Int32

    public init(text: String, exitCode: Int32 = 0) {
        self.text = text
        self.exitCode = exitCode
    }
}
