import ArgumentParser
import DistillROI

struct Pricing: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List, show, check, quote and import the model prices in pricing/.")

    @Argument(parsing: .captureForPassthrough) var arguments: [String] = []

    func run() throws { try reportingErrors { throw ApplicationError.notBuiltYet("pricing", issue: 3) } }
}

struct Estimate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Before fine-tuning: training cost, savings, break-even and ROI from a training file.")

    @Argument(parsing: .captureForPassthrough) var arguments: [String] = []

    func run() throws { try reportingErrors { throw ApplicationError.notBuiltYet("estimate", issue: 7) } }
}

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the weekly ROI report or the finance month as HTML, Markdown, XLSX and JSON.")

    @Argument(parsing: .captureForPassthrough) var arguments: [String] = []

    func run() throws { try reportingErrors { throw ApplicationError.notBuiltYet("report", issue: 6) } }
}

struct Prune: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Delete per-request rows older than a window, keeping daily roll-ups.")

    @Argument(parsing: .captureForPassthrough) var arguments: [String] = []

    func run() throws { try reportingErrors { throw ApplicationError.notBuiltYet("prune", issue: 9) } }
}
