/// What a pricing command prints on standard output, and the exit code it ends with: `check`
/// prints its findings and still exits 1 on an error; `quote --json` prints the unpriced object
/// and exits 3, so scripts get both the explanation and the status.
package struct PricingCommandOutput: Sendable {
    package let text: String
    package let exitCode: Int32

    package init(text: String, exitCode: Int32 = 0) {
        self.text = text
        self.exitCode = exitCode
    }
}
