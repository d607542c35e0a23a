import Foundation
import Ingest
import Store

/// `distill-roi ingest file`: loads each file in its own transaction and reports what it stored.
///
/// Maps the command line's text options to `FileIngestOptions` and makes one `FileIngester` call
/// per file; a failed file does not stop the others, but makes the command fail at the end.
package enum IngestFilesCommand {
    package struct Arguments: Sendable {
        package var paths: [String]
        /// `auto` or a `FileKind` name.
        package var kind: String
        package var source: String?
        package var skipInvalid: Bool
        package var storeContent: Bool
        package var redact: Bool
        /// `--map` values, each `column=field`.
        package var maps: [String]
        /// `--scale MIN:MAX`.
        package var scale: String?
        package var databasePath: String

        package init(
            paths: [String], kind: String = "auto", source: String? = nil, skipInvalid: Bool = false,
            storeContent: Bool = false, redact: Bool = false, maps: [String] = [], scale: String? = nil, databasePath: String
        ) {
            self.paths = paths
            self.kind = kind
            self.source = source
            self.skipInvalid = skipInvalid
            self.storeContent = storeContent
            self.redact = redact
            self.maps = maps
            self.scale = scale
            self.databasePath = databasePath
        }
    }

    /// The kinds `--kind` accepts.
    package static var kindNames: [String] { ["auto"] + FileKind.allCases.map(\.rawValue) }

    /// Ingests every file, writing each summary with `output`; throws after the last file if any failed.
    package static func run(_ arguments: Arguments, output: (String) -> Void) throws {
        let options = try options(from: arguments)
        let database = try Database(path: arguments.databasePath)
        var ingester = FileIngester(database: database, options: options)
        let showProgress = StandardError.isTerminal
        if showProgress {
            ingester.onProgress = { progress in
                let rate = progress.elapsedSeconds > 0 ? Double(progress.records) / progress.elapsedSeconds : 0
                StandardError.write(
                    "\r\u{1B}[K\(progress.path): \(progress.records) records, "
                        + "\(progress.bytesRead / 1_000_000) MB read, \(Int(rate)) records/s")
            }
        }
        var failures: [String] = []
        var saved: [String] = []
        InterruptSignal.install()
        for (index, path) in arguments.paths.enumerated() {
            if InterruptSignal.wasReceived {
                let rest = arguments.paths[index...]
                throw ApplicationError(
                    "interrupted: \(saved.count) file(s) saved in full\(saved.isEmpty ? "" : " (\(saved.joined(separator: ", ")))"); "
                        + "not loaded: \(rest.joined(separator: ", ")). Run the same command again to finish: saved files are not counted twice.",
                    exitCode: InterruptSignal.exitCode)
            }
            do {
                let summary = try ingester.ingest(path: path)
                if showProgress { StandardError.write("\r\u{1B}[K") }
                output(summary.description)
                saved.append(path)
            } catch {
                if showProgress { StandardError.write("\r\u{1B}[K") }
                failures.append("\(error)")
            }
        }
        guard failures.isEmpty else {
            let count = failures.count == 1 ? "1 file was" : "\(failures.count) files were"
            throw ApplicationError("\(count) not loaded:\n" + failures.joined(separator: "\n"))
        }
    }

    static func options(from arguments: Arguments) throws -> FileIngestOptions {
        var kind: FileKind?
        if arguments.kind != "auto" {
            guard let named = FileKind(rawValue: arguments.kind) else {
                throw ApplicationError(
                    "--kind \(arguments.kind) is not a kind; use one of \(kindNames.joined(separator: ", ")).")
            }
            kind = named
        }
        var columnMap: [String: String] = [:]
        for map in arguments.maps {
            guard let equals = map.firstIndex(of: "="), equals != map.startIndex else {
                throw ApplicationError("--map \(map): write COLUMN=FIELD, for example --map tokens_in=input_tokens.")
            }
            columnMap[String(map[..<equals])] = String(map[map.index(after: equals)...])
        }
        return FileIngestOptions(
            kind: kind, source: arguments.source, skipInvalid: arguments.skipInvalid, storeContent: arguments.storeContent,
            redact: arguments.redact,
            columnMap: columnMap, scoreScale: try arguments.scale.map { try ScoreScale(parsing: $0) })
    }
}
