import Foundation
import Store
import Testing
import TestSupport
import Workflows

/// `make demo` writes reports/demo/, committed as the example a newcomer opens first: running the
/// demo again must reproduce it byte for byte (same seed, same rows, same prices).
@Suite(.serialized) struct DemoTests {
    @Test func regeneratingTheDemoReproducesTheCommittedReports() throws {
        let folder = try TemporaryDirectory()
        let outcome = try DemoCommand.run(DemoCommand.Options(
            databasePath: folder.path("demo.sqlite"), outputDirectory: folder.path("reports")))
        let committed = PackageRoot.appending("reports/demo")
        let expected = try FileManager.default.contentsOfDirectory(atPath: committed).sorted()
        let produced = try FileManager.default.contentsOfDirectory(atPath: folder.path("reports")).sorted()
        #expect(produced == expected)
        for name in expected {
            let same = FileManager.default.contentsEqual(atPath: committed + "/" + name, andPath: folder.path("reports/\(name)"))
            #expect(same, "\(name) differs from the committed demo report: run `make demo` and commit reports/demo")
        }
        #expect(outcome.ingested.map(\.kind.rawValue) == ["completions", "batch-output", "requests", "scores", "fine-tune-jobs"])

        let info = try DatabaseInfoCommand.run(databasePath: folder.path("demo.sqlite"), json: true)
        let object = try #require(JSONSerialization.jsonObject(with: Data(info.utf8)) as? [String: Any])
        let tables = try #require(object["tables"] as? [String: Int])
        #expect(object["schema_version"] as? Int == Migrator.standard.latestVersion)
        for table in ["requests", "tags", "fine_tuning_jobs", "eval_runs", "eval_scores"] {
            #expect((tables[table] ?? 0) > 0, "\(table) is empty")
        }
    }

    @Test func demoRefusesToReplaceADatabaseWithOtherData() throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("mine.sqlite")
        let database = try Database(path: path)
        _ = try RecordWriter(database: database, source: "file:production-logs.csv")
        #expect(throws: ApplicationError.self) {
            try DemoCommand.run(DemoCommand.Options(requests: 100, databasePath: path, outputDirectory: folder.path("out")))
        }
        #expect(FileManager.default.fileExists(atPath: path))
    }
}
