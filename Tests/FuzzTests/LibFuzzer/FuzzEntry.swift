import Foundation
import FuzzHarness

/// libFuzzer's entry point: the same oracle as the Swift Testing pass, for the target named by
/// `DISTILL_FUZZ_TARGET`, working in `DISTILL_FUZZ_WORK`. A broken property aborts, so libFuzzer
/// saves the input as `crash-…` (commit it under `Tests/FuzzTests/Crashers/<target>/`).
nonisolated(unsafe) private let oracle: FuzzOracle = {
    let environment = ProcessInfo.processInfo.environment
    guard let name = environment["DISTILL_FUZZ_TARGET"], let target = FuzzTarget(rawValue: name) else {
        FileHandle.standardError.write(Data("Set DISTILL_FUZZ_TARGET to one of: \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", "))\n".utf8))
        exit(2)
    }
    let folder = environment["DISTILL_FUZZ_WORK"] ?? NSTemporaryDirectory() + "distill-fuzz-\(name)-\(getpid())"
    do {
        return try FuzzOracle(target: target, folder: folder)
    } catch {
        FileHandle.standardError.write(Data("Cannot set up \(name): \(error)\n".utf8))
        exit(2)
    }
}()

/// libFuzzer's driver, called from our own entry point: SwiftPM links an executable target with
/// `main` renamed to `distill_fuzz_main`, so libFuzzer's `main` cannot be the entry point.
@_silgen_name("LLVMFuzzerRunDriver")
private func runDriver(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

@_cdecl("distill_fuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return runDriver(&count, &arguments, fuzzOneInput)
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let violations: [String]
    do {
        violations = try oracle.check(bytes, variant: UInt64(size & 1))
    } catch {
        violations = ["the oracle could not write or read its files: \(error)"]
    }
    if !violations.isEmpty {
        FileHandle.standardError.write(Data("FUZZ PROPERTY BROKEN (\(oracle.target)):\n  \(violations.joined(separator: "\n  "))\n".utf8))
        abort()
    }
    return 0
}
