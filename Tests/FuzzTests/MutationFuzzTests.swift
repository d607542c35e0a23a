import Foundation
import FuzzHarness
import Testing
import TestSupport

/// The short fuzz pass of every `swift test`: each parser gets mutated fixtures from a fixed seed.
/// `make fuzz` runs the same test long (`FUZZ_ITERATIONS`, `FUZZ_SEED`), and replays one input with
/// `FUZZ_TARGET` and `FUZZ_INPUT_SEED`.
@Suite struct MutationFuzzTests {
    /// Inputs per target in the short pass, about 20 s for all of them on the 2-core machine; the
    /// training-file analyzer gets fewer because tokenizing dominates its time.
    static func shortPassInputs(_ target: FuzzTarget) -> Int {
        target == .trainingFile ? 40 : 80
    }
    static let environment = ProcessInfo.processInfo.environment

    @Test(arguments: FuzzTarget.allCases)
    func parserHoldsItsPropertiesOnMutatedInputs(target: FuzzTarget) throws {
        if let only = Self.environment["FUZZ_TARGET"], only != target.rawValue { return }
        let temporary = try TemporaryDirectory("fuzz-\(target)")
        // With FUZZ_ARTIFACTS (set by `make fuzz`) the working folder outlives a crash, so the input
        // that killed the process is still there to commit.
        let artifacts = Self.environment["FUZZ_ARTIFACTS"]
        let folder = artifacts.map { "\($0)/work/\(target)" } ?? temporary.path(target.rawValue)
        if let artifacts { try Self.writeCorpus(of: target, to: "\(artifacts)/corpus/\(target)") }
        let campaign = try FuzzCampaign(target: target)
        let seeds: [UInt64]
        if let replay = Self.environment["FUZZ_INPUT_SEED"].flatMap(UInt64.init) {
            seeds = [replay]
        } else {
            let runSeed = Self.environment["FUZZ_SEED"].flatMap(UInt64.init) ?? 20_261_129
            let count = Self.environment["FUZZ_ITERATIONS"].flatMap(Int.init) ?? Self.shortPassInputs(target)
            seeds = campaign.inputSeeds(runSeed: runSeed, count: count)
        }
        let report = try campaign.run(seeds: seeds, folder: folder)
        print("fuzz \(target): \(report.inputs) inputs in \(String(format: "%.1f", report.seconds)) s, slowest \(String(format: "%.3f", report.slowestSeconds)) s, \(report.failures.count) failures")
        #expect(report.inputs == seeds.count)
        for failure in report.failures.prefix(5) { Issue.record("\(failure)") }
        if let artifacts {
            for failure in report.failures {
                let path = "\(artifacts)/failures/\(target)/\(failure.inputSeed)-\(target.inputFileName)"
                try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try Data(failure.input).write(to: URL(fileURLWithPath: path))
                print("fuzz \(target): failing input saved as \(path)")
            }
        }
    }

    /// libFuzzer's starting corpus for `make fuzz`: the target's seeds and committed crashers.
    static func writeCorpus(of target: FuzzTarget, to folder: String) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let inputs = try target.seeds().enumerated().map { ("seed-\($0)", $1) } + target.crashers().map { ("crasher-\($0.name)", $0.bytes) }
        for (name, bytes) in inputs { try Data(bytes).write(to: URL(fileURLWithPath: "\(folder)/\(name)")) }
    }

    /// Every input that once broke a parser, committed under `Crashers/<target>/`, still passes.
    @Test(arguments: FuzzTarget.allCases.filter { !((try? $0.crashers()) ?? []).isEmpty })
    func committedCrashersStayFixed(target: FuzzTarget) throws {
        let folder = try TemporaryDirectory("crashers-\(target)")
        let oracle = try FuzzOracle(target: target, folder: folder.path(target.rawValue))
        for crasher in try target.crashers() {
            for variant: UInt64 in [0, 1] {
                let violations = try oracle.check(crasher.bytes, variant: variant)
                #expect(violations.isEmpty, "Crashers/\(target)/\(crasher.name) (variant \(variant)): \(violations)")
            }
        }
    }
}
