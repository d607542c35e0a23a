extension Database {
    /// SQLite's page cache during a bulk write, in KiB. The default 2 MiB makes a large insert spill
    /// pages to the WAL and read them back; 48 MiB keeps the indexes of a few million requests in
    /// memory while the whole process stays under 100 MB (64 MiB was about 15% faster at 1M
    /// requests and peaked at 114 MB).
    static let bulkWriteCacheKibibytes = 49_152

    /// Runs `body` with the connection tuned for writing many rows, and restores the previous
    /// settings when it returns or throws.
    ///
    /// - a 48 MiB page cache (`bulkWriteCacheKibibytes`);
    /// - temporary structures (a statement's undo journal, sorters) in memory: they are small for
    ///   the writer's statements, and a temporary file costs a system call per page;
    /// - foreign keys not enforced: `RecordWriter` always stores the parent rows (models, sources,
    ///   tag sets, eval runs) before the rows that point at them, and checking would cost a lookup
    ///   per reference per row.
    ///
    /// Call it outside any transaction: inside one SQLite ignores `PRAGMA foreign_keys`.
    package func withBulkWriteSettings<T>(_ body: () throws -> T) throws -> T {
        let cacheSize = try scalar("PRAGMA cache_size")?.int64 ?? -2000
        let foreignKeys = try scalar("PRAGMA foreign_keys")?.int64 ?? 1
        let tempStore = try scalar("PRAGMA temp_store")?.int64 ?? 0
        try execute(
            "PRAGMA cache_size = -\(Self.bulkWriteCacheKibibytes); PRAGMA foreign_keys = OFF; PRAGMA temp_store = MEMORY")
        defer {
            try? execute(
                "PRAGMA cache_size = \(cacheSize); PRAGMA foreign_keys = \(foreignKeys); PRAGMA temp_store = \(tempStore)")
        }
        return try body()
    }
}
