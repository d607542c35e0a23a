extension Schema {
    /// Inserted requests are rolled up by their writer, not by a per-row trigger.
    ///
    /// The v2 insert trigger cost about a quarter of SQLite's time per inserted row, and the
    /// re-aggregation of every touched day re-read every new row at the end of an ingest.
    /// `RecordWriter` now marks each day it inserts into (once per day, not per row) and keeps the
    /// new rows' sums in memory; `RecordWriter.refreshDailyRollups` adds those sums to the day's
    /// roll-up. Updates and deletes can move or remove rows the writer never saw, so their triggers
    /// stay and also mark the day in `request_daily_recompute` (the old and the new day of an
    /// update): such a day is re-aggregated from its requests as before. Readers still see every
    /// day not yet rolled up in `request_daily_dirty`. A day is `created_at / 86400`, rounding down
    /// for times before 1970.
    static let version3 = """
        DROP TRIGGER requests_mark_insert;

        CREATE TABLE request_daily_recompute (
            day INTEGER PRIMARY KEY
        ) WITHOUT ROWID;

        DROP TRIGGER requests_mark_update;
        DROP TRIGGER requests_mark_delete;
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
