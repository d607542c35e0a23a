import DistillSQLite

/// A prepared statement that owns its `sqlite3_stmt*` and finalizes it in `deinit` (as GRDB's
/// `Statement` does). Parameters are 1-based, columns 0-based, as in the C API.
package final class Statement {
    let handle: OpaquePointer
    package let sql: String
    unowned let database: Database

    init(database: Database, sql: String) throws {
        var handle: OpaquePointer?
        let code = sqlite3_prepare_v3(
            database.handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &handle, nil)
        guard code == SQLITE_OK, let handle else {
            throw database.error(code: code, sql: sql)
        }
        self.handle = handle
        self.sql = sql
        self.database = database
    }

    deinit { sqlite3_finalize(handle) }

    /// Clears bindings and rewinds, so a cached statement starts fresh.
    package func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    package func bind(_ value: Int64, at index: Int32) throws {
        try check(sqlite3_bind_int64(handle, index, value))
    }

    package func bind(_ value: Double, at index: Int32) throws {
        try check(sqlite3_bind_double(handle, index, value))
    }

    package func bindNull(at index: Int32) throws {
        try check(sqlite3_bind_null(handle, index))
    }

    package func bind(_ value: String, at index: Int32) throws {
        var value = value
        try value.withUTF8 { bytes in
            try bind(utf8: UnsafeRawBufferPointer(bytes), at: index)
        }
    }

    /// Binds UTF-8 bytes without building a `String`: the ingest hot path hands over slices of its
    /// read buffer.
    package func bind(utf8 bytes: UnsafeRawBufferPointer, at index: Int32) throws {
        guard let base = bytes.baseAddress, !bytes.isEmpty else {
            // An empty string is text, not NULL: bind a zero-length static C string.
            try check(distill_sqlite3_bind_text_transient(handle, index, "", 0))
            return
        }
        try check(
            distill_sqlite3_bind_text_transient(
                handle, index, base.assumingMemoryBound(to: CChar.self), Int32(bytes.count)))
    }

    package func bind(_ value: SQLValue, at index: Int32) throws {
        switch value {
        case .null: try bindNull(at: index)
        case .integer(let value): try bind(value, at: index)
        case .real(let value): try bind(value, at: index)
        case .text(let value): try bind(value, at: index)
        }
    }

    package func bind(_ values: [any SQLBindable]) throws {
        for (offset, value) in values.enumerated() {
            try bind(value.sqlValue, at: Int32(offset + 1))
        }
    }

    /// Steps once: `true` while a row is available, `false` when done.
    @discardableResult
    package func step() throws -> Bool {
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        case let code:
            let error = database.error(code: code, sql: sql)
            sqlite3_reset(handle)
            throw error
        }
    }

    /// Runs a statement that returns no rows, with the given parameters.
    package func execute(_ values: [any SQLBindable] = []) throws {
        reset()
        try bind(values)
        defer { sqlite3_reset(handle) }
        while try step() {}
    }

    /// Runs a query and hands each row to `body`.
    package func forEachRow(_ values: [any SQLBindable] = [], _ body: (Row) throws -> Void) throws {
        reset()
        try bind(values)
        defer { sqlite3_reset(handle) }
        let row = Row(statement: self)
        while try step() { try body(row) }
    }

    /// All rows of a query, each turned into a value by `transform`.
    package func map<T>(_ values: [any SQLBindable] = [], _ transform: (Row) throws -> T) throws -> [T] {
        var results: [T] = []
        try forEachRow(values) { results.append(try transform($0)) }
        return results
    }

    private func check(_ code: Int32) throws {
        guard code == SQLITE_OK else { throw database.error(code: code, sql: sql) }
    }
}
