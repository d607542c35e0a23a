import DistillCore
import Store

/// Token totals per day and model, summed in SQL from the daily roll-up, never row by row in
/// Swift: a week over ten million requests reads a few thousand roll-up rows.
package struct UsageQuery {
    package let database: Database

    package init(database: Database) {
        self.database = database
    }

    /// Usage in `range`, restricted to requests carrying every tag in `filters`, optionally split
    /// by the value of tag `groupByTag`. Usage buckets fill only (day, model) pairs without
    /// request rows; they carry no tags, so they are left out when any tag condition is given.
    /// When both daily and hourly buckets were pulled for a day and model, only the widest are
    /// summed: they describe the same traffic.
    /// `excluding` drops requests carrying any of its pairs (teacher data generation and
    /// evaluation calls are one-time costs, not traffic a student replaces).
    package func usage(
        in range: DayRange, filters: [TagFilter] = [], excluding: [TagFilter] = [], groupByTag: String? = nil
    ) throws -> [UsageRow] {
        var parameters: [any SQLBindable] = [Int64(range.start.daysSinceEpoch), Int64(range.end.daysSinceEpoch)]
        let tagJoin: String
        let tagColumn: String
        if let groupByTag {
            tagJoin = "LEFT JOIN tags g ON g.tag_set_id = d.tag_set_id AND g.key = ?"
            tagColumn = "g.value"
            parameters.insert(groupByTag, at: 0)
        } else {
            tagJoin = ""
            tagColumn = "NULL"
        }
        let filterSQL = TagFilter.sql(filters, column: "d.tag_set_id", parameters: &parameters)
            + TagFilter.sql(excluding, column: "d.tag_set_id", negated: true, parameters: &parameters)
        var sql = """
            WITH daily AS (\(Self.dailyRequestsSQL))
            SELECT d.day, m.name, d.is_batch, d.service_tier, d.project, \(tagColumn), sum(d.request_count),
                sum(d.failed_count), sum(d.input_tokens), sum(d.cached_input_tokens), sum(d.cache_write_tokens),
                sum(d.output_tokens), sum(d.reasoning_tokens), 'requests', sum(d.audio_input_tokens),
                sum(d.audio_output_tokens), sum(d.cache_write_1h_tokens), distill_decimal_sum(d.reported_cost),
                sum(d.reported_cost_requests), d.input_band
            FROM daily d JOIN models m ON m.id = d.model_id \(tagJoin)
            WHERE d.day >= ? AND d.day < ?\(filterSQL)
            GROUP BY 1, 2, 3, 4, 5, 6, 20
            """
        if filters.isEmpty && excluding.isEmpty {
            parameters.append(Int64(range.start.daysSinceEpoch))
            parameters.append(Int64(range.end.daysSinceEpoch))
            sql += """

                UNION ALL
                SELECT b.start_time / 86400, m.name, b.is_batch, b.service_tier, b.project, NULL,
                    sum(b.request_count), 0, sum(b.input_tokens), sum(b.cached_input_tokens), 0,
                    sum(b.output_tokens), 0, 'usage buckets', 0, 0, 0, NULL, 0, \(InputBand.unknown)
                FROM usage_buckets b JOIN models m ON m.id = b.model_id
                WHERE b.start_time / 86400 >= ? AND b.start_time / 86400 < ?
                    AND NOT EXISTS (SELECT 1 FROM daily d WHERE d.day = b.start_time / 86400 AND d.model_id = b.model_id)
                    AND b.end_time - b.start_time = (SELECT max(w.end_time - w.start_time) FROM usage_buckets w
                        WHERE w.model_id = b.model_id AND w.start_time / 86400 = b.start_time / 86400)
                GROUP BY 1, 2, 3, 4, 5
                """
        }
        sql += "\nORDER BY 1, 2, 3, 4, 5, 6, 15"
        return try database.query(sql, parameters) { row in
            UsageRow(
                day: UTCDate(daysSinceEpoch: row.int(0)), model: row.string(1), isBatch: row.int64(2) != 0,
                serviceTier: row.string(3), project: row.string(4), tagValue: row.optionalString(5),
                requests: row.int64(6), failed: row.int64(7),
                tokens: TokenUsage(
                    input: row.int64(8), cachedInput: row.int64(9), cacheWrite: row.int64(10),
                    output: row.int64(11), reasoning: row.int64(12), audioInput: row.int64(14),
                    audioOutput: row.int64(15), cacheWriteOneHour: row.int64(16)),
                origin: row.string(13) == "requests" ? .requests : .usageBuckets, reportedCost: row.optionalString(17),
                reportedCostRequests: row.int64(18), inputBand: row.int64(19))
        }
    }

    /// The roll-up, with days still marked dirty (a write not yet rolled up) aggregated from the
    /// requests themselves, so a report is right even mid-ingest by an older writer.
    static let dailyRequestsSQL = """
        SELECT day, model_id, project, is_batch, service_tier, tag_set_id, request_count, failed_count,
            input_tokens, cached_input_tokens, cache_write_tokens, output_tokens, reasoning_tokens, audio_input_tokens,
            audio_output_tokens, cache_write_1h_tokens, reported_cost, reported_cost_requests, input_band
        FROM request_daily WHERE day NOT IN (SELECT day FROM request_daily_dirty)
        UNION ALL
        SELECT r.created_at / 86400, r.model_id, coalesce(r.project, ''), r.is_batch, coalesce(r.service_tier, ''),
            coalesce(r.tag_set_id, 0), r.request_count, r.failed_count, r.input_tokens, r.cached_input_tokens,
            r.cache_write_tokens, r.output_tokens, r.reasoning_tokens, r.audio_input_tokens, r.audio_output_tokens,
            r.cache_write_1h_tokens, r.reported_cost, CASE WHEN r.reported_cost IS NULL THEN 0 ELSE r.request_count END,
            \(InputBand.sql("r"))
        FROM request_daily_dirty x JOIN requests r ON r.created_at >= x.day * 86400 AND r.created_at < (x.day + 1) * 86400
        """

    /// The first and last day with any usage, or nil for an empty store.
    package func span() throws -> DayRange? {
        let row = try database.query(
            """
            SELECT min(day), max(day) FROM (
                SELECT day FROM request_daily UNION ALL SELECT day FROM request_daily_dirty
                UNION ALL SELECT start_time / 86400 FROM usage_buckets)
            """
        ) { ($0.optionalInt64(0), $0.optionalInt64(1)) }.first
        guard let first = row?.0, let last = row?.1 else { return nil }
        return DayRange(start: UTCDate(daysSinceEpoch: Int(first)), end: UTCDate(daysSinceEpoch: Int(last) + 1))
    }
}
