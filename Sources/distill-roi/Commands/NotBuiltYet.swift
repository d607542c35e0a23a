import ArgumentParser
import DistillROI

struct Ingest: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Load usage, latency, scores and fine-tuning jobs from files or the OpenAI API.")

    @Argument(parsing: .captureForPassthrough) var arguments: [String] = []

    func run() throws { try reportingErrors { throw ApplicationError.notBuiltYet("ingest", issue: 4) } }
}

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
