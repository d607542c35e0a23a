import Workflows
import Store
import Testing
import TestSupport

@Suite struct IngestFilesCommandTests {
    @Test func loadsEveryFileAndFailsAtTheEndIfOneFailed() throws {
        let folder = try TemporaryDirectory()
        let good = try folder.write(
            "log.csv", "timestamp,model,input_tokens,output_tokens,team\n2026-10-05T12:00:00Z,gpt-4o,10,5,cx\n")
        let bad = try folder.write("bad.csv", "timestamp,model,input_tokens,output_tokens\n2026-10-05T12:00:00Z,gpt-4o,-1,5\n")
        var printed: [String] = []
        let arguments = IngestFilesCommand.Arguments(
            paths: [bad, good], maps: ["team=tag:squad"], databasePath: folder.path("db.sqlite"))
        #expect(throws: ApplicationError.self) { try IngestFilesCommand.run(arguments) { printed.append($0) } }
        #expect(printed.count == 1 && printed[0].hasPrefix("\(good): requests (CSV with 5 columns:"))
        #expect(printed[0].contains("team → tag squad"))
        let database = try Database(path: folder.path("db.sqlite"))
        #expect(try database.scalar("SELECT count(*) FROM requests")?.int64 == 1)
    }

    @Test(arguments: [
        (["--kind", "nope"], "--kind nope is not a kind; use one of auto, completions, batch-output, requests, scores, otel, fine-tune-jobs, eval-runs, usage-buckets, billed-costs."),
        (["--map", "=x"], "--map =x: write COLUMN=FIELD, for example --map tokens_in=input_tokens."),
        (["--scale", "5:1"], "--scale 5.0:1.0: the minimum must be below the maximum, both finite."),
    ])
    func rejectsBadOptions(option: [String], message: String) throws {
        let folder = try TemporaryDirectory()
        var arguments = IngestFilesCommand.Arguments(paths: [], databasePath: folder.path("db.sqlite"))
        switch option[0] {
        case "--kind": arguments.kind = option[1]
        case "--map": arguments.maps = [option[1]]
        default: arguments.scale = option[1]
        }
        let error = #expect(throws: (any Error).self) { try IngestFilesCommand.run(arguments) { _ in } }
        #expect(error.map { "\($0)" } == message)
    }
}
