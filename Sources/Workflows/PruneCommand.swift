import DistillCore
import Foundation
import Store

/// `distill-roi prune`: retention for per-request rows.
package enum PruneCommand {
    package static func run(databasePath: String, olderThanDays: Int, today: UTCDate, dryRun: Bool, vacuum: Bool) throws -> String {
        let database = try StoreFile.openExisting(databasePath)
        let cutoff = today.adding(days: -olderThanDays)
        let retention = Retention(database: database)
        let outcome = try retention.prune(before: cutoff, dryRun: dryRun)
        if vacuum && !dryRun { try retention.vacuum() }
        let verb = dryRun ? "would delete" : "deleted"
        guard outcome.requests > 0, let first = outcome.firstDay, let last = outcome.lastDay else {
            return "nothing to prune: no request is older than \(cutoff).\n"
        }
        return "\(verb) \(outcome.requests) requests from \(first) to \(last) (before \(cutoff)), "
            + "\(outcome.storedContent) with stored content; daily roll-ups are kept, so past reports keep their totals "
            + "(latency percentiles of those days need the deleted rows and are no longer shown)."
            + (vacuum && !dryRun ? " The file was vacuumed." : "") + "\n"
    }
}
