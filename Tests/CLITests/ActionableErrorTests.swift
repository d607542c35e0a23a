import Foundation
import Testing
import TestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// Each failure a user can meet says what and where, and leaves nothing that blocks the next run.
@Suite struct ActionableErrorTests {
    @Test func ingestOfAMissingFileCreatesNoDatabase() throws {
        let folder = try TemporaryDirectory()
        let database = folder.path("db.sqlite")
        let result = try CLI.run(["ingest", "file", folder.path("nothere.jsonl"), "--db", database], expectStatus: 1)
        #expect(result.standardError.contains("Cannot read \(folder.path("nothere.jsonl")): No such file or directory."))
        #expect(!FileManager.default.fileExists(atPath: database))
    }

    /// A 1,000,000-character value in a CSV cell: the message quotes 400 characters of it at most.
    @Test func errorsQuoteOnlyAnExcerptOfALongValue() throws {
        let folder = try TemporaryDirectory()
        let log = try folder.write(
            "log.csv", "timestamp,model,input_tokens,output_tokens\n2026-10-05T12:00:00Z,gpt-4o,\(String(repeating: "z", count: 1_000_000)),5\n")
        let result = try CLI.run(["ingest", "file", log, "--db", folder.path("db.sqlite")], expectStatus: 1)
        #expect(result.standardError.contains("input_tokens"))
        #expect(result.standardError.contains("more characters)"))
        #expect(result.standardError.utf8.count < 2_000, "\(result.standardError.utf8.count) bytes")
    }

