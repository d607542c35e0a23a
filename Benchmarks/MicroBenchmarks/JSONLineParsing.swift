import Ingest

/// `CompletionObjectReader.record(from:)` over chat.completion lines already in memory: the
/// ingest's parsing cost alone, without reading a file or writing SQLite.
enum JSONLineParsing {
    static func run(lineCount: Int, runs: Int) throws -> BenchmarkResult {
        let lines = CompletionLines(count: lineCount, seed: 8)
        let measurement = try Measurement.take(runs: runs) {
            let parsed = try parse(lines)
            guard parsed == lines.expected else {
                throw BenchmarkFailure("JSON line parsing read \(parsed), but the generated lines hold \(lines.expected)")
            }
        }
        let megabytes = Double(lines.bytes.count) / 1e6
        return BenchmarkResult(
            name: "JSON line parsing",
            input: "\(format(Double(lineCount))) generated chat.completion lines, \(format(megabytes)) MB (newlines included), "
                + "3 models, 5 metadata sets, a fresh reader per run",
            work: [.init(unit: "records", amount: Double(lineCount)), .init(unit: "MB", amount: megabytes)],
            measurement: measurement)
    }

    /// A fresh reader each run, as each ingest starts with one, so its model and metadata caches
    /// are filled inside the timed run.
    private static func parse(_ lines: CompletionLines) throws -> CompletionLines.Totals {
        var reader = CompletionObjectReader()
        var totals = CompletionLines.Totals()
        try lines.bytes.withUnsafeBytes { all in
            for line in lines.lines {
                totals.add(try reader.record(from: UnsafeRawBufferPointer(rebasing: all[line])))
            }
        }
        return totals
    }
}
