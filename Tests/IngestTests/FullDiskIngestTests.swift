import Foundation
import Ingest
import Store
import Testing
import TestSupport

/// Ingests onto a file system that fills up: each file fails whole with SQLite's own error, the
/// connection stays usable, and the database stays consistent.
@Suite struct FullDiskIngestTests {
    /// `count` chat.completion lines of about 260 bytes, distinct per `file`.
    private static func completions(file: Int, count: Int) -> String {
        (0..<count).map { index in
            #"{"id":"chatcmpl-\#(file)-\#(index)","object":"chat.completion","created":\#(1_795_442_709 + index * 7),"#
                + #""model":"gpt-4o-2024-08-06","metadata":{"use_case":"case-\#(index % 50)","user":"user-\#(index)"},"#
                + #""usage":{"prompt_tokens":\#(100 + index % 7),"completion_tokens":5,"total_tokens":\#(105 + index % 7)},"choices":[]}"#
        }.joined(separator: "\n") + "\n"
    }

    @Test func ingestOntoAFullDiskFailsCleanlyAndTheDatabaseStaysUsable() throws {
        let folder = try TemporaryDirectory("full-disk")
        guard let disk = try SmallFileSystem.mounted(at: folder.path("disk"), megabytes: 3) else {
            try Test.cancel("mounting a 3 MB tmpfs needs CAP_SYS_ADMIN (run the tests as root to fill a real disk)")
        }
        defer { disk.unmount() }
        let large = try (1...2).map { try folder.write("large-\($0).jsonl", Self.completions(file: $0, count: 20_000)) }
        let small = try folder.write("small.jsonl", Self.completions(file: 3, count: 3))
        let path = disk.path("distill-roi.sqlite")
        do {
            let database = try Database(path: path)
            let ingester = FileIngester(database: database, options: FileIngestOptions())
            for file in large {
                #expect {
                    try ingester.ingest(path: file)
                } throws: { error in
                    (error as? StoreError).map { $0.code & 0xFF == 13 } == true  // SQLITE_FULL
                }
                #expect(!database.isInTransaction)
            }
            #expect(try database.scalar("SELECT count(*) FROM requests")?.int64 == 0)
            let log = try IngestLog(database: database).entries()
            #expect(log.map(\.source) == ["completions:large-1.jsonl", "completions:large-2.jsonl"])
            #expect(log.allSatisfy { $0.status == "failed" && $0.message?.contains("disk is full") == true })

            let summary = try ingester.ingest(path: small)
            #expect(summary.totals.inserted == 3)
            #expect(try database.scalar("SELECT count(*) FROM requests")?.int64 == 3)
        }
        #expect(try StoreFingerprint.integrityCheck(path) == "ok")
    }
}
