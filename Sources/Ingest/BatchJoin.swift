/// How a Batch output file met its input file (`--batch-input`), by `custom_id`: said in the
/// summary, so no line is left without its messages silently.
package struct BatchJoin: Sendable, Equatable {
    package var inputPath: String
    /// Successful output lines stored with their request's messages.
    package var joined = 0
    /// Successful output lines whose `custom_id` the input file does not have: stored without
    /// messages, so `dataset build` counts them as having no prompt.
    package var outputsWithoutInput = 0
    /// Input requests with no line in this output file (their answers may be in another output
    /// or error file).
    package var inputsWithoutOutput = 0

    package init(inputPath: String, joined: Int = 0, outputsWithoutInput: Int = 0, inputsWithoutOutput: Int = 0) {
        self.inputPath = inputPath
        self.joined = joined
        self.outputsWithoutInput = outputsWithoutInput
        self.inputsWithoutOutput = inputsWithoutOutput
    }

    package var description: String {
        var text = "  request messages from \(inputPath): joined to \(joined) \(joined == 1 ? "line" : "lines")"
        if outputsWithoutInput > 0 {
            text += "; \(outputsWithoutInput) successful \(outputsWithoutInput == 1 ? "line has a custom_id" : "lines have custom_ids") "
                + "not in it (stored without messages)"
        }
        if inputsWithoutOutput > 0 {
            text += "; \(inputsWithoutOutput) of its custom_ids \(inputsWithoutOutput == 1 ? "has" : "have") no line in this file"
        }
        return text
    }
}
