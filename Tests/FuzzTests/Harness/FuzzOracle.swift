import CostModel
import DistillCore
import Foundation
import Ingest
import Pricing
import Store
import Tokenizer

/// Feeds one input to one parser and checks the properties every parser owes its users, whatever
/// the bytes: it returns (no crash, no hang), every rejection is the module's own error naming the
/// file (and, for records, the line) in a sentence, and a rejected file leaves the database as it
/// was. Used by the Swift Testing pass and by the libFuzzer executable alike.
package final class FuzzOracle {
    package let target: FuzzTarget
    /// The folder the input is written to (and the database lives in).
    package let folder: String
    private let database: Database?
    private let analyzer: TrainingFileAnalyzer?
    /// The database's content before the next input, kept so each input costs one snapshot.
    private var snapshot: String

    /// Opens the target's world in `folder`: for ingest targets a database already holding every
    /// seed (so "unchanged" is checked against real rows), for training files the o200k tokenizer.
    /// The database always starts over (an earlier oracle on the folder must be gone).
    package init(target: FuzzTarget, folder: String) throws {
        self.target = target
        self.folder = folder
        try FileManager.default.createDirectory(atPath: folder + "/catalog", withIntermediateDirectories: true)
        let databasePath = folder + "/fuzz.sqlite"
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: databasePath + suffix) {
            try FileManager.default.removeItem(atPath: databasePath + suffix)
        }
        if target.isIngest {
            let database = try Database(path: databasePath)
            for path in target.seedPaths {
                _ = try FileIngester(database: database, options: FileIngestOptions(kind: target.ingestKind, skipInvalid: true))
                    .ingest(path: FuzzTarget.packageRoot + "/" + path)
            }
            self.database = database
            snapshot = try Self.snapshot(of: database)
        } else {
            database = nil
            snapshot = ""
        }
        if target == .trainingFile {
            let data = TokenizerDataDirectory.resolve(currentDirectory: FuzzTarget.packageRoot)
            analyzer = TrainingFileAnalyzer(counting: .exact(try BPETokenizer(encoding: .o200kBase, dataDirectory: data)))
        } else {
            analyzer = nil
        }
    }

    /// The path each input is written to.
    package var inputPath: String {
        target == .pricingCatalog ? folder + "/catalog/" + target.inputFileName : folder + "/" + target.inputFileName
    }

    /// Checks one input; `variant` picks options (for ingest, `--skip-invalid` on odd variants).
    /// Returns the properties broken, as sentences; empty when the parser behaved.
    package func check(_ input: [UInt8], variant: UInt64) throws -> [String] {
        try Data(input).write(to: URL(fileURLWithPath: inputPath))
        switch target {
        case .pricingCatalog: return checkCatalog(input)
        case .litellmImport, .genAIPricesImport: return checkImport(input)
        case .trainingFile: return checkTrainingFile(input)
        default: return try checkIngest(input, skipInvalid: variant & 1 == 1)
        }
    }

    // MARK: Ingest

    private func checkIngest(_ input: [UInt8], skipInvalid: Bool) throws -> [String] {
        guard let database else { return ["the oracle has no database"] }
        let path = inputPath
        let ingester = FileIngester(database: database, options: FileIngestOptions(kind: target.ingestKind, skipInvalid: skipInvalid))
        let failedBefore = try Self.failedIngests(database)
        var violations: [String] = []
        do {
            let summary = try ingester.ingest(path: path)
            violations += summary.problems.flatMap { locationViolations($0, path: path, input: input) }
            // Tag sets are left out here: a file holding one request id twice with different tags
            // leaves the intermediate merged set behind on a second load, unreferenced (docs/reliability.md).
            let loaded = try Self.snapshot(of: database, excluding: ["tag_sets", "tags"])
            do {
                _ = try ingester.ingest(path: path)
                if try Self.snapshot(of: database, excluding: ["tag_sets", "tags"]) != loaded {
                    violations.append("ingesting the same file again changed the database")
                }
            } catch {
                violations.append("the file loaded once, then was rejected when ingested again: \(error)")
            }
            snapshot = try Self.snapshot(of: database)
        } catch let error as IngestError {
            violations += messageViolations(error.description, path: path)
            if case .fileRejected(_, let problems, let count) = error {
                if problems.isEmpty || count < problems.count { violations.append("a rejection quotes \(problems.count) of \(count) problems") }
                violations += problems.flatMap { locationViolations($0, path: path, input: input) }
            }
            if case .invalidValue = error { violations.append("an IngestError without the file and line escaped the ingest: \(error)") }
            if try Self.snapshot(of: database) != snapshot { violations.append("a rejected file changed the database") }
            if try Self.failedIngests(database) != failedBefore + 1 { violations.append("a rejected file left no `failed` ingest_log row") }
        } catch {
            violations.append("threw \(type(of: error)) instead of an IngestError: \(error)")
        }
        return violations
    }

    /// A diagnostic must point at this file and a line that exists, and say what is wrong.
    private func locationViolations(_ diagnostic: Diagnostic, path: String, input: [UInt8]) -> [String] {
        var violations = messageViolations(diagnostic.message, path: nil)
        if diagnostic.file != path { violations.append("a diagnostic names \(diagnostic.file ?? "no file") instead of \(path): \(diagnostic)") }
        guard let line = diagnostic.line else { return violations + ["a diagnostic has no line: \(diagnostic)"] }
        // Lines of a gzip file are counted in the decompressed text, which the oracle does not see.
        let lines = target == .gzip ? Int.max : Self.lineCount(input)
        if line < 1 || line > lines { violations.append("a diagnostic names line \(line) of a \(lines)-line file: \(diagnostic)") }
        return violations
    }

    // MARK: Pricing

    private func checkCatalog(_ input: [UInt8]) -> [String] {
        let path = inputPath
        var violations: [String] = []
        do {
            let (catalog, diagnostics) = try PriceCatalog.check(directories: [folder + "/catalog"])
            let lines = Self.lineCount(input)
            for diagnostic in diagnostics {
                violations += messageViolations(diagnostic.message, path: nil)
                if diagnostic.file != path { violations.append("a diagnostic names \(diagnostic.file ?? "no file"): \(diagnostic)") }
                let line = diagnostic.line ?? 0
                if line < 1 || line > lines { violations.append("a diagnostic names line \(line) of a \(lines)-line file: \(diagnostic)") }
            }
            // Resolution walks every period and tier the parser accepted; it must not trap either.
            for model in catalog.models {
                for tier in ServiceTier.allCases { _ = catalog.resolve(model: model.id, at: 1_791_201_600, tier: tier) }
            }
        } catch {
            violations += messageViolations(error.description, path: path)
        }
        return violations
    }

    private func checkImport(_ input: [UInt8]) -> [String] {
        let path = inputPath
        let text = String(decoding: input, as: UTF8.self)
        let start = UTCDate(year: 2024, month: 1, day: 1)!
        do {
            let imported =
                target == .litellmImport
                ? try LiteLLMImporter(effectiveFrom: start, asOf: "2026-11-29").convert(text, file: path)
                : try GenAIPricesImporter(effectiveFrom: start, asOf: "2026-11-29").convert(text, file: path)
            // What an import writes must load: otherwise `pricing import` hands the user a broken file.
            // The output must at least be YAML: a name or note from the source must never break out
            // of its string. Whether its entries pass the catalog's rules is `pricing check`'s to
            // say, at their lines (docs/reliability.md: Bad input).
            let (_, diagnostics) = PriceCatalog.parse(files: [("imported.yaml", imported.yaml)])
            return diagnostics.filter { $0.message.hasPrefix("not valid YAML") }.map { "the import wrote invalid YAML: \($0)" }
        } catch {
            return messageViolations(error.description, path: path)
        }
    }

    // MARK: Training files

    private func checkTrainingFile(_ input: [UInt8]) -> [String] {
        guard let analyzer else { return ["the oracle has no tokenizer"] }
        let path = inputPath
        do {
            let analysis = try analyzer.analyze(fileAt: path)
            var violations: [String] = []
            if analysis.exampleCount + analysis.invalidExampleCount != analysis.lineCount {
                violations.append("\(analysis.exampleCount) valid + \(analysis.invalidExampleCount) invalid examples ≠ \(analysis.lineCount) lines")
            }
            if analysis.exampleTokens.contains(where: { $0 < 0 }) || analysis.tokensLostToTruncation < 0 {
                violations.append("a token count is negative")
            }
            let lines = Self.lineCount(input)
            for issue in analysis.issues {
                violations += messageViolations(issue.message, path: nil)
                let line = issue.line ?? 0
                if issue.file != path || line < 1 || line > lines {
                    violations.append("an issue names \(issue.file ?? "no file"):\(line) in a \(lines)-line file: \(issue)")
                }
            }
            return violations
        } catch {
            return messageViolations("\(error)", path: path)
        }
    }

    // MARK: Shared checks

    /// A message a user can act on: not empty, naming the file when it should, and not a Swift
    /// runtime or Foundation error leaking through.
    private func messageViolations(_ message: String, path: String?) -> [String] {
        var violations: [String] = []
        if message.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { violations.append("an empty error message") }
        if let path, !message.contains(path) { violations.append("the error does not name the file: \(message)") }
        for leak in ["Swift.", "DecodingError", "Error Domain=", "NSCocoaErrorDomain", "(null)"] where message.contains(leak) {
            violations.append("the error leaks an internal type (\(leak)): \(message)")
        }
        return violations
    }

    /// Lines as the most generous of the readers counts them: LF, and a lone CR (the CSV reader
    /// ends a record there, as old Mac exports do), NEL, LS and PS (YAML 1.1 §4.1.4, as libyaml
    /// counts). A diagnostic's line must not lie past this.
    static func lineCount(_ input: [UInt8]) -> Int {
        var lines = 1
        for (index, byte) in input.enumerated() {
            let next = index + 1 < input.count ? input[index + 1] : 0
            switch byte {
            case UInt8(ascii: "\n"): lines += 1
            case UInt8(ascii: "\r") where next != UInt8(ascii: "\n"): lines += 1
            case 0xC2 where next == 0x85: lines += 1
            case 0xE2 where next == 0x80 && index + 2 < input.count && (input[index + 2] == 0xA8 || input[index + 2] == 0xA9): lines += 1
            default: break
            }
        }
        return lines
    }

    private static func failedIngests(_ database: Database) throws -> Int64 {
        try database.scalar("SELECT count(*) FROM ingest_log WHERE status = 'failed'")?.int64 ?? -1
    }

    /// Every row of every table but the ingest log (which records rejections by design), sorted,
    /// as SQL literals: two equal snapshots mean no report could tell the databases apart. SQLite
    /// builds the text (`quote`, `group_concat`), which is what keeps a check per input cheap.
    package static func snapshot(of database: Database, excluding excluded: Set<String> = []) throws -> String {
        let tables = try database.query(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != 'ingest_log' ORDER BY name"
        ) { $0.string(0) }
        return try tables.filter { !excluded.contains($0) }.map { table in
            let columns = try database.query("SELECT name FROM pragma_table_info(?)", [table]) { "quote(\"\($0.string(0))\")" }
            let rows = try database.scalar(
                "SELECT group_concat(row, char(10)) FROM (SELECT \(columns.joined(separator: " || ',' || ")) AS row FROM \"\(table)\" ORDER BY row)")
            return table + ":\n" + (rows?.string ?? "")
        }.joined(separator: "\n")
    }
}
