import Workflows
import Foundation
import Store
import Testing
import TestSupport

/// WAL lets a report read while an ingest writes; two writers queue on the busy timeout.
@Suite(.serialized) struct ConcurrencyTests {
    private func spend(_ json: String) throws -> String {
        let object = try #require(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let headline = try #require(object["headline"] as? [String: Any])
        return try #require(headline["spend"] as? String)
    }

    @Test func reportsReadAConsistentSnapshotWhileAnIngestWrites() throws {
        let folder = try TemporaryDirectory()
        let files = try DemoCommand.emit(DemoCommand.Options(requests: 8_000, seed: 3), to: folder.path("files"))
        let database = folder.path("store.sqlite")
        let later = try #require(files.first { $0.hasSuffix("requests.csv") })
        try CLI.run(["ingest", "file"] + files.filter { $0 != later } + ["--db", database])
        let reportArguments = ["report", "weekly", "--week", "2026-W48", "--format", "json", "--db", database]
        try CLI.run(reportArguments + ["--out", folder.path("before")])
        let before = try spend(String(contentsOfFile: folder.path("before/weekly-2026-W48.json"), encoding: .utf8))

        let writer = try CLI.start(["ingest", "file", later, "--db", database])
        var spends: Set<String> = []
        var runs = 0
        while writer.isRunning || runs == 0 {
            let out = folder.path("during-\(runs)")
            try CLI.run(reportArguments + ["--out", out])  // fails the test on "database is locked"
            spends.insert(try spend(String(contentsOfFile: out + "/weekly-2026-W48.json", encoding: .utf8)))
            runs += 1
        }
        writer.waitUntilExit()
        #expect(writer.terminationStatus == 0)
        try CLI.run(reportArguments + ["--out", folder.path("after")])
        let after = try spend(String(contentsOfFile: folder.path("after/weekly-2026-W48.json"), encoding: .utf8))
        // The log adds failed requests (zero tokens) and latency: spend is the same before and
        // after, and every report in between saw exactly that total.
        #expect(spends == [before])
        #expect(after == before)
        #expect(try StoreFingerprint.integrityCheck(database) == "ok")
    }

    @Test func twoIngestsAtOnceSerialize() throws {
        let folder = try TemporaryDirectory()
        let files = try DemoCommand.emit(DemoCommand.Options(requests: 4_000, seed: 5), to: folder.path("files"))
        let sequential = folder.path("sequential.sqlite")
        try CLI.run(["ingest", "file"] + files + ["--db", sequential])
        let concurrent = folder.path("concurrent.sqlite")
        _ = try Database(path: concurrent)
        let first = try CLI.start(["ingest", "file"] + files.prefix(2) + ["--db", concurrent])
        let second = try CLI.start(["ingest", "file"] + files.dropFirst(2) + ["--db", concurrent])
        first.waitUntilExit()
        second.waitUntilExit()
        #expect(first.terminationStatus == 0 && second.terminationStatus == 0)
        #expect(try StoreFingerprint.integrityCheck(concurrent) == "ok")
        // Whatever order the transactions took, the result equals the sequential ingest.
        #expect(try StoreFingerprint.of(concurrent) == StoreFingerprint.of(sequential))
    }

    @Test func aWriterThatCannotGetTheLockSaysSo() throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("locked.sqlite")
        let holder = try Database(path: path)
        try holder.execute("BEGIN IMMEDIATE")
        defer { try? holder.execute("ROLLBACK") }
        let other = try Database(path: path)
        do {
            try other.transaction { try other.execute("INSERT INTO models (name) VALUES ('x')") }
            Issue.record("the second writer should have timed out")
        } catch let error as StoreError {
            #expect(error.isBusy)
            #expect(error.description.contains("another process is writing"))
        }
    }
}
