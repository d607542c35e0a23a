/// The ingest log and the cursors of incremental sources.
///
/// A cursor is written in the same transaction as the rows it covers, so an interrupted pull
/// resumes exactly where its last committed page ended.
package struct IngestLog {
    package let database: Database

    package init(database: Database) {
        self.database = database
    }

    package struct Entry: Sendable, Equatable {
        package var source: String
        package var kind: String
        package var cursor: String?
        package var counts: WriteCounts
        package var rejected: Int
        package var startedAt: Int64
        package var finishedAt: Int64
        /// `ok`, `partial` (rows skipped with --skip-invalid) or `failed`.
        package var status: String
        package var message: String?

        package init(
            source: String, kind: String, cursor: String? = nil, counts: WriteCounts, rejected: Int = 0,
            startedAt: Int64, finishedAt: Int64, status: String = "ok", message: String? = nil
        ) {
            self.source = source
            self.kind = kind
            self.cursor = cursor
            self.counts = counts
            self.rejected = rejected
            self.startedAt = startedAt
            self.finishedAt = finishedAt
            self.status = status
            self.message = message
        }
    }

    package func append(_ entry: Entry) throws {
        try database.execute(
            """
            INSERT INTO ingest_log (source, kind, cursor, rows_inserted, rows_updated, rows_unchanged,
                rows_rejected, started_at, finished_at, status, message)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
                entry.source, entry.kind, entry.cursor, entry.counts.inserted, entry.counts.updated,
                entry.counts.unchanged, entry.rejected, entry.startedAt, entry.finishedAt, entry.status,
                entry.message,
            ])
    }

    package func entries() throws -> [Entry] {
        try database.query(
            """
            SELECT source, kind, cursor, rows_inserted, rows_updated, rows_unchanged, rows_rejected,
                started_at, coalesce(finished_at, started_at), status, message
            FROM ingest_log ORDER BY id
            """
        ) { row in
            Entry(
                source: row.string(0), kind: row.string(1), cursor: row.optionalString(2),
                counts: WriteCounts(inserted: row.int(3), updated: row.int(4), unchanged: row.int(5)),
                rejected: row.int(6), startedAt: row.int64(7), finishedAt: row.int64(8), status: row.string(9),
                message: row.optionalString(10))
        }
    }

    package func cursor(for source: String) throws -> String? {
        try database.scalar("SELECT cursor FROM ingest_cursors WHERE source = ?", [source])?.string
    }

    package func setCursor(_ cursor: String, for source: String, at time: Int64) throws {
        try database.execute(
            """
            INSERT INTO ingest_cursors (source, cursor, updated_at) VALUES (?1, ?2, ?3)
            ON CONFLICT (source) DO UPDATE SET cursor = ?2, updated_at = ?3
            """, [source, cursor, time])
    }
}
