extension ResultsDocument {
    /// The conditions, then one table row per rate (a benchmark has one per unit of work), then
    /// what each benchmark's input was.
    var markdown: String {
        let load = { (averages: [Double]) in averages.map { format($0, places: 2) }.joined(separator: " / ") }
        var lines = [
            "# Micro-benchmarks (`distill-roi-microbench`\(quick ? " --quick" : ""))",
            "",
            "- Date \(date), commit \(commit ?? "not given"), release build, `nproc` \(processors).",
            "- Load average (1 / 5 / 15 min): \(load(loadAverageAtStart)) at start, \(load(loadAverageAtEnd)) at end "
                + "(the machine is shared).",
            "- Each benchmark: one warm-up run, then \(runsPerBenchmark) measured runs on one thread. Rates are work over "
                + "CPU time (`CLOCK_PROCESS_CPUTIME_ID`: the cost on one core, whatever else runs); the last column is "
                + "the median over wall-clock time (`CLOCK_MONOTONIC`). MB = 10⁶ bytes.",
            "- The whole run, inputs included, took \(format(totalWallSeconds)) s by wall clock.",
            "",
            "| benchmark | median (CPU) | min–max (CPU) | unit | runs | median (wall clock) |",
            "|---|---:|---:|---|---:|---:|",
        ]
        for benchmark in benchmarks {
            for work in benchmark.work {
                let cpu = Spread(benchmark.rates(of: work, clock: \.cpuSeconds))
                let wall = Spread(benchmark.rates(of: work, clock: \.wallSeconds))
                lines.append(
                    "| \(benchmark.name) | \(format(cpu.median)) | \(format(cpu.min))–\(format(cpu.max)) | \(work.unit)/s "
                        + "| \(benchmark.measurement.cpuSeconds.count) | \(format(wall.median)) |")
            }
        }
        lines += ["", "Inputs:", ""]
        lines += benchmarks.map { "- \($0.name): \($0.input)." }
        return lines.joined(separator: "\n") + "\n"
    }
}
