import ArgumentParser
import DistillCore
import Foundation
import Workflows

struct Prune: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Delete per-request rows older than a window, keeping daily roll-ups.",
        discussion: """
            Deletes requests (and any stored message content) from before midnight UTC of the day \
            --older-than before today. Daily roll-ups stay, so weekly and finance reports of past \
            periods keep the same totals; their latency percentiles, which need per-request rows, \
            are no longer shown. 30 days mirrors the platform's own retention of stored completions.
            """)

    @OptionGroup var database: DatabaseOptions

    @Option(help: ArgumentHelp("Age of the rows to delete: days (30d) or weeks (8w).", valueName: "window"))
    var olderThan: RetentionWindow

    @Flag(help: "Only say what would be deleted.")
    var dryRun = false

    @Flag(help: "Rewrite the file afterwards to give the freed space back (VACUUM).")
    var vacuum = false

    @Option(help: "Count the window back from this day instead of today (YYYY-MM-DD).")
    var today: UTCDate?

    func run() throws {
        try reportingErrors {
            let reference = today ?? UTCDate(unixSeconds: Int64(Date().timeIntervalSince1970))
            let summary = try PruneCommand.run(
                databasePath: database.path, olderThanDays: olderThan.days, today: reference, dryRun: dryRun, vacuum: vacuum)
            print(summary, terminator: "")
        }
    }
}
