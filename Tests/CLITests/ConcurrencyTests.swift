import DistillCore
import Foundation
import Store
import Testing
import TestSupport
import Workflows

/// WAL lets a report read while an ingest writes; two writers queue on the busy timeout.
@Suite(.serialized) struct ConcurrencyTests {
    /// The headline spend and the sum of the daily costs of one weekly report's JSON: two
    /// separate queries, equal only when both read the same snapshot.
    private func spends(_ path: String) throws -> (headline: Decimal, daily: Decimal) {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let object = try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
        let headline = try #require((object["headline"] as? [String: Any])?["spend"] as? String)
        let daily = try #require(object["daily"] as? [[String: Any]])
        let dailyTotal = daily.compactMap { $0["cost"] as? String }.compactMap { Decimal(string: $0) }.reduce(0, +)
        return (try #require(Decimal(string: headline)), dailyTotal)
    }

    /// A request log of priced gpt-4o requests inside 2026-W48: large enough that its one
    /// transaction takes a while, so reports run while it is open.
    private func pricedLog(_ folder: TemporaryDirectory, rows: Int) throws -> String {
        var text = "timestamp,model,input_tokens,output_tokens\n"
        let monday = UTCDate(year: 2026, month: 11, day: 23)!.unixSeconds
        for row in 0..<rows {
            text += "\(Timestamp.iso8601(monday + Int64(row % 604_800))),gpt-4o-2024-08-06,\(100 + row % 900),\(10 + row % 90)\n"
        }
        return try folder.write("priced.csv", text)
    }

    @Test func reportsReadAConsistentSnapshotWhileAnIngestWrites() throws {
        let folder = try TemporaryDirectory()
        let files = try DemoCommand.emit(DemoCommand.Options(requests: 8_000, seed: 3), to: folder.path("files"))
        let database = folder.path("store.sqlite")
        try CLI.run(["ingest", "file"] + files + ["--db", database])
        let reportArguments = ["report", "weekly", "--week", "2026-W48", "--format", "json", "--db", database]
        try CLI.run(reportArguments + ["--out", folder.path("before")])
        let before = try spends(folder.path("before/weekly-2026-W48.json"))
        #expect(before.headline == before.daily)

        let later = try pricedLog(folder, rows: 80_000)
        let writer = try CLI.start(["ingest", "file", later, "--db", database])
        var seen: Set<Decimal> = []
        var runsWhileWriting = 0
        var runs = 0
        while writer.isRunning || runs == 0 {
            let out = folder.path("during-\(runs)")
            let startedWhileWriting = writer.isRunning
            try CLI.run(reportArguments + ["--out", out])  // fails the test on "database is locked"
            let during = try spends(out + "/weekly-2026-W48.json")
            // Within one report, every query saw the same snapshot.
            #expect(during.headline == during.daily, "report \(runs)")
            seen.insert(during.headline)
            if startedWhileWriting && writer.isRunning { runsWhileWriting += 1 }
            runs += 1
        }
        writer.waitUntilExit()
        #expect(writer.terminationStatus == 0)
        try CLI.run(reportArguments + ["--out", folder.path("after")])
        let after = try spends(folder.path("after/weekly-2026-W48.json"))
        // The new rows are priced: the spend moves, all at once, at the commit.
        #expect(after.headline > before.headline)
        #expect(after.headline == after.daily)
        #expect(seen.isSubset(of: [before.headline, after.headline]))
        // At least one report began and ended while the ingest's transaction was open.
        #expect(runsWhileWriting >= 1)
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
