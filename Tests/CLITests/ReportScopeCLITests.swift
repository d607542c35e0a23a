import Foundation
import Testing
import TestSupport

/// A report of nothing fails loudly with an exit code a cron job can test: one request on
/// 2026-10-05 (week 2026-W41) is the whole store.
@Suite struct ReportScopeCLITests {
    private func store(in folder: TemporaryDirectory) throws -> String {
        let log = try folder.write("log.csv", "timestamp,model,input_tokens,output_tokens\n2026-10-05T12:00:00Z,gpt-4o,10,5\n")
        let database = folder.path("db.sqlite")
        try CLI.run(["ingest", "file", log, "--db", database])
        return database
    }

    @Test func anEmptyWeekExitsFourNamingThePeriodAndTheData() throws {
        let folder = try TemporaryDirectory()
        let database = try store(in: folder)
        let result = try CLI.run(
            ["report", "weekly", "--week", "2026-W50", "--db", database, "--out", folder.path("out")], expectStatus: 4)
        #expect(result.standardError.contains("2026-W50 (2026-12-07 – 2026-12-13) holds no requests"))
        #expect(result.standardError.contains("the data runs from 2026-10-05 to 2026-10-05"))
        #expect(result.standardError.contains("--allow-empty"))
        #expect(!FileManager.default.fileExists(atPath: folder.path("out")))
        let allowed = try CLI.run([
            "report", "weekly", "--week", "2026-W50", "--allow-empty", "--format", "json", "--db", database, "--out", folder.path("out"),
        ])
        #expect(allowed.standardOutput.contains("weekly-2026-W50.json"))
    }

    @Test func helpNamesTheEmptyPeriodExitCode() throws {
        // Joined back into one line: ArgumentParser wraps the text at the terminal's width.
        let help = try CLI.run(["report", "weekly", "--help"]).standardOutput.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(help.contains("exits with code 4"))
        #expect(help.contains("--allow-empty"))
        #expect(help.contains("`last`"))
    }

    @Test(arguments: [
        (["--student", "gpt-4p"], ["the student gpt-4p has no traffic", "closest model names: gpt-4o", "--student"]),
        (["--teacher", "gpt4o"], ["the teacher gpt4o has no traffic", "closest model names: gpt-4o"]),
        (["--tag", "team=search"], ["no request in the database is tagged team=search"]),
    ])
    func unknownNamesAndTagsAreUsageErrors(arguments: [String], mentions: [String]) throws {
        let folder = try TemporaryDirectory()
        let database = try store(in: folder)
        let result = try CLI.run(
            ["report", "weekly", "--week", "2026-W41", "--db", database, "--out", folder.path("out")] + arguments, expectStatus: 64)
        for text in mentions { #expect(result.standardError.contains(text), "\(result.standardError)") }
    }

    /// One gpt-4o request and no fine-tune: a baseline report, not "cannot tell which model is the student".
    @Test func aTeacherOnlyStoreGivesABaselineReport() throws {
        let folder = try TemporaryDirectory()
        let database = try store(in: folder)
        let result = try CLI.run(["report", "weekly", "--week", "2026-W41", "--format", "md", "--db", database, "--out", folder.path("out")])
        let path = try #require(result.standardOutput.split(separator: "\n").first { $0.hasSuffix(".md") })
        let markdown = try String(contentsOfFile: String(path), encoding: .utf8)
        #expect(markdown.contains("Baseline report"))
        #expect(markdown.contains("Where a student would go"))
    }
}
