import Store

/// Databases as versions 1 to 5 of distill-roi left them, holding data: the schema from the
/// frozen migrations of that version, the rows from the SQL its writer ran.
enum LegacyStores {
    /// Creates the database at `path` at `version` (1...5) with a row in every table.
    static func create(version: Int, at path: String) throws {
        let database = try Database(path: path, migrate: false)
        try Migrator(migrations: Array(Migrator.standard.migrations.prefix(version))).migrate(database)
        try database.transaction {
            try database.execute(rows)
            if version >= 4 {
                // Versions 4 and 5 wrote each key's hash with the row (no day was left to re-aggregate).
                try database.execute(
                    """
                    UPDATE requests SET key_hash = distill_request_key_hash(request_key);
                    DELETE FROM request_daily_dirty; DELETE FROM request_daily_recompute;
                    """)
            }
            switch version {
            case 1: break
            case 2: try database.execute(version2RollupRefresh)
            default: try database.execute(version3Rollup)
            }
        }
    }

    /// Days 20780 (two requests, one failed), 20781 and -1 (a warehouse aggregate on 31 December
    /// 1969, whose day rounds down).
    static let rows = """
        INSERT INTO sources (id, name) VALUES (1, 'completions:old.jsonl'), (2, 'openai:usage');
        INSERT INTO models (id, name) VALUES (1, 'gpt-4o-2024-08-06'), (2, 'gpt-4o-mini');
        INSERT INTO tag_sets (id, canonical) VALUES (1, '{"use_case":"support"}');
        INSERT INTO tags (tag_set_id, key, value) VALUES (1, 'use_case', 'support');
        INSERT INTO requests (id, request_key, source_id, model_id, created_at, project, is_batch, service_tier,
            request_count, failed_count, input_tokens, cached_input_tokens, cache_write_tokens, output_tokens,
            reasoning_tokens, latency_ms, time_to_first_token_ms, status, tag_set_id)
        VALUES
            (1, 'chatcmpl-a', 1, 1, 1795442709, 'proj_1', 0, 'default', 1, 0, 1200, 200, 0, 300, 0, 850.5, 120, 'ok', 1),
            (2, 'chatcmpl-b', 1, 1, 1795446000, NULL, 1, NULL, 1, 1, 0, 0, 0, 0, 0, NULL, NULL, 'failed', NULL),
            (3, 'chatcmpl-c', 1, 2, 1795529109, 'proj_1', 0, 'flex', 1, 0, 400, 0, 100, 90, 40, 300, NULL, 'ok', 1),
            (4, 'warehouse-1', 1, 2, -86399, NULL, 0, NULL, 20, 2, 5000, 0, 0, 800, 0, NULL, NULL, 'ok', NULL);
        INSERT INTO request_content (request_id, messages, response) VALUES (1, '[{"role":"user"}]', '[]');
        INSERT INTO usage_buckets (id, source_id, start_time, end_time, model_id, request_count, input_tokens, output_tokens)
            VALUES (1, 2, 1795392000, 1795478400, 1, 7, 7000, 70);
        INSERT INTO billed_costs (id, source_id, start_time, end_time, line_item, amount, currency)
            VALUES (1, 2, 1795392000, 1795478400, 'gpt-4o-2024-08-06, input', '0.0175', 'usd');
        INSERT INTO fine_tuning_jobs (id, source_id, base_model, fine_tuned_model, status, trained_tokens, epochs,
            created_at, finished_at)
            VALUES ('ftjob-1', 1, 'gpt-4o-mini-2024-07-18', 'ft:gpt-4o-mini:org::abc', 'succeeded', 120000, 3,
                1795000000, 1795003600);
        INSERT INTO eval_runs (id, source_id, eval_name, model, created_at)
            VALUES ('evalrun-1', 1, 'support', 'ft:gpt-4o-mini:org::abc', 1795100000);
        INSERT INTO eval_run_usage (run_id, model, invocation_count, input_tokens, output_tokens)
            VALUES ('evalrun-1', 'ft:gpt-4o-mini:org::abc', 10, 4000, 500);
        INSERT INTO eval_scores (run_id, item_id, grader, model, score, passed)
            VALUES ('evalrun-1', 'item-1', 'exact', 'ft:gpt-4o-mini:org::abc', 0.75, 1);
        INSERT INTO ingest_cursors (source, cursor, updated_at) VALUES ('openai:usage', '1795478400', 1795480000);
        INSERT INTO ingest_log (source, kind, rows_inserted, started_at, finished_at, status)
            VALUES ('completions:old.jsonl', 'completions', 4, 1795480000, 1795480001, 'ok');
        """

    /// Version 2's insert trigger marked each day dirty; its writer then re-aggregated the dirty
    /// days before committing.
    static let version2RollupRefresh = """
        DELETE FROM request_daily WHERE day IN (SELECT day FROM request_daily_dirty);
        INSERT INTO request_daily (day, model_id, project, is_batch, service_tier, tag_set_id,
            request_count, failed_count, input_tokens, cached_input_tokens, cache_write_tokens,
            output_tokens, reasoning_tokens, latency_count)
        SELECT r.created_at / 86400 - (r.created_at < 0 AND r.created_at % 86400 != 0), r.model_id,
            coalesce(r.project, ''), r.is_batch, coalesce(r.service_tier, ''), coalesce(r.tag_set_id, 0),
            sum(r.request_count), sum(r.failed_count), sum(r.input_tokens), sum(r.cached_input_tokens),
            sum(r.cache_write_tokens), sum(r.output_tokens), sum(r.reasoning_tokens), count(r.latency_ms)
        FROM request_daily_dirty d
        JOIN requests r ON r.created_at >= d.day * 86400 AND r.created_at < (d.day + 1) * 86400
        GROUP BY 1, 2, 3, 4, 5, 6;
        DELETE FROM request_daily_dirty;
        """

    /// Version 3's writer (and those of versions 4 and 5, which kept its roll-up) added the sums of the rows it inserted to the roll-up and cleared the
    /// days it had marked: the roll-up rows it left, written out.
    static let version3Rollup = """
        INSERT INTO request_daily (day, model_id, project, is_batch, service_tier, tag_set_id,
            request_count, failed_count, input_tokens, cached_input_tokens, cache_write_tokens,
            output_tokens, reasoning_tokens, latency_count)
        VALUES
            (20780, 1, 'proj_1', 0, 'default', 1, 1, 0, 1200, 200, 0, 300, 0, 1),
            (20780, 1, '', 1, '', 0, 1, 1, 0, 0, 0, 0, 0, 0),
            (20781, 2, 'proj_1', 0, 'flex', 1, 1, 0, 400, 0, 100, 90, 40, 1),
            (-1, 2, '', 0, '', 0, 20, 2, 5000, 0, 0, 800, 0, 0);
        """
}
