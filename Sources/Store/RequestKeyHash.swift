import DistillSQLite

/// The 64-bit hash that indexes a request's natural key.
///
/// A unique index on 8-byte integers is about half the size of one on 26-40-byte API ids, so it
/// stays in SQLite's page cache for twice as many requests, and comparing integers is cheaper
/// than comparing text; the key itself is still stored and compared on every match. Two keys
/// with the same hash are handled (the second is stored without one; see `RecordWriter`), so the
/// hash only has to be well spread, not collision-free. It is persisted: never change it without
/// a migration that rehashes every row.
package enum RequestKeyHash {
    /// FNV-1a over the key's UTF-8 bytes, then MurmurHash3's 64-bit finalizer for avalanche
    /// (FNV-1a alone spreads the last bytes of similar ids poorly).
    package static func of(_ bytes: UnsafeRawBufferPointer) -> Int64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        hash ^= hash >> 33
        hash &*= 0xFF51_AFD7_ED55_8CCD
        hash ^= hash >> 33
        hash &*= 0xC4CE_B9FE_1A85_EC53
        hash ^= hash >> 33
        return Int64(bitPattern: hash)
    }

    package static func of(_ key: String) -> Int64 {
        var key = key
        return key.withUTF8 { of(UnsafeRawBufferPointer($0)) }
    }

    /// The same hash as the SQL function `distill_request_key_hash(text)`, which migrations use.
    static let sqlFunction: @convention(c) (OpaquePointer?, Int32, UnsafeMutablePointer<OpaquePointer?>?) -> Void = {
        context, _, arguments in
        guard let value = arguments?[0], let text = sqlite3_value_text(value) else {
            sqlite3_result_null(context)
            return
        }
        let count = Int(sqlite3_value_bytes(value))
        sqlite3_result_int64(context, RequestKeyHash.of(UnsafeRawBufferPointer(start: text, count: count)))
    }
}
