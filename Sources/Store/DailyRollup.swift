/// Keeps `request_daily` equal to `GROUP BY day` over `requests` for every day not pruned.
package struct DailyRollup {
    package let database: Database

    package init(database: Database) {
        self.database = database
    }

    /// Re-aggregates every day marked dirty (by a writer's inserts or the update and delete
    /// triggers) from its requests. Call it inside the writing transaction, just before it commits,
    /// so readers never see requests and roll-ups disagree. Writers call
    /// `RecordWriter.refreshDailyRollups` instead, which adds what they inserted where it can.
    /// Days whose requests were all deleted keep their roll-up only when `keepEmptyDays` is set
    /// (that is how `prune` keeps past totals).
    package func refreshDirtyDays(keepEmptyDays: Bool = false) throws {
        try database.transaction {
            let dayExpression = "(r.created_at / 86400 - (r.created_at < 0 AND r.created_at % 86400 != 0))"
            if keepEmptyDays {
                try database.execute("""
                    DELETE FROM request_daily_dirty WHERE NOT EXISTS (SELECT 1 FROM requests r
                        WHERE r.created_at >= request_daily_dirty.day * 86400
                        AND r.created_at < (request_daily_dirty.day + 1) * 86400)
                    """)
            }
            try database.execute(
                "DELETE FROM request_daily WHERE day IN (SELECT day FROM request_daily_dirty)")
            try database.execute("""
                INSERT INTO request_daily (day, model_id, project, is_batch, service_tier, tag_set_id, input_band,
                    request_count, failed_count, input_tokens, cached_input_tokens, cache_write_tokens,
                    output_tokens, reasoning_tokens, latency_count, audio_input_tokens, audio_output_tokens,
                    cache_write_1h_tokens, reported_cost, reported_cost_requests)
                SELECT \(dayExpression), r.model_id, coalesce(r.project, ''), r.is_batch,
                    coalesce(r.service_tier, ''), coalesce(r.tag_set_id, 0), \(InputBand.sql("r")), sum(r.request_count),
                    sum(r.failed_count), sum(r.input_tokens), sum(r.cached_input_tokens),
                    sum(r.cache_write_tokens), sum(r.output_tokens), sum(r.reasoning_tokens),
                    count(r.latency_ms), sum(r.audio_input_tokens), sum(r.audio_output_tokens),
                    sum(r.cache_write_1h_tokens), distill_decimal_sum(r.reported_cost),
                    sum(CASE WHEN r.reported_cost IS NULL THEN 0 ELSE r.request_count END)
                FROM request_daily_dirty d
                JOIN requests r ON r.created_at >= d.day * 86400 AND r.created_at < (d.day + 1) * 86400
                GROUP BY 1, 2, 3, 4, 5, 6, 7
                """)
            try database.execute("DELETE FROM request_daily_dirty; DELETE FROM request_daily_recompute")
        }
    }

    /// Days with request changes not yet rolled up (0 after every completed ingest).
    package func dirtyDayCount() throws -> Int {
        Int(try database.scalar("SELECT count(*) FROM request_daily_dirty")?.int64 ?? 0)
    }
}
