import Foundation
import Store
import Testing
import TestSupport
import Workflows

#if canImport(Glibc)
import Glibc
#endif

/// Ctrl-C during an ingest stops after the current file's transaction, says what was saved and
/// exits 130; rerunning finishes the job without counting anything twice.
@Suite(.serialized) struct InterruptTests {
    @Test func ctrlCStopsAfterTheCurrentFile() throws {
        let folder = try TemporaryDirectory()
        let files = try DemoCommand.emit(DemoCommand.Options(requests: 6_000, seed: 11), to: folder.path("files"))
        let reference = folder.path("reference.sqlite")
        try CLI.run(["ingest", "file"] + files + ["--db", reference])
        let database = folder.path("interrupted.sqlite")
        _ = try Database(path: database)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: PackageRoot.executable)
        process.arguments = ["ingest", "file"] + files + ["--db", database]
        let errorPipe = Pipe()
        process.standardError = errorPipe
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        // Ctrl-C once the ingest has opened the database (its -wal appears), which is after its
        // handler is installed: a fixed delay loses the race on a loaded machine, where starting
        // the process alone can take longer.
        let deadline = Date().addingTimeInterval(30)
        while !FileManager.default.fileExists(atPath: database + "-wal"), Date() < deadline {
            Thread.sleep(forTimeInterval: 0.01)
        }
        kill(process.processIdentifier, SIGINT)
        let stderr = String(decoding: errorPipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 130, "stderr: \(stderr)")
        #expect(stderr.contains("interrupted: finishing the current transaction"))
        #expect(stderr.contains("saved in full"))
        #expect(stderr.contains("not loaded:"))
        #expect(try StoreFingerprint.integrityCheck(database) == "ok")
        try CLI.run(["ingest", "file"] + files + ["--db", database])
        #expect(try StoreFingerprint.of(database) == StoreFingerprint.of(reference))
    }
}
