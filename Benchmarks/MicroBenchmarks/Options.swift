/// The command line, and the sizes it implies: the full run is what the results report; `--quick`
/// is a smoke run, a tenth of the work and three runs, to check the benchmarks still work.
struct Options {
    static let usage = """
        usage: distill-roi-microbench [--quick] [--json FILE] [--commit TEXT]
          Run from the package root (it reads pricing/ and Sources/; rank files as `tokens count` finds them).
          --quick        a tenth of the input and 3 measured runs instead of 7
          --json FILE    also write every run's times and the conditions to FILE
          --commit TEXT  the commit measured, printed in the results
        """

    var quick = false
    var jsonPath: String?
    var commit: String?

    var runs: Int { quick ? 3 : 7 }
    var lineCount: Int { quick ? 10_000 : 100_000 }
    var textBytes: Int { quick ? 800_000 : 8_000_000 }
    var aggregateCount: Int { quick ? 100_000 : 1_000_000 }

    /// Throws a message saying what is wrong with the arguments.
    init(_ arguments: [String]) throws(BenchmarkFailure) {
        var remaining = arguments[...]
        while let argument = remaining.popFirst() {
            switch argument {
            case "--quick": quick = true
            case "--json", "--commit":
                guard let value = remaining.popFirst(), !value.hasPrefix("--") else {
                    throw BenchmarkFailure("\(argument) needs a value")
                }
                if argument == "--json" { jsonPath = value } else { commit = value }
            default: throw BenchmarkFailure("unknown argument \(argument)")
            }
        }
    }
}
