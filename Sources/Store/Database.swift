import DistillSQLite

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One connection to a distill-roi SQLite file: the only owner of a `sqlite3*` handle.
///
/// Opening applies the settings every command relies on (WAL so a report can read while an ingest
/// writes, foreign keys, a busy timeout) and runs pending migrations. Not thread-safe: use one
/// connection per thread, as SQLite's own documentation advises for the default threading mode.
package final class Database {
    let handle: OpaquePointer
    package let path: String
    private var cachedStatements: [String: Statement] = [:]

    /// How long a statement waits for another connection's lock before failing with SQLITE_BUSY.
    static let defaultBusyTimeoutMilliseconds: Int32 = 10_000

    /// Opens (creating with mode 0600 if needed) and migrates the database at `path`.
    package convenience init(path: String) throws {
        try self.init(path: path, migrate: true)
    }

    /// Process-wide settings, applied once before the first connection initializes SQLite.
    private static let configureSQLite: Void = {
        _ = distill_sqlite3_disable_memory_statistics()
    }()

    package init(path: String, migrate: Bool, readOnly: Bool = false) throws {
        Self.configureSQLite
        if !readOnly { try Self.createPrivateFileIfMissing(path) }
        var handle: OpaquePointer?
        let flags = (readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) | SQLITE_OPEN_NOMUTEX
        let code = sqlite3_open_v2(path, &handle, flags, nil)
        guard code == SQLITE_OK, let handle else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            if let handle { sqlite3_close_v2(handle) }
            throw StoreError(code: code, message: "\(message): \(path)")
        }
        self.handle = handle
        self.path = path
        sqlite3_extended_result_codes(handle, 1)
        sqlite3_create_function_v2(
            handle, "distill_request_key_hash", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nil,
            RequestKeyHash.sqlFunction, nil, nil, nil)
        sqlite3_create_function_v2(
            handle, DecimalSumFunction.name, 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nil, nil,
            DecimalSumFunction.step, DecimalSumFunction.final, nil)
        sqlite3_busy_timeout(handle, Self.defaultBusyTimeoutMilliseconds)
        try execute("PRAGMA foreign_keys = ON")
        if !readOnly {
            try execute("PRAGMA journal_mode = WAL")
            // NORMAL is crash-safe in WAL mode: a killed process never corrupts the file or
            // leaves half a transaction; only the last commits before a power loss may be lost.
            try execute("PRAGMA synchronous = NORMAL")
        }
        if migrate { try Migrator.standard.migrate(self) }
    }

    deinit {
        cachedStatements.removeAll()
        sqlite3_close_v2(handle)
    }

    /// SQLite creates new files with the process umask (usually 0644): cost data and stored
    /// content are private, so the file is created 0600 first. SQLite gives its -wal and -shm files
    /// the same mode as the database.
    private static func createPrivateFileIfMissing(_ path: String) throws {
        let descriptor = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        if descriptor >= 0 {
            close(descriptor)
        } else if errno != EEXIST {
            throw StoreError(code: 0, message: "cannot create \(path): \(String(cString: strerror(errno)))")
        }
    }

    /// Runs one or more SQL statements that return no rows.
    package func execute(_ sql: String) throws {
        var message: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &message)
        guard code == SQLITE_OK else {
            let text = message.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(code))
            sqlite3_free(message)
            throw StoreError(code: sqlite3_extended_errcode(handle), message: text, sql: sql)
        }
    }

    /// Runs one statement with parameters, through the statement cache.
    package func execute(_ sql: String, _ values: [any SQLBindable]) throws {
        try cachedStatement(sql).execute(values)
    }

    /// A prepared statement kept for the connection's lifetime, so hot paths parse SQL once.
    package func cachedStatement(_ sql: String) throws -> Statement {
        if let statement = cachedStatements[sql] { return statement }
        let statement = try Statement(database: self, sql: sql)
        cachedStatements[sql] = statement
        return statement
    }

    /// A statement prepared for one use and finalized when released.
    func prepare(_ sql: String) throws -> Statement {
        try Statement(database: self, sql: sql)
    }

    /// The rows of a query, each turned into a value.
    package func query<T>(_ sql: String, _ values: [any SQLBindable] = [], _ transform: (Row) throws -> T) throws -> [T] {
        try cachedStatement(sql).map(values, transform)
    }

    /// The first column of the first row, or nil when there is no row.
    package func scalar(_ sql: String, _ values: [any SQLBindable] = []) throws -> SQLValue? {
        try query(sql, values) { $0.value(0) }.first
    }

    /// Rows changed by the last INSERT, UPDATE or DELETE.
    var changes: Int { Int(sqlite3_changes64(handle)) }

    var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    func error(code: Int32, sql: String?) -> StoreError {
        StoreError(
            code: sqlite3_extended_errcode(handle),
            message: String(cString: sqlite3_errmsg(handle)), sql: sql)
    }
}
