import FuzzHarness
import Foundation
import TestSupport
import Testing

/// The short fuzz pass of every `swift test`: each parser gets mutated fixtures from a fixed seed.
/// `make fuzz` runs the same test long (`FUZZ_ITERATIONS`, `FUZZ_SEED`), and replays one input with
/// `FUZZ_TARGET` and `FUZZ_INPUT_SEED`.
@Suite struct MutationFuzzTests {
    /// Inputs per target in the short pass: about 15 s for all targets on the 2-core machine.
    static let shortPassInputs = 150
    static let environment = ProcessInfo.processInfo.environment

    @Test(arguments: FuzzTarget.allCases)
    func parserHoldsItsPropertiesOnMutatedInputs(target: FuzzTarget) throws {
        if let only = Self.environment["FUZZ_TARGET"], only != target.rawValue { return }
        let folder = try TemporaryDirectory("fuzz-\(target)")
        let campaign = try FuzzCampaign(target: target)
        let seeds: [UInt64]
        if let replay = Self.environment["FUZZ_INPUT_SEED"].flatMap(UInt64.init) {
            seeds = [replay]
        } else {
            let runSeed = Self.environment["FUZZ_SEED"].flatMap(UInt64.init) ?? 20_261_129
            let count = Self.environment["FUZZ_ITERATIONS"].flatMap(Int.init) ?? Self.shortPassInputs
            seeds = campaign.inputSeeds(runSeed: runSeed, count: count)
        }
        let report = try campaign.run(seeds: seeds, folder: folder.path(target.rawValue))
        print("fuzz \(target): \(report.inputs) inputs in \(String(format: "%.1f", report.seconds)) s, slowest \(String(format: "%.3f", report.slowestSeconds)) s, \(report.failures.count) failures")
        #expect(report.inputs == seeds.count)
        for failure in report.failures.prefix(5) { Issue.record("\(failure)") }
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
