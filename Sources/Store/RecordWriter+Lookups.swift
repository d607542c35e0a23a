import DistillCore

/// What readers ask of stored rows by their natural keys, so they never need the store's SQL.
extension RecordWriter {
    /// A stored request's identity and token counts, as a record that completes it must keep them.
    package struct StoredRequest: Sendable, Equatable {
        package var model: String
        package var createdAt: Int64
        package var isBatch: Bool
        package var tokens: TokenUsage
    }

    /// The request stored under this natural key, or nil.
    package func storedRequest(forKey key: String) throws -> StoredRequest? {
        guard let id = try requestID(forKey: key) else { return nil }
        return try database.cachedStatement(
            """
            SELECT m.name, r.created_at, r.is_batch, r.input_tokens, r.cached_input_tokens, r.cache_write_tokens,
                r.output_tokens, r.reasoning_tokens, r.audio_input_tokens, r.audio_output_tokens, r.cache_write_1h_tokens
            FROM requests r JOIN models m ON m.id = r.model_id WHERE r.id = ?
            """
        ).map([id]) { row in
            StoredRequest(
                model: row.string(0), createdAt: row.int64(1), isBatch: row.int64(2) == 1,
                tokens: TokenUsage(
                    input: row.int64(3), cachedInput: row.int64(4), cacheWrite: row.int64(5), output: row.int64(6),
                    reasoning: row.int64(7), audioInput: row.int64(8), audioOutput: row.int64(9),
                    cacheWriteOneHour: row.int64(10)))
        }.first
    }

    /// Whether an eval run with this id is stored.
    package func containsEvalRun(id: String) throws -> Bool {
        try database.scalar("SELECT 1 FROM eval_runs WHERE id = ?", [id]) != nil
    }
}
