import Foundation
import FuzzHarness
import Ingest
import Store
import Testing
import TestSupport

/// The fuzzer's checks checked: a property that can never fail would let every parser pass.
@Suite struct FuzzOracleTests {
    /// The unmutated fixtures hold every property, so a failure in the fuzz pass is the mutation's.
    @Test(arguments: FuzzTarget.allCases)
    func everySeedHoldsEveryProperty(target: FuzzTarget) throws {
        let folder = try TemporaryDirectory("oracle-\(target)")
        let oracle = try FuzzOracle(target: target, folder: folder.path(target.rawValue))
        for (index, seed) in try target.seeds().enumerated() {
            for variant: UInt64 in [0, 1] {
                let violations = try oracle.check(seed, variant: variant)
                #expect(violations.isEmpty, "\(target.seedPaths[index]) (variant \(variant)): \(violations)")
            }
        }
    }

    /// "A rejected file leaves the database as it was" is judged by this snapshot: it must see a
    /// change to any one value, and ignore the ingest log, which records rejections by design.
    @Test func theSnapshotSeesOneChangedValueAndIgnoresTheIngestLog() throws {
        let folder = try TemporaryDirectory("oracle")
        let database = try Database(path: folder.path("distill-roi.sqlite"))
        let summary = try FileIngester(database: database, options: FileIngestOptions())
            .ingest(path: PackageRoot.appending("Tests/IngestTests/Fixtures/completions.jsonl"))
        #expect(summary.totals.inserted > 0)
        let loaded = try FuzzOracle.snapshot(of: database)
        try database.execute("INSERT INTO ingest_log (source, kind, started_at, finished_at, status) VALUES ('x', 'completions', 0, 0, 'failed')")
        #expect(try FuzzOracle.snapshot(of: database) == loaded)
        try database.execute("UPDATE requests SET output_tokens = output_tokens + 1 WHERE id = (SELECT max(id) FROM requests)")
        #expect(try FuzzOracle.snapshot(of: database) != loaded)
    }
}
