extension Schema {
    /// Long-context requests kept apart in the daily roll-up (issue 15).
    ///
    /// Some models price a whole request higher once its input passes a size (OpenAI above 272K
    /// input tokens, Gemini above 200K). A sum of tokens cannot say which requests passed it, so
    /// `request_daily` gains `input_band`, part of its key: 0 for requests with at most 128,000
    /// input tokens, the exact input size of a single request above that (each such size its own
    /// row, so any threshold from 128K up prices exactly), and -1 for an aggregate request row
    /// (`request_count` > 1) above it, whose per-request sizes are unknown. Days holding a request
    /// above 128K are marked for re-aggregation so their long requests move to their own rows.
    /// Roll-ups `prune` kept without requests stay in band 0. The table is rebuilt (a primary key
    /// cannot be altered), keeping version 6's columns.
    static let version7 = """
        CREATE TABLE request_daily_banded (
            day INTEGER NOT NULL,
            model_id INTEGER NOT NULL REFERENCES models(id),
            project TEXT NOT NULL DEFAULT '',
            is_batch INTEGER NOT NULL,
            service_tier TEXT NOT NULL DEFAULT '',
            tag_set_id INTEGER NOT NULL DEFAULT 0,
            input_band INTEGER NOT NULL DEFAULT 0,
            request_count INTEGER NOT NULL,
            failed_count INTEGER NOT NULL,
            input_tokens INTEGER NOT NULL,
            cached_input_tokens INTEGER NOT NULL,
            cache_write_tokens INTEGER NOT NULL,
            output_tokens INTEGER NOT NULL,
            reasoning_tokens INTEGER NOT NULL,
            latency_count INTEGER NOT NULL,
            audio_input_tokens INTEGER NOT NULL DEFAULT 0,
            audio_output_tokens INTEGER NOT NULL DEFAULT 0,
            cache_write_1h_tokens INTEGER NOT NULL DEFAULT 0,
            reported_cost TEXT,
            reported_cost_requests INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (day, model_id, project, is_batch, service_tier, tag_set_id, input_band)
        ) WITHOUT ROWID;
        INSERT INTO request_daily_banded (day, model_id, project, is_batch, service_tier, tag_set_id, input_band,
            request_count, failed_count, input_tokens, cached_input_tokens, cache_write_tokens, output_tokens,
            reasoning_tokens, latency_count, audio_input_tokens, audio_output_tokens, cache_write_1h_tokens,
            reported_cost, reported_cost_requests)
        SELECT day, model_id, project, is_batch, service_tier, tag_set_id, 0, request_count, failed_count,
            input_tokens, cached_input_tokens, cache_write_tokens, output_tokens, reasoning_tokens, latency_count,
            audio_input_tokens, audio_output_tokens, cache_write_1h_tokens, reported_cost, reported_cost_requests
        FROM request_daily;
        DROP TABLE request_daily;
        ALTER TABLE request_daily_banded RENAME TO request_daily;

        INSERT OR IGNORE INTO request_daily_dirty (day)
        SELECT DISTINCT created_at / 86400 - (created_at < 0 AND created_at % 86400 != 0) FROM requests
        WHERE input_tokens > 128000;
        INSERT OR IGNORE INTO request_daily_recompute (day)
        SELECT DISTINCT created_at / 86400 - (created_at < 0 AND created_at % 86400 != 0) FROM requests
        WHERE input_tokens > 128000;
        """

}
