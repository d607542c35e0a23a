import Foundation
import Testing
import TestSupport

/// `demo` as a first-time user runs it: small, at another start, with its own templates, and
/// failing cleanly.
@Suite struct DemoRobustnessTests {
    /// Ten requests leave the Batch output empty (its only candidates, the teacher's `extract`
    /// requests, mostly go to the extract student), nothing for detection to rely on: the demo
    /// names each file's kind. 10 regular requests over 8 weeks, plus the evaluation calls.
    @Test func tenRequestsAreEnough() throws {
        let folder = try TemporaryDirectory()
        let result = try CLI.run(["demo", "--requests", "10", "--db", folder.path("demo.sqlite"), "--out", folder.path("out")])
        #expect(result.standardOutput.contains("ingested batch-output.jsonl: batch-output, 0 rows"), "\(result.standardOutput)")
        #expect(result.standardOutput.contains("\(folder.path("out"))/estimate-"))
    }

    /// A failing step after the weekly report: the weekly files were printed as they were
    /// written, the finance template's fault is named, and the half-made database is gone.
    @Test func aFailureLeavesNoDatabaseAndShowsWhatWasWritten() throws {
        let folder = try TemporaryDirectory()
        try folder.write("templates/finance.html.mustache", "{{> no-such-partial.html}}")
        let database = folder.path("demo.sqlite")
        let result = try CLI.run(
            ["demo", "--requests", "300", "--db", database, "--out", folder.path("out"), "--templates", folder.path("templates")],
            expectStatus: 1)
        #expect(result.standardOutput.contains("\(folder.path("out"))/weekly-"), "\(result.standardOutput)")
        #expect(result.standardError.contains("no-such-partial.html"), "\(result.standardError)")
        for suffix in ["", "-wal", "-shm"] { #expect(!FileManager.default.fileExists(atPath: database + suffix)) }
    }

    @Test func aStartBeforeTheModelsHavePricesIsRefusedUpFront() throws {
        let folder = try TemporaryDirectory()
        let database = folder.path("demo.sqlite")
        let result = try CLI.run(["demo", "--start", "2020-01-06", "--db", database, "--out", folder.path("out")], expectStatus: 64)
        #expect(result.standardError.contains("--start 2020-01-06 is too early for the demo"), "\(result.standardError)")
        #expect(!FileManager.default.fileExists(atPath: database))
        #expect(!FileManager.default.fileExists(atPath: folder.path("out")))
    }

    /// A start that is not a Monday, in another year: the weeks and the finance month follow it
    /// (8 weeks from 2031-06-18 end on 2031-08-12; the last complete month before is July).
    @Test func anotherStartWorks() throws {
        let folder = try TemporaryDirectory()
        let result = try CLI.run(
            ["demo", "--requests", "300", "--start", "2031-06-18", "--db", folder.path("demo.sqlite"), "--out", folder.path("out")])
        #expect(result.standardOutput.contains("\(folder.path("out"))/finance-2031-07"), "\(result.standardOutput)")
    }
}
