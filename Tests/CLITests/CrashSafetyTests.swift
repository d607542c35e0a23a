import Foundation
import Store
import Testing
import TestSupport
import Workflows

#if canImport(Glibc)
import Glibc
#endif

/// Kills `distill-roi ingest file` with SIGKILL at random moments: the database must pass
/// `PRAGMA integrity_check`, hold exactly the files that completed (each file all in or all out),
/// and a rerun must end with the totals of an uninterrupted ingest.
@Suite(.serialized) struct CrashSafetyTests {
    @Test func sigkillDuringIngestNeverLeavesAPartialFile() throws {
        let folder = try TemporaryDirectory()
        let files = try DemoCommand.emit(DemoCommand.Options(requests: 6_000, seed: 7), to: folder.path("files"))
        // The state after each prefix of files, from ingesting them one by one.
        var states: [String] = []
        let reference = folder.path("reference.sqlite")
        _ = try Store.Database(path: reference)  // an empty, migrated database
        states.append(try StoreFingerprint.of(reference))
        let started = Date()
        for file in files {
            try CLI.run(["ingest", "file", file, "--db", reference])
            states.append(try StoreFingerprint.of(reference))
        }
        let fullDuration = Date().timeIntervalSince(started)
        var generator = SystemRandomNumberGenerator()
        var interruptedStates = Set<Int>()
        for attempt in 0..<20 {
            let database = folder.path("crash-\(attempt).sqlite")
            let delay = Double.random(in: 0.02...max(0.05, fullDuration * 0.9), using: &generator)
            let process = try CLI.start(["ingest", "file"] + files + ["--db", database])
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            guard FileManager.default.fileExists(atPath: database) else {
                interruptedStates.insert(0)
                continue
            }
            #expect(try StoreFingerprint.integrityCheck(database) == "ok")
            let state = try StoreFingerprint.of(database)
            let prefix = states.firstIndex(of: state)
            #expect(prefix != nil, "after a kill at \(delay) s the database matches no whole-file prefix: \(state)")
            interruptedStates.insert(prefix ?? -1)
            try CLI.run(["ingest", "file"] + files + ["--db", database])
            #expect(try StoreFingerprint.of(database) == states.last, "rerun after a kill at \(delay) s")
        }
        // The kills landed at different points of the ingest, not all before or after it.
        #expect(interruptedStates.count >= 2, "kills only ever hit states \(interruptedStates.sorted())")
    }
}
