import DistillCore

/// Deletes per-request rows (and their stored content) before a day, keeping the daily roll-ups,
/// so past weekly and monthly totals stay the same. Cuts fall on whole UTC days: pruning half a day
/// would change that day's roll-up.
package struct Retention {
    package let database: Database

    package init(database: Database) {
        self.database = database
    }

    package struct Outcome: Sendable, Equatable {
        package var requests: Int
        package var storedContent: Int
        package var firstDay: UTCDate?
        package var lastDay: UTCDate?
        package var dryRun: Bool
    }

    /// Requests created before `day` (midnight UTC) are deleted; with `dryRun` only counted.
    package func prune(before day: UTCDate, dryRun: Bool) throws -> Outcome {
        try database.transaction {
            let rollup = DailyRollup(database: database)
            try rollup.refreshDirtyDays()
            let cutoff = day.unixSeconds
            let counts = try database.query(
                """
                SELECT count(*), (SELECT count(*) FROM request_content c JOIN requests r ON r.id = c.request_id
                    WHERE r.created_at < ?1), min(created_at), max(created_at)
                FROM requests WHERE created_at < ?1
                """, [cutoff]
            ) { ($0.int(0), $0.int(1), $0.optionalInt64(2), $0.optionalInt64(3)) }.first ?? (0, 0, nil, nil)
            if !dryRun {
                try database.execute("DELETE FROM request_content WHERE request_id IN (SELECT id FROM requests WHERE created_at < ?)", [cutoff])
                try database.execute("DELETE FROM requests WHERE created_at < ?", [cutoff])
                try rollup.refreshDirtyDays(keepEmptyDays: true)
            }
            return Outcome(
                requests: counts.0, storedContent: counts.1, firstDay: counts.2.map(UTCDate.init(unixSeconds:)),
                lastDay: counts.3.map(UTCDate.init(unixSeconds:)), dryRun: dryRun)
        }
    }

    /// Returns freed pages to the file system (SQLite's VACUUM rewrites the whole file).
    package func vacuum() throws {
        try database.execute("VACUUM")
    }
}
