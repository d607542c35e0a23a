import Foundation
import Ingest
import Store

/// `distill-roi ingest file`: loads each file in its own transaction and reports what it stored.
///
/// One `FileIngester` call per file; a failed file does not stop the others, but makes the command
/// fail at the end. Files that cannot be opened are found before the database is: when none can,
/// no database is created (a typo in a path must not leave an empty store behind).
package enum IngestFilesCommand {
    /// Ingests every file, writing each summary with `output`; throws after the last file if any failed.
    package static func run(
        paths: [String], databasePath: String, options: FileIngestOptions, output: (String) -> Void
    ) throws {
        // First, so a Ctrl-C while the files are checked or the database opens is handled too.
        InterruptSignal.install()
        var failures: [String] = []
        let readable = paths.filter { path in
            do {
                try FileIngester.checkReadable(path: path)
                return true
            } catch {
                failures.append("\(error)")
                return false
            }
        }
        guard !readable.isEmpty else { throw notLoaded(failures) }
        let database = try Database(path: databasePath)
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
        var saved: [String] = []
        for (index, path) in readable.enumerated() {
            if InterruptSignal.wasReceived {
                let rest = readable[index...]
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
        guard failures.isEmpty else { throw notLoaded(failures) }
    }

    private static func notLoaded(_ failures: [String]) -> ApplicationError {
        let count = failures.count == 1 ? "1 file was" : "\(failures.count) files were"
        return ApplicationError("\(count) not loaded:\n" + failures.joined(separator: "\n"))
    }
}
