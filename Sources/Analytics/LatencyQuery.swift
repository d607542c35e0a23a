import DistillCore
import Statistics
import Store

/// Latency percentiles from per-request rows (roll-ups cannot give exact percentiles).
package struct LatencyQuery {
    package let database: Database

    package init(database: Database) {
        self.database = database
    }

    /// Percentiles of successful requests of `model` in `range` that recorded a latency.
    package func summary(model: String, in range: DayRange, filters: [TagFilter] = []) throws -> LatencySummary? {
        if try !mayHaveLatencies(model: model, in: range) { return nil }
        var parameters: [any SQLBindable] = [model, range.startSeconds, range.endSeconds]
        let filterSQL = TagFilter.sql(filters, column: "r.tag_set_id", parameters: &parameters)
        let whereSQL = """
            FROM requests r WHERE r.model_id = (SELECT id FROM models WHERE name = ?)
                AND r.created_at >= ? AND r.created_at < ? AND r.latency_ms IS NOT NULL
                AND r.request_count = 1 AND r.status = 'ok'\(filterSQL)
            """
        let count = Int(try database.scalar("SELECT count(*) " + whereSQL, parameters)?.int64 ?? 0)
        let statement = try database.cachedStatement("SELECT r.latency_ms " + whereSQL + " ORDER BY r.latency_ms")
        return try LatencySummary.from(count: count) { visit in
            try statement.forEachRow(parameters) { visit($0.double(0)) }
        }
    }

    /// False when the daily roll-up shows that no request of `model` in `range` recorded a latency
    /// and none of those days awaits re-aggregation: then the percentiles are unavailable without
    /// reading the range's per-request rows (a table lookup per row, since `requests_by_time` does
    /// not hold `latency_ms`), which is most of a weekly report's time over millions of requests
    /// that carry no latency (completions without a request log, aggregated rows).
    private func mayHaveLatencies(model: String, in range: DayRange) throws -> Bool {
        let firstDay = range.startSeconds / 86_400
        let endDay = (range.endSeconds + 86_399) / 86_400
        let dirty = try database.scalar(
            "SELECT count(*) FROM request_daily_dirty WHERE day >= ? AND day < ?", [firstDay, endDay])?.int64 ?? 1
        if dirty > 0 { return true }
        let recorded = try database.scalar(
            """
            SELECT count(*) FROM request_daily WHERE model_id = (SELECT id FROM models WHERE name = ?)
                AND day >= ? AND day < ? AND latency_count > 0
            """, [model, firstDay, endDay])?.int64 ?? 1
        return recorded > 0
    }
}
