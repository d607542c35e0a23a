import DistillCore
import Store

/// Model calls stored with zero input and zero output tokens that did not fail: a source that lost
/// its usage. The weekly report names them in its data-quality notes so they never pass as free
/// traffic.
package struct ZeroTokenCallsQuery {
    package let database: Database

    package init(database: Database) {
        self.database = database
    }

    /// Requests per model in the range, models in name order; empty when there are none.
    package func counts(in range: DayRange) throws -> [(model: String, requests: Int64)] {
        try database.query(
            """
            SELECT m.name, sum(r.request_count - r.failed_count) FROM requests r JOIN models m ON m.id = r.model_id
            WHERE r.created_at >= ? AND r.created_at < ? AND r.input_tokens = 0 AND r.output_tokens = 0
                AND r.failed_count < r.request_count
            GROUP BY m.name ORDER BY m.name
            """, [range.startSeconds, range.endSeconds]
        ) { (model: $0.string(0), requests: $0.int64(1)) }
    }
}
