import ArgumentParser
import DistillROI

struct Estimate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Before fine-tuning: training cost, savings, break-even and ROI from a training file.")

    @Argument(parsing: .captureForPassthrough) var arguments: [String] = []

    func run() throws { try reportingErrors { throw ApplicationError.notBuiltYet("estimate", issue: 7) } }
}
