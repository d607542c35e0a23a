import ArgumentParser
import DistillROI

struct Estimate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Before fine-tuning: training cost, savings, break-even and ROI from a training file.")

    @Argument(parsing: .captureForPassthrough) var arguments: [String] = []

    func run() throws { try reportingErrors { throw ApplicationError.notBuiltYet("estimate", issue: 7) } }
}

struct Prune: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Delete per-request rows older than a window, keeping daily roll-ups.")

    @Argument(parsing: .captureForPassthrough) var arguments: [String] = []

    func run() throws { try reportingErrors { throw ApplicationError.notBuiltYet("prune", issue: 9) } }
}
