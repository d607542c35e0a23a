extension RecordWriter {
    /// Parameters: 1 key, 2 source, 3 model, 4 created_at, 5 project, 6 is_batch, 7 service_tier,
    /// 8 request_count, 9 failed_count, 10-14 tokens, 15 latency, 16 ttft, 17 status, 18 tag set,
    /// 19 the key's hash (insert) or the stored row's id (update). A nil parameter keeps the stored
    /// value (`coalesce`).
    private static let requestInsert = """
        INSERT INTO requests (request_key, key_hash, source_id, model_id, created_at, project, is_batch,
            service_tier, request_count, failed_count, input_tokens, cached_input_tokens, cache_write_tokens,
            output_tokens, reasoning_tokens, latency_ms, time_to_first_token_ms, status, tag_set_id)
        VALUES (?1, ?19, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, coalesce(?10, 0), coalesce(?11, 0), coalesce(?12, 0),
            coalesce(?13, 0), coalesce(?14, 0), ?15, ?16, coalesce(?17, 'ok'), ?18)
        ON CONFLICT (key_hash) DO NOTHING
        """

    private static let requestUpdate = """
        UPDATE requests SET
            model_id = ?3, created_at = ?4, project = coalesce(?5, project), is_batch = ?6,
            service_tier = coalesce(?7, service_tier), request_count = ?8, failed_count = ?9,
            input_tokens = coalesce(?10, input_tokens), cached_input_tokens = coalesce(?11, cached_input_tokens),
            cache_write_tokens = coalesce(?12, cache_write_tokens), output_tokens = coalesce(?13, output_tokens),
            reasoning_tokens = coalesce(?14, reasoning_tokens), latency_ms = coalesce(?15, latency_ms),
            time_to_first_token_ms = coalesce(?16, time_to_first_token_ms), status = coalesce(?17, status),
            tag_set_id = coalesce(?18, tag_set_id)
        WHERE id = ?19 AND (model_id IS NOT ?3 OR created_at IS NOT ?4
            OR project IS NOT coalesce(?5, project) OR is_batch IS NOT ?6
            OR service_tier IS NOT coalesce(?7, service_tier) OR request_count IS NOT ?8
            OR failed_count IS NOT ?9 OR input_tokens IS NOT coalesce(?10, input_tokens)
            OR cached_input_tokens IS NOT coalesce(?11, cached_input_tokens)
            OR cache_write_tokens IS NOT coalesce(?12, cache_write_tokens)
            OR output_tokens IS NOT coalesce(?13, output_tokens)
            OR reasoning_tokens IS NOT coalesce(?14, reasoning_tokens)
            OR latency_ms IS NOT coalesce(?15, latency_ms)
            OR time_to_first_token_ms IS NOT coalesce(?16, time_to_first_token_ms)
            OR status IS NOT coalesce(?17, status) OR tag_set_id IS NOT coalesce(?18, tag_set_id))
        """

    /// Inserts a request, or updates the stored one with the same key.
    ///
    /// The hot path is one statement: an insert that does not conflict on the key's hash. On a
    /// conflict the stored row's key is compared: the same key is an update (by row id); another
    /// key with the same hash is stored without a hash. With `mergingTags`, a request that is
    /// already stored keeps its tags and gains the new ones (a new value wins on the same key),
    /// so sources that tag the same request differently (a completion's metadata, a log's columns)
    /// converge whichever order they are loaded in. Binds each field directly (no array of boxed
    /// values).
    @discardableResult
    public func write(_ request: RequestRecord, mergingTags: Bool = true) throws -> WriteOutcome {
        let model = try modelID(request.model)
        let tagSet = try request.tags.map(tagSetID)
        let statements = try preparedRequestStatements()
        func bind(_ statement: Statement, tagSet: Int64?, parameter19: Int64?) throws {
            try statement.bind(request.key, at: 1)
            try statement.bind(sourceID, at: 2)
            try statement.bind(model, at: 3)
            try statement.bind(request.createdAt, at: 4)
            try statement.bind(request.project.sqlValue, at: 5)
            try statement.bind(Int64(request.isBatch ? 1 : 0), at: 6)
            try statement.bind(request.serviceTier.sqlValue, at: 7)
            try statement.bind(request.requestCount, at: 8)
            try statement.bind(request.failedCount, at: 9)
            if let tokens = request.tokens {
                try statement.bind(tokens.input, at: 10)
                try statement.bind(tokens.cachedInput, at: 11)
                try statement.bind(tokens.cacheWrite, at: 12)
                try statement.bind(tokens.output, at: 13)
                try statement.bind(tokens.reasoning, at: 14)
            }
            try statement.bind(request.latencyMs.sqlValue, at: 15)
            try statement.bind(request.timeToFirstTokenMs.sqlValue, at: 16)
            try statement.bind(request.status.sqlValue, at: 17)
            if let tagSet { try statement.bind(tagSet, at: 18) }
            if let parameter19 { try statement.bind(parameter19, at: 19) }
        }
        /// Runs the insert (hash nil: stored without one); true when a row was inserted.
        func insert(hash: Int64?) throws -> Bool {
            if insertedSums.lastExistingRequestID == nil {
                insertedSums.lastExistingRequestID = try database.scalar("SELECT coalesce(max(id), 0) FROM requests")?
                    .int64
            }
            do {
                defer { statements.insert.reset() }
                try bind(statements.insert, tagSet: tagSet, parameter19: hash)
                try statements.insert.step()
            }
            guard database.changes == 1 else { return false }
            if try insertedSums.add(request, modelID: model, tagSetID: tagSet) {
                try markDirty(day: InsertedRequestSums.day(ofUnixSeconds: request.createdAt))
            }
            return true
        }

        let storedID: Int64
        if let unhashed = try unhashedRequestID(forKey: request.key) {
            storedID = unhashed
        } else {
            let hash = RequestKeyHash.of(request.key)
            if try insert(hash: hash) { return .inserted }
            guard let stored = try storedRequest(withHash: hash), stored.key == request.key else {
                // A different request has this hash: this one is stored without a hash.
                guard try insert(hash: nil) else { throw StoreError(code: 0, message: "a request was not stored") }
                unhashedRequestsExist = true
                return .inserted
            }
            storedID = stored.id
        }
        defer { statements.update.reset() }
        if mergingTags, let tags = request.tags {
            let merged = try storedTags(ofRequest: storedID).merging(tags) { _, new in new }
            try bind(statements.update, tagSet: try tagSetID(merged), parameter19: storedID)
        } else {
            try bind(statements.update, tagSet: tagSet, parameter19: storedID)
        }
        try statements.update.step()
        return database.changes == 1 ? .updated : .unchanged
    }

    /// The id of the stored request with this natural key, or nil.
    public func requestID(forKey key: String) throws -> Int64? {
        if let id = try unhashedRequestID(forKey: key) { return id }
        guard let stored = try storedRequest(withHash: RequestKeyHash.of(key)), stored.key == key else { return nil }
        return stored.id
    }

    private func preparedRequestStatements() throws -> (insert: Statement, update: Statement) {
        if let requestStatements { return requestStatements }
        let statements = (
            insert: try database.prepare(Self.requestInsert), update: try database.prepare(Self.requestUpdate)
        )
        requestStatements = statements
        return statements
    }

    private func storedRequest(withHash hash: Int64) throws -> (id: Int64, key: String)? {
        try database.query("SELECT id, request_key FROM requests WHERE key_hash = ?", [hash]) {
            ($0.int64(0), $0.string(1))
        }.first
    }

    /// A request stored without a hash (another key had it); asked only while such rows exist.
    private func unhashedRequestID(forKey key: String) throws -> Int64? {
        if unhashedRequestsExist == nil {
            unhashedRequestsExist =
                try database.scalar("SELECT EXISTS (SELECT 1 FROM requests WHERE key_hash IS NULL)")?.int64 == 1
        }
        guard unhashedRequestsExist == true else { return nil }
        return try database.scalar("SELECT id FROM requests WHERE key_hash IS NULL AND request_key = ?", [key])?.int64
    }

    /// The tags stored for a request (empty when it has none).
    private func storedTags(ofRequest id: Int64) throws -> [String: String] {
        var tags: [String: String] = [:]
        try database.cachedStatement(
            "SELECT t.key, t.value FROM requests r JOIN tags t ON t.tag_set_id = r.tag_set_id WHERE r.id = ?"
        ).forEachRow([id]) { row in tags[row.string(0)] = row.string(1) }
        return tags
    }
}
