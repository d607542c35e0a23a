extension Schema {
    /// Requests are found by a 64-bit hash of their key (`RequestKeyHash`) instead of a unique
    /// index on the key's text.
    ///
    /// The text index was the largest structure after the table (39 bytes a row) and, being in
    /// random order, the one that fell out of the page cache first: at 5M requests each insert
    /// read and wrote back a page of it. `key_hash` is unique; a key whose hash another stored key
    /// already has (about one in 10¹¹ pairs) is stored with a NULL hash and found through the small
    /// partial index `requests_unhashed`. The table is rebuilt (SQLite cannot drop a UNIQUE
    /// constraint) keeping every id, so `request_content` still points at the same rows; the
    /// migrator turns foreign keys off around it, as SQLite's documentation prescribes. Dropping the
    /// old table drops its triggers, so version 3's are created again, word for word.
    static let version4 = """
        CREATE TABLE requests_v4 (
            id INTEGER PRIMARY KEY,
            request_key TEXT NOT NULL,
            key_hash INTEGER UNIQUE,
            source_id INTEGER NOT NULL REFERENCES sources(id),
            model_id INTEGER NOT NULL REFERENCES models(id),
            created_at INTEGER NOT NULL,
            project TEXT,
            is_batch INTEGER NOT NULL DEFAULT 0 CHECK (is_batch IN (0, 1)),
            service_tier TEXT,
            request_count INTEGER NOT NULL DEFAULT 1 CHECK (request_count >= 1),
            failed_count INTEGER NOT NULL DEFAULT 0 CHECK (failed_count BETWEEN 0 AND request_count),
            input_tokens INTEGER NOT NULL DEFAULT 0 CHECK (input_tokens >= 0),
            cached_input_tokens INTEGER NOT NULL DEFAULT 0 CHECK (cached_input_tokens >= 0),
            cache_write_tokens INTEGER NOT NULL DEFAULT 0 CHECK (cache_write_tokens >= 0),
            output_tokens INTEGER NOT NULL DEFAULT 0 CHECK (output_tokens >= 0),
            reasoning_tokens INTEGER NOT NULL DEFAULT 0 CHECK (reasoning_tokens >= 0),
            latency_ms REAL CHECK (latency_ms IS NULL OR latency_ms >= 0),
            time_to_first_token_ms REAL CHECK (time_to_first_token_ms IS NULL OR time_to_first_token_ms >= 0),
            status TEXT NOT NULL DEFAULT 'ok',
            tag_set_id INTEGER REFERENCES tag_sets(id),
            CHECK (cached_input_tokens + cache_write_tokens <= input_tokens),
            CHECK (reasoning_tokens <= output_tokens)
        );

        INSERT INTO requests_v4 SELECT id, request_key, distill_request_key_hash(request_key), source_id, model_id, created_at, project, is_batch, service_tier, request_count,
            failed_count, input_tokens, cached_input_tokens, cache_write_tokens, output_tokens, reasoning_tokens,
            latency_ms, time_to_first_token_ms, status, tag_set_id
        FROM requests WHERE true ORDER BY id ON CONFLICT (key_hash) DO NOTHING;
        INSERT INTO requests_v4 SELECT id, request_key, NULL, source_id, model_id, created_at, project, is_batch, service_tier, request_count,
            failed_count, input_tokens, cached_input_tokens, cache_write_tokens, output_tokens, reasoning_tokens,
            latency_ms, time_to_first_token_ms, status, tag_set_id
        FROM requests WHERE id NOT IN (SELECT id FROM requests_v4) ORDER BY id;

        DROP TABLE requests;
        ALTER TABLE requests_v4 RENAME TO requests;
        CREATE INDEX requests_by_time ON requests(created_at, model_id);
        CREATE INDEX requests_unhashed ON requests(request_key) WHERE key_hash IS NULL;
        CREATE TRIGGER requests_mark_update AFTER UPDATE ON requests BEGIN
            INSERT OR IGNORE INTO request_daily_dirty (day) VALUES (OLD.created_at / 86400 - (OLD.created_at < 0 AND OLD.created_at % 86400 != 0));
            INSERT OR IGNORE INTO request_daily_dirty (day) VALUES (NEW.created_at / 86400 - (NEW.created_at < 0 AND NEW.created_at % 86400 != 0));
            INSERT OR IGNORE INTO request_daily_recompute (day) VALUES (OLD.created_at / 86400 - (OLD.created_at < 0 AND OLD.created_at % 86400 != 0));
            INSERT OR IGNORE INTO request_daily_recompute (day) VALUES (NEW.created_at / 86400 - (NEW.created_at < 0 AND NEW.created_at % 86400 != 0));
        END;
        CREATE TRIGGER requests_mark_delete AFTER DELETE ON requests BEGIN
            INSERT OR IGNORE INTO request_daily_dirty (day) VALUES (OLD.created_at / 86400 - (OLD.created_at < 0 AND OLD.created_at % 86400 != 0));
            INSERT OR IGNORE INTO request_daily_recompute (day) VALUES (OLD.created_at / 86400 - (OLD.created_at < 0 AND OLD.created_at % 86400 != 0));
        END;
        """
}
