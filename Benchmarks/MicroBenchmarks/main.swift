import Foundation
import Tokenizer

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// Micro-benchmarks of three hot paths, each on one thread and without I/O in the timed part: JSON
// line parsing, tokenizer throughput, exact pricing of aggregates. `make bench-micro` runs it and
// keeps the table in Benchmarks/results/micro.md. Not a test: nothing here asserts a time, only
// that the measured code computed the right result.

func printToStandardError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.contains("--help") {
    print(Options.usage)
    exit(0)
}
let options: Options
do {
    options = try Options(arguments)
} catch {
    printToStandardError("distill-roi-microbench: \(error)\n\(Options.usage)")
    exit(64)
}

do {
    let started = Measurement.seconds(on: CLOCK_MONOTONIC)
    var document = ResultsDocument(commit: options.commit, quick: options.quick, runsPerBenchmark: options.runs)
    for folder in ["pricing", "Sources"] where !FileManager.default.fileExists(atPath: folder) {
        throw BenchmarkFailure("there is no \(folder)/ here: run from the package root, as `make bench-micro` does")
    }

    printToStandardError("JSON line parsing: \(options.lineCount) lines")
    document.benchmarks.append(try JSONLineParsing.run(lineCount: options.lineCount, runs: options.runs))

    printToStandardError("Tokenizer: prose and code, o200k_base and cl100k_base")
    let texts = [
        try TokenizerThroughput.prose(atLeast: options.textBytes),
        try TokenizerThroughput.code(in: "Sources", atLeast: options.textBytes),
    ]
    document.benchmarks += try TokenizerThroughput.run(
        texts: texts, dataDirectory: TokenizerDataDirectory.resolve(), runs: options.runs)

    printToStandardError("Aggregate pricing: \(options.aggregateCount) aggregates")
    document.benchmarks.append(
        try AggregatePricing.run(aggregateCount: options.aggregateCount, pricingDirectory: "pricing", runs: options.runs))

    document.loadAverageAtEnd = ResultsDocument.loadAverage()
    document.totalWallSeconds = Measurement.seconds(on: CLOCK_MONOTONIC) - started
    if let jsonPath = options.jsonPath {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(document).write(to: URL(fileURLWithPath: jsonPath), options: .atomic)
    }
    print(document.markdown, terminator: "")
} catch {
    printToStandardError("distill-roi-microbench: \(error)")
    exit(1)
}
