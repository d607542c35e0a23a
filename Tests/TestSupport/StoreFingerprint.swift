import Foundation
import Store

/// A summary of everything a report could read from a database: row counts and token sums per
/// table, latency coverage. Two databases with equal fingerprints give equal reports.
package enum StoreFingerprint {
    /// Opening migrates a database a killed process left at schema version 0 (its migration is
    /// one transaction, so it is either absent or complete): that is the empty state.
    package static func of(_ path: String) throws -> String {
        let database = try Database(path: path)
        let queries = [
            "SELECT count(*), total(input_tokens), total(cached_input_tokens), total(output_tokens), count(latency_ms), total(failed_count) FROM requests",
            "SELECT count(*), total(request_count), total(input_tokens), total(output_tokens) FROM request_daily",
            "SELECT count(*) FROM tag_sets", "SELECT count(*) FROM tags",
            "SELECT count(*), total(score) FROM eval_scores", "SELECT count(*) FROM eval_runs",
            "SELECT count(*), total(trained_tokens) FROM fine_tuning_jobs",
            "SELECT count(*) FROM request_daily_dirty",
        ]
        return try queries.map { sql in
            try database.query(sql) { row in (0..<row.columnCount).map { "\(row.value($0))" }.joined(separator: "/") }
                .joined()
        }.joined(separator: " | ")
    }

    package static func integrityCheck(_ path: String) throws -> String {
        let database = try Database(path: path, migrate: false, readOnly: true)
        return try database.scalar("PRAGMA integrity_check")?.string ?? "no answer"
    }
}
