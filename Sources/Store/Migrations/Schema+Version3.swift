extension Schema {
    /// Inserted requests are rolled up by their writer, not by a per-row trigger.
    ///
    /// The v2 insert trigger cost about a quarter of SQLite's time per inserted row, and the
    /// re-aggregation of every touched day re-read every new row at the end of an ingest.
    /// `RecordWriter` now marks each day it inserts into (once per day, not per row) and keeps the
    /// new rows' sums in memory; `RecordWriter.refreshDailyRollups` adds those sums to the day's
    /// roll-up. Updates and deletes can move or remove rows the writer never saw, so their triggers
    /// stay and also mark the day in `request_daily_recompute`: such a day is re-aggregated from
    /// its requests as before. Readers still see every day not yet rolled up in `request_daily_dirty`.
    static let version3 = """
        DROP TRIGGER requests_mark_insert;

        CREATE TABLE request_daily_recompute (
            day INTEGER PRIMARY KEY
        ) WITHOUT ROWID;

        DROP TRIGGER requests_mark_update;
        DROP TRIGGER requests_mark_delete;
        \(requestTriggers)
        """

    /// Updates and deletes mark both the old and the new day for re-aggregation.
    static let requestTriggers = """
        CREATE TRIGGER requests_mark_update AFTER UPDATE ON requests BEGIN
            INSERT OR IGNORE INTO request_daily_dirty (day) VALUES (\(day("OLD")));
            INSERT OR IGNORE INTO request_daily_dirty (day) VALUES (\(day("NEW")));
            INSERT OR IGNORE INTO request_daily_recompute (day) VALUES (\(day("OLD")));
            INSERT OR IGNORE INTO request_daily_recompute (day) VALUES (\(day("NEW")));
        END;
        CREATE TRIGGER requests_mark_delete AFTER DELETE ON requests BEGIN
            INSERT OR IGNORE INTO request_daily_dirty (day) VALUES (\(day("OLD")));
            INSERT OR IGNORE INTO request_daily_recompute (day) VALUES (\(day("OLD")));
        END;
        """

    /// The UTC day number of a row's `created_at` (rounding down for times before 1970).
    static func day(_ row: String) -> String {
        "\(row).created_at / 86400 - (\(row).created_at < 0 AND \(row).created_at % 86400 != 0)"
    }
}
