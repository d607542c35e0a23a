import DistillCore
import Store

/// Latency percentiles from per-request rows (roll-ups cannot give exact percentiles).
public struct LatencyQuery {
    public let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// Percentiles of successful requests of `model` in `range` that recorded a latency.
    public func summary(model: String, in range: DayRange, filters: [TagFilter] = []) throws -> LatencySummary? {
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
}
