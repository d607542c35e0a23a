/// Message content, written only when the user asked for it (`--store-content`).
extension RecordWriter {
    /// Stores (or replaces) the content of the request with natural key `key`; does nothing when
    /// no such request exists. Kept in its own table so cost queries never read it. Returns whether
    /// anything changed.
    @discardableResult
    package func writeContent(forRequestKey key: String, messages: String?, response: String?) throws -> Bool {
        guard let id = try requestID(forKey: key) else { return false }
        let statement = try database.cachedStatement(
            """
            INSERT INTO request_content (request_id, messages, response) VALUES (?1, ?2, ?3)
            ON CONFLICT (request_id) DO UPDATE SET messages = coalesce(?2, messages), response = coalesce(?3, response)
            WHERE messages IS NOT coalesce(?2, messages) OR response IS NOT coalesce(?3, response)
            """)
        try statement.execute([id, messages, response])
        return database.changes == 1
    }
}
