import ArgumentParser
import DistillROI

struct Prune: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Delete per-request rows older than a window, keeping daily roll-ups.")

    @Argument(parsing: .captureForPassthrough) var arguments: [String] = []

    func run() throws { try reportingErrors { throw ApplicationError.notBuiltYet("prune", issue: 9) } }
}
