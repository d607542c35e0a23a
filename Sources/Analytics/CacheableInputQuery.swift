import DistillCore
import Store

/// Uncached prompt tokens of requests long enough to be cached, per day, model, batch flag and
/// service tier: what prompt caching could at most have served at the cached rate. The daily
/// roll-up keeps no request sizes below the long-context band, so this reads the request rows;
/// a row that sums several requests counts when its mean prompt reaches the minimum.
package struct CacheableInputRow: Sendable, Equatable {
    package var day: UTCDate
    package var model: String
    package var isBatch: Bool
    package var serviceTier: String
    /// Requests whose prompt reached the minimum.
    package var requests: Int64
    /// Their input tokens minus cached and cache-write tokens.
    package var uncachedInput: Int64
}

package struct CacheableInputQuery {
    package let database: Database

    package init(database: Database) {
        self.database = database
    }

    /// Requests in `range` carrying every tag in `filters`, without any tag in `excluding`, whose
    /// prompt has at least `minimumInput` tokens.
    package func rows(
        in range: DayRange, minimumInput: Int64, filters: [TagFilter] = [], excluding: [TagFilter] = []
    ) throws -> [CacheableInputRow] {
        var parameters: [any SQLBindable] = [
            Int64(range.start.daysSinceEpoch) * 86_400, Int64(range.end.daysSinceEpoch) * 86_400, minimumInput,
        ]
        let filterSQL = TagFilter.sql(filters, column: "r.tag_set_id", parameters: &parameters)
            + TagFilter.sql(excluding, column: "r.tag_set_id", negated: true, parameters: &parameters)
        let sql = """
            SELECT r.created_at / 86400, m.name, r.is_batch, coalesce(r.service_tier, ''), sum(r.request_count),
                sum(r.input_tokens - r.cached_input_tokens - r.cache_write_tokens)
            FROM requests r JOIN models m ON m.id = r.model_id
            WHERE r.created_at >= ? AND r.created_at < ? AND r.input_tokens >= ? * r.request_count\(filterSQL)
            GROUP BY 1, 2, 3, 4
            ORDER BY 1, 2, 3, 4
            """
        return try database.query(sql, parameters) { row in
            CacheableInputRow(
                day: UTCDate(daysSinceEpoch: row.int(0)), model: row.string(1), isBatch: row.int64(2) != 0,
                serviceTier: row.string(3), requests: row.int64(4), uncachedInput: row.int64(5))
        }
    }
}
