import DistillSQLite

extension Database {
    /// Whether a transaction is open, as SQLite itself tells (`sqlite3_get_autocommit`), never a
    /// count kept beside it: SQLite may end a transaction on its own (a failed COMMIT, or an I/O,
    /// full-disk or out-of-memory error that rolls back), and a counter would then disagree with
    /// the connection for good. GRDB takes the state from the same call.
    package var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }

    /// Runs `body` in a transaction that commits when it returns and rolls back when it throws.
    ///
    /// The outermost level is `BEGIN IMMEDIATE`, taking the write lock up front so two writers
    /// queue on the busy timeout instead of deadlocking on a lock upgrade; nested calls become
    /// savepoints, so an inner failure undoes only its own work. When the COMMIT or RELEASE
    /// itself fails (a full disk, a deferred constraint), the work is rolled back and the error
    /// thrown: the connection is left with no transaction open, ready for the next one.
    @discardableResult
    package func transaction<T>(_ body: () throws -> T) throws -> T {
        if isInTransaction { return try savepoint(body) }
        do {
            try execute("BEGIN IMMEDIATE")
        } catch let error as StoreError where error.isBusy {
            throw StoreError(
                code: error.code,
                message: "another process is writing to \(path) and did not finish within "
                    + "\(Self.defaultBusyTimeoutMilliseconds / 1000) s; nothing was written. Try again when it is done")
        }
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            rollBackIfOpen()
            throw error
        }
    }

    /// A nested level of `transaction`. Every savepoint has the same name: SQLite's ROLLBACK TO
    /// and RELEASE act on the most recent savepoint of that name, so no depth is needed to name it.
    private func savepoint<T>(_ body: () throws -> T) throws -> T {
        try execute("SAVEPOINT distill")
        do {
            let result = try body()
            try execute("RELEASE distill")
            return result
        } catch {
            // SQLite may have rolled the whole transaction back already (then the savepoint is
            // gone and there is nothing left to undo here).
            if isInTransaction { try? execute("ROLLBACK TO distill; RELEASE distill") }
            throw error
        }
    }

    /// Runs `body` on one consistent snapshot of the database: in WAL mode a read transaction sees
    /// the data as of its first read, whatever writers commit meanwhile, and never blocks them.
    package func snapshot<T>(_ body: () throws -> T) throws -> T {
        if isInTransaction { return try body() }
        try execute("BEGIN DEFERRED")
        defer {
            try? execute("COMMIT")
            rollBackIfOpen()
        }
        return try body()
    }

    /// Ends whatever transaction is still open after a failure. SQLite rolls some failures back
    /// by itself (`SQLITE_FULL`, `SQLITE_IOERR`, `SQLITE_NOMEM`, ...; see "Response To Errors
    /// Within A Transaction" in its documentation), others (a failed COMMIT) leave the
    /// transaction open.
    private func rollBackIfOpen() {
        if isInTransaction { try? execute("ROLLBACK") }
    }
}
