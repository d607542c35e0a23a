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

    /// `readOnly` opens without writing anything, not even SQLite's `-shm` index: as an immutable
    /// file when it has no write-ahead log pending (SQLite's `immutable=1`), so a read-only file or
    /// folder can be read and no `-shm` made with the file's read-only mode is left to block the
    /// next writer.
    package init(path: String, migrate: Bool, readOnly: Bool = false) throws {
        Self.configureSQLite
        if !readOnly {
            try Self.requireWritableFolder(of: path)
            try Self.createPrivateFileIfMissing(path)
            Self.restoreWritableSideFiles(of: path)
        }
        var handle: OpaquePointer?
        let flags = (readOnly ? SQLITE_OPEN_READONLY | SQLITE_OPEN_URI : SQLITE_OPEN_READWRITE) | SQLITE_OPEN_NOMUTEX
        let name = readOnly && !Self.hasPendingLog(path) ? Self.immutableURI(path) : path
        let code = sqlite3_open_v2(name, &handle, flags, nil)
        guard code == SQLITE_OK, let handle else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            if let handle { sqlite3_close_v2(handle) }
            throw StoreError(code: code, message: message, databasePath: path)
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

    /// Write-ahead logging creates `-wal` and `-shm` files beside the database, so a writer needs
    /// the folder writable, not only the file; said up front, naming the folder, instead of
    /// SQLite's "unable to open database file".
    private static func requireWritableFolder(of path: String) throws {
        let directory = path.lastIndex(of: "/").map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
        guard access(directory, W_OK) != 0, errno == EACCES || errno == EROFS else { return }
        throw StoreError(
            code: 0,
            message: "the folder \(directory) is not writable (\(String(cString: strerror(errno)))), and SQLite's write-ahead log "
                + "needs to create \(path)-wal and \(path)-shm beside the database; make the folder writable, "
                + "or copy the database into a writable folder",
            databasePath: path)
    }

    /// A `-shm` or `-wal` that a reader created while the database was write-protected has the
    /// file's read-only mode (SQLite copies it) and makes every later write fail with "attempt to
    /// write a readonly database". Earlier versions could leave one; a writer that owns such a
    /// file gives it the database's mode again.
    private static func restoreWritableSideFiles(of path: String) {
        var database = stat()
        guard stat(path, &database) == 0 else { return }
        for suffix in ["-shm", "-wal"] {
            var side = stat()
            guard stat(path + suffix, &side) == 0, side.st_uid == geteuid(), side.st_mode & 0o777 != database.st_mode & 0o777 else { continue }
            chmod(path + suffix, database.st_mode & 0o777)
        }
    }

    /// A `-wal` file with content: commits not yet copied into the database file, which an
    /// immutable open would not see.
    private static func hasPendingLog(_ path: String) -> Bool {
        var status = stat()
        return stat(path + "-wal", &status) == 0 && status.st_size > 0
    }

    /// `file:PATH?immutable=1`, percent-encoding what a URI reserves (SQLite's URI filenames).
    private static func immutableURI(_ path: String) -> String {
        var encoded = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "?"), UInt8(ascii: "#"), UInt8(ascii: "%"), 0..<0x21, 0x7F...:
                encoded += (byte < 0x10 ? "%0" : "%") + String(byte, radix: 16, uppercase: true)
            default: encoded.unicodeScalars.append(Unicode.Scalar(byte))
            }
        }
        return "file:\(encoded)?immutable=1"
    }

    /// SQLite creates new files with the process umask (usually 0644): cost data and stored
    /// content are private, so the file is created 0600 first. SQLite gives its -wal and -shm files
    /// the same mode as the database.
    private static func createPrivateFileIfMissing(_ path: String) throws {
        let descriptor = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        if descriptor >= 0 {
            close(descriptor)
        } else if errno != EEXIST {
            throw StoreError(code: 0, message: "cannot create the file: \(String(cString: strerror(errno)))", databasePath: path)
        }
    }

    /// Runs one or more SQL statements that return no rows.
    package func execute(_ sql: String) throws {
        var message: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &message)
        guard code == SQLITE_OK else {
            let text = message.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(code))
            sqlite3_free(message)
            throw StoreError(code: sqlite3_extended_errcode(handle), message: text, sql: sql, databasePath: path)
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
            message: String(cString: sqlite3_errmsg(handle)), sql: sql, databasePath: path)
    }
}
