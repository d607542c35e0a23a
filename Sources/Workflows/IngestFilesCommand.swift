import Foundation
import Ingest
import Store

/// `distill-roi ingest file`: loads each file in its own transaction and reports what it stored.
///
/// One `FileIngester` call per file; a failed file does not stop the others, but makes the command
/// fail at the end.
package enum IngestFilesCommand {
    /// Ingests every file, writing each summary with `output`; throws after the last file if any failed.
    package static func run(
        paths: [String], databasePath: String, options: FileIngestOptions, output: (String) -> Void
    ) throws {
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
        var failures: [String] = []
        var saved: [String] = []
        InterruptSignal.install()
        for (index, path) in paths.enumerated() {
            if InterruptSignal.wasReceived {
                let rest = paths[index...]
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
}