    @Test func binaryInputIsNamedNotPrinted() throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("data.bin")
        // Bytes 0x1B (ESC) and 0x07 (BEL) before a zero byte: none may reach the terminal.
        try Data([0x1B, 0x5B, 0x32, 0x4A, 0x07, 0x41, 0x00, 0xFF, 0xFE]).write(to: URL(fileURLWithPath: path))
        let result = try CLI.run(["ingest", "file", path, "--db", folder.path("db.sqlite")], expectStatus: 1)
        #expect(result.standardError.contains("it is binary data, not JSON or CSV text (a zero byte at byte 7)"))
        #expect(!result.standardError.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{7}" })
    }

    @Test func anExplicitKindIsNeverAnsweredWithPassKind() throws {
        let folder = try TemporaryDirectory()
        let log = try folder.write("log.csv", "timestamp,model,input_tokens,output_tokens\n2026-10-05T12:00:00Z,gpt-4o,10,5\n")
        let result = try CLI.run(["ingest", "file", "--kind", "completions", log, "--db", folder.path("db.sqlite")], expectStatus: 1)
        #expect(result.standardError.contains("\(log) does not hold --kind completions: it is CSV, and completions files are JSON."))
        #expect(!result.standardError.contains("Pass --kind"))
    }

    @Test(arguments: ["-1", "100.5", "nan"])
    func aMarginOutsideZeroToHundredIsRefused(margin: String) throws {
        let folder = try TemporaryDirectory()
        let result = try CLI.run(["report", "weekly", "--margin=\(margin)", "--db", folder.path("db.sqlite")], expectStatus: 64)
        #expect(result.standardError.contains("--margin must be between 0 and 100"), "\(result.standardError)")
    }

    @Test func sqliteErrorsNameTheDatabase() throws {
        let folder = try TemporaryDirectory()
        let database = try folder.write("not-a-db.sqlite", String(repeating: "this is not SQLite\n", count: 300))
        let result = try CLI.run(["report", "weekly", "--db", database, "--out", folder.path("out")], expectStatus: 1)
        #expect(result.standardError.contains("SQLite error 26 in \(database): file is not a database"), "\(result.standardError)")
    }

    @Test func anUnwritableOutFolderSaysThePathAndWhy() throws {
        let folder = try TemporaryDirectory()
        let database = try Self.demoDatabase(in: folder)
        let file = try folder.write("plain-file", "")
        let result = try CLI.run(["report", "finance", "--db", database, "--out", file + "/reports"], expectStatus: 1)
        #expect(result.standardError == "error: cannot create the report folder \(file)/reports (at \(file)/reports): Not a directory; pass another --out.\n")
    }

    /// Reproduces the issue: a report on a write-protected database used to leave a `-shm` with the
    /// file's read-only mode, and every later ingest failed with "attempt to write a readonly
    /// database". Run as an unprivileged user: root ignores file modes.
    @Test func aReportOnAReadOnlyDatabaseLeavesNothingThatBlocksTheNextIngest() throws {
        let folder = try TemporaryDirectory()
        let database = try Self.demoDatabase(in: folder)
        try Self.handToUnprivilegedUser(folder)
        try Self.setMode(0o400, database)
        let report = try Self.runUnprivileged(["report", "finance", "--db", database, "--out", folder.path("out"), "--format", "json"])
        #expect(report.status == 0, "\(report.standardError)")
        #expect(!FileManager.default.fileExists(atPath: database + "-shm"))
        try Self.setMode(0o600, database)
        let log = try folder.write("one.csv", "timestamp,model,input_tokens,output_tokens\n2026-12-01T12:00:00Z,gpt-4o,10,5\n")
        try Self.handToUnprivilegedUser(folder)
        let ingest = try Self.runUnprivileged(["ingest", "file", log, "--db", database])
        #expect(ingest.status == 0, "\(ingest.standardError)")
    }

    /// A read-only `-shm` that an earlier version left behind no longer blocks an ingest.
    @Test func aReadOnlyShmLeftBehindIsRepaired() throws {
        let folder = try TemporaryDirectory()
        let database = try Self.demoDatabase(in: folder)
        FileManager.default.createFile(atPath: database + "-shm", contents: Data())
        let log = try folder.write("one.csv", "timestamp,model,input_tokens,output_tokens\n2026-12-01T12:00:00Z,gpt-4o,10,5\n")
        try Self.handToUnprivilegedUser(folder)
        try Self.setMode(0o400, database + "-shm")
        let ingest = try Self.runUnprivileged(["ingest", "file", log, "--db", database])
        #expect(ingest.status == 0, "\(ingest.standardError)")
    }

    @Test func aReadOnlyFolderIsNamedAsTheProblem() throws {
        let folder = try TemporaryDirectory()
        let database = try Self.demoDatabase(in: folder)
        let log = try folder.write("one.csv", "timestamp,model,input_tokens,output_tokens\n2026-12-01T12:00:00Z,gpt-4o,10,5\n")
        try Self.handToUnprivilegedUser(folder)
        try Self.setMode(0o500, folder.path("db"))
        defer { try? Self.setMode(0o700, folder.path("db")) }
        let ingest = try Self.runUnprivileged(["ingest", "file", log, "--db", database])
        #expect(ingest.status == 1)
        #expect(ingest.standardError.contains("the folder \(folder.path("db")) is not writable (Permission denied)"), "\(ingest.standardError)")
        #expect(ingest.standardError.contains("write-ahead log"))
        let report = try Self.runUnprivileged(["report", "finance", "--db", database, "--out", folder.path("out"), "--format", "json"])
        #expect(report.status == 0, "a read-only folder can still be reported on: \(report.standardError)")
    }

    /// A small demo history in `folder/db/demo.sqlite`.
    static func demoDatabase(in folder: TemporaryDirectory) throws -> String {
        try FileManager.default.createDirectory(atPath: folder.path("db"), withIntermediateDirectories: true)
        let database = folder.path("db/demo.sqlite")
        try CLI.run(["demo", "--requests", "300", "--db", database, "--out", folder.path("demo")])
        return database
    }

    static let unprivileged: (uid: uid_t, gid: gid_t) = (65534, 65534)

    static func handToUnprivilegedUser(_ folder: TemporaryDirectory) throws {
        guard getuid() == 0 else { return }
        try ExternalProgram.run("chown", ["-R", "\(unprivileged.uid):\(unprivileged.gid)", folder.url.path])
    }

    static func setMode(_ mode: mode_t, _ path: String) throws {
        guard chmod(path, mode) == 0 else { throw CLI.Failure(description: "chmod \(path) failed") }
    }

    /// The executable as a user without root's override of file modes (`setpriv` when run as root).
    static func runUnprivileged(_ arguments: [String]) throws -> ExternalProgram.Result {
        guard getuid() == 0 else { return try ExternalProgram.run(PackageRoot.executable, arguments) }
        return try ExternalProgram.run(
            "setpriv",
            ["--reuid=\(unprivileged.uid)", "--regid=\(unprivileged.gid)", "--clear-groups", PackageRoot.executable] + arguments)
    }
}
