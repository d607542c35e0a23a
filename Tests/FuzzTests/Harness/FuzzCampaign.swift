import DistillCore
import Foundation

/// A run of many mutated inputs against one target, from one seed: every input comes from its own
/// 64-bit seed (drawn from the run's), so any failure is reproduced from the number it prints
/// (`FUZZ_TARGET=… FUZZ_INPUT_SEED=…`).
package struct FuzzCampaign {
    package let target: FuzzTarget
    package let mutator: Mutator
    /// An input that takes longer than this is a failure (the brief's bound: 2 s).
    package let timeLimit: Double

    package init(target: FuzzTarget, timeLimit: Double = 2) throws {
        self.target = target
        mutator = Mutator(seeds: try target.seeds())
        self.timeLimit = timeLimit
    }

    package struct Failure: CustomStringConvertible, Sendable {
        package let target: FuzzTarget
        package let inputSeed: UInt64
        package let violations: [String]
        package let input: [UInt8]

        package var description: String {
            let preview = String(decoding: input.prefix(300), as: UTF8.self).debugDescription
            return "\(target) input seed \(inputSeed) (replay: FUZZ_TARGET=\(target) FUZZ_INPUT_SEED=\(inputSeed) make fuzz; "
                + "\(input.count) bytes, starting \(preview)):\n  " + violations.joined(separator: "\n  ")
        }
    }

    package struct Report: Sendable {
        package let inputs: Int
        package let seconds: Double
        package let slowestSeconds: Double
        package let failures: [Failure]
    }

    static let inputsPerDatabase = 250

    /// The input a seed stands for, and the option variant it is checked with.
    package func input(seed: UInt64) -> (bytes: [UInt8], variant: UInt64) {
        var random = SplitMix64(seed: seed)
        let bytes = mutator.mutate(&random)
        return (bytes, random.next())
    }

    /// The per-input seeds of a run.
    package func inputSeeds(runSeed: UInt64, count: Int) -> [UInt64] {
        var random = SplitMix64(seed: runSeed ^ UInt64(FuzzTarget.allCases.firstIndex(of: target) ?? 0) &* 0x9E37_79B9)
        return (0..<count).map { _ in random.next() }
    }

    /// Checks each seed's input in `folder`; a hang past `hangAbortSeconds` prints the seed and aborts
    /// the process (a hung parser cannot be interrupted), leaving the input in `folder` for a crasher.
    package func run(seeds: [UInt64], folder: String, hangAbortSeconds: Double = 60) throws -> Report {
        let watchdog = Watchdog(limit: hangAbortSeconds)
        defer { watchdog.stop() }
        var failures: [Failure] = []
        var slowest = 0.0
        let started = Date()
        // Accepted inputs add rows, and each check snapshots the whole database: a fresh one every
        // few hundred inputs keeps the cost per input (and the 2 s bound) independent of the run's
        // length. Each oracle goes out of scope before the next deletes its database.
        for chunkStart in stride(from: 0, to: seeds.count, by: Self.inputsPerDatabase) {
            let oracle = try FuzzOracle(target: target, folder: folder)
            for seed in seeds[chunkStart..<min(seeds.count, chunkStart + Self.inputsPerDatabase)] {
                let (bytes, variant) = input(seed: seed)
                watchdog.begin("\(target) input seed \(seed) (its input is \(oracle.inputPath))")
                let inputStarted = Date()
                var violations = try oracle.check(bytes, variant: variant)
                let seconds = Date().timeIntervalSince(inputStarted)
                watchdog.end()
                slowest = max(slowest, seconds)
                if seconds > timeLimit { violations.append("took \(seconds) s, over the \(timeLimit) s limit") }
                if !violations.isEmpty { failures.append(Failure(target: target, inputSeed: seed, violations: violations, input: bytes)) }
            }
        }
        return Report(inputs: seeds.count, seconds: Date().timeIntervalSince(started), slowestSeconds: slowest, failures: failures)
    }
}
