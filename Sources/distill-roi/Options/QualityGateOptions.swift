import ArgumentParser
import Statistics

/// `--margin`, shared by the commands that judge a student's quality against its teacher.
struct QualityGateOptions: ParsableArguments {
    @Option(help: "Non-inferiority margin of the quality gate, in score points (0-100).")
    var margin = PairedComparison.defaultMarginPoints

    func validate() throws {
        guard margin.isFinite, margin >= 0, margin <= 100 else {
            throw ValidationError("--margin must be between 0 and 100 score points.")
        }
    }
}
