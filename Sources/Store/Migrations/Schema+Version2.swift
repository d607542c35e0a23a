extension Schema {
    /// Daily roll-ups of requests, kept current by the ingest transaction that changed them.
    ///
    /// Triggers mark every day a request write touches as dirty (cheap: one key in a tiny
    /// table); `DailyRollup.refreshDirtyDays` re-aggregates those days before the transaction
    /// commits. Reports read the roll-up, so a weekly report over tens of millions of requests
    /// sums thousands of rows, and `prune` can delete old requests while past totals stay.
    static let version2 = """
        CREATE TABLE request_daily (
            day INTEGER NOT NULL,
            model_id INTEGER NOT NULL REFERENCES models(id),
            project TEXT NOT NULL DEFAULT '',
            is_batch INTEGER NOT NULL,
            service_tier TEXT NOT NULL DEFAULT '',
            tag_set_id INTEGER NOT NULL DEFAULT 0,
            request_count INTEGER NOT NULL,
            failed_count INTEGER NOT NULL,
            input_tokens INTEGER NOT NULL,
            cached_input_tokens INTEGER NOT NULL,
            cache_write_tokens INTEGER NOT NULL,
            output_tokens INTEGER NOT NULL,
            reasoning_tokens INTEGER NOT NULL,
            latency_count INTEGER NOT NULL,
            PRIMARY KEY (day, model_id, project, is_batch, service_tier, tag_set_id)
        ) WITHOUT ROWID;

        CREATE TABLE request_daily_dirty (
            day INTEGER PRIMARY KEY
        ) WITHOUT ROWID;

        CREATE TRIGGER requests_mark_insert AFTER INSERT ON requests BEGIN
            INSERT OR IGNORE INTO request_daily_dirty (day) VALUES (NEW.created_at / 86400 - (NEW.created_at < 0 AND NEW.created_at % 86400 != 0));
        END;
        CREATE TRIGGER requests_mark_update AFTER UPDATE ON requests BEGIN
            INSERT OR IGNORE INTO request_daily_dirty (day) VALUES (OLD.created_at / 86400 - (OLD.created_at < 0 AND OLD.created_at % 86400 != 0));
            INSERT OR IGNORE INTO request_daily_dirty (day) VALUES (NEW.created_at / 86400 - (NEW.created_at < 0 AND NEW.created_at % 86400 != 0));
        END;
        CREATE TRIGGER requests_mark_delete AFTER DELETE ON requests BEGIN
            INSERT OR IGNORE INTO request_daily_dirty (day) VALUES (OLD.created_at / 86400 - (OLD.created_at < 0 AND OLD.created_at % 86400 != 0));
        END;
        """
}
