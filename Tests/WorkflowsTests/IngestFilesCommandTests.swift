import Ingest
import Store
import Testing
import TestSupport
import Workflows

@Suite struct IngestFilesCommandTests {
    @Test func loadsEveryFileAndFailsAtTheEndIfOneFailed() throws {
        let folder = try TemporaryDirectory()
        let good = try folder.write(
            "log.csv", "timestamp,model,input_tokens,output_tokens,team\n2026-10-05T12:00:00Z,gpt-4o,10,5,cx\n")
        let bad = try folder.write("bad.csv", "timestamp,model,input_tokens,output_tokens\n2026-10-05T12:00:00Z,gpt-4o,-1,5\n")
        var printed: [String] = []
        let options = FileIngestOptions(columnMap: ["team": "tag:squad"])
        #expect(throws: ApplicationError.self) {
            try IngestFilesCommand.run(paths: [bad, good], databasePath: folder.path("db.sqlite"), options: options) {
                printed.append($0)
            }
        }
        #expect(printed.count == 1 && printed[0].hasPrefix("\(good): requests (CSV with 5 columns:"))
        #expect(printed[0].contains("team → tag squad"))
        let database = try Database(path: folder.path("db.sqlite"))
        #expect(try database.scalar("SELECT count(*) FROM requests")?.int64 == 1)
    }
}
