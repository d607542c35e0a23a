/// An error from SQLite or from the store's own checks.
///
/// Like GRDB's `DatabaseError`, it carries SQLite's result code, its message and the SQL that failed,
/// but never the values bound to it: those may be personal data or secrets.
package struct StoreError: Error, CustomStringConvertible, Sendable, Equatable {
    /// SQLite's extended result code, or 0 for errors raised by the store itself.
    package let code: Int32
    package let message: String
    package let sql: String?
    /// The database file, so the user knows which one (a report and an ingest may use different ones).
    package let databasePath: String?

    package init(code: Int32, message: String, sql: String? = nil, databasePath: String? = nil) {
        self.code = code
        self.message = message
        self.sql = sql
        self.databasePath = databasePath
    }

    package var description: String {
        let place = databasePath.map { " in \($0)" } ?? ""
        var text = code == 0 ? "Database error\(place): \(message)" : "SQLite error \(code)\(place): \(message)"
        if let sql { text += " (while running: \(sql.trimmingWhitespace()))" }
        return text
    }

    /// `SQLITE_BUSY` or `SQLITE_LOCKED` (primary codes 5 and 6): another connection holds the lock.
    package var isBusy: Bool { code & 0xFF == 5 || code & 0xFF == 6 }

    /// `SQLITE_CONSTRAINT` (primary code 19): the statement broke a CHECK, NOT NULL or UNIQUE rule
    /// and SQLite undid just that statement.
    package var isConstraintViolation: Bool { code & 0xFF == 19 }
}

extension String {
    func trimmingWhitespace() -> String {
        split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
    }
}
