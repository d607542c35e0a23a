import ArgumentParser
import DistillROI

struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a realistic synthetic distillation history and render every report from it.")

    func run() throws { try reportingErrors { throw ApplicationError.notBuiltYet("demo", issue: 2) } }
}
