extension RecordWriter {
    /// Parameters: 1 key, 2 source, 3 model, 4 created_at, 5 project, 6 is_batch, 7 service_tier,
    /// 8 request_count, 9 failed_count, 10-14 tokens, 15 latency, 16 ttft, 17 status, 18 tag set,
    /// 19 the key's hash (insert) or the stored row's id (update), 20-22 audio input, audio output and
    /// one-hour cache-write tokens, 23 reported cost. A nil parameter keeps the stored value
    /// (`coalesce`).
    private static let requestInsertPrefix = """
        INSERT OR FAIL INTO requests (request_key, key_hash, source_id, model_id, created_at, project, is_batch,
            service_tier, request_count, failed_count, input_tokens, cached_input_tokens, cache_write_tokens,
            output_tokens, reasoning_tokens, latency_ms, time_to_first_token_ms, status, tag_set_id,
            audio_input_tokens, audio_output_tokens, cache_write_1h_tokens, reported_cost)
        VALUES
        """
    /// One VALUES row, its parameters shifted by `offset` (23 a row) in a multi-row statement.
    private static func requestInsertRow(offset: Int) -> String {
        func p(_ number: Int) -> String { "?\(number + offset)" }
        return """
            (\(p(1)), \(p(19)), \(p(2)), \(p(3)), \(p(4)), \(p(5)), \(p(6)), \(p(7)), \(p(8)), \(p(9)),
                coalesce(\(p(10)), 0), coalesce(\(p(11)), 0), coalesce(\(p(12)), 0), coalesce(\(p(13)), 0),
                coalesce(\(p(14)), 0), \(p(15)), \(p(16)), coalesce(\(p(17)), 'ok'), \(p(18)),
                coalesce(\(p(20)), 0), coalesce(\(p(21)), 0), coalesce(\(p(22)), 0), \(p(23)))
            """
    }

    /// Rows per multi-row insert: past a few dozen the per-statement saving is spent.
    static let batchRowCount = 32
    private static let parametersPerRow = 23

    private static func requestInsert(rows: Int) -> String {
        let values = (0..<rows).map { requestInsertRow(offset: $0 * parametersPerRow) }
        return requestInsertPrefix + "\n" + values.joined(separator: ",\n") + "\nON CONFLICT (key_hash) DO NOTHING"
    }

    private static let requestUpdate = """
        UPDATE requests SET
            model_id = ?3, created_at = ?4, project = coalesce(?5, project), is_batch = ?6,
            service_tier = coalesce(?7, service_tier), request_count = ?8, failed_count = ?9,
            input_tokens = coalesce(?10, input_tokens), cached_input_tokens = coalesce(?11, cached_input_tokens),
            cache_write_tokens = coalesce(?12, cache_write_tokens), output_tokens = coalesce(?13, output_tokens),
            reasoning_tokens = coalesce(?14, reasoning_tokens), latency_ms = coalesce(?15, latency_ms),
            time_to_first_token_ms = coalesce(?16, time_to_first_token_ms), status = coalesce(?17, status),
            tag_set_id = coalesce(?18, tag_set_id), audio_input_tokens = coalesce(?20, audio_input_tokens),
            audio_output_tokens = coalesce(?21, audio_output_tokens),
            cache_write_1h_tokens = coalesce(?22, cache_write_1h_tokens), reported_cost = coalesce(?23, reported_cost)
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
            OR status IS NOT coalesce(?17, status) OR tag_set_id IS NOT coalesce(?18, tag_set_id)
            OR audio_input_tokens IS NOT coalesce(?20, audio_input_tokens)
            OR audio_output_tokens IS NOT coalesce(?21, audio_output_tokens)
            OR cache_write_1h_tokens IS NOT coalesce(?22, cache_write_1h_tokens)
            OR reported_cost IS NOT coalesce(?23, reported_cost))
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
    package func write(_ request: RequestRecord, mergingTags: Bool = true) throws -> WriteOutcome {
        let model = try modelID(request.model)
        let tagSet = try request.tags.map(tagSetID)
        let statements = try preparedRequestStatements()
        func bind(_ statement: Statement, tagSet: Int64?, parameter19: Int64?) throws {
            try bindRequest(request, model: model, tagSet: tagSet, parameter19: parameter19, to: statement, offset: 0)
        }
        /// Runs the insert (hash nil: stored without one); true when a row was inserted.
        func insert(hash: Int64?) throws -> Bool {
            try noteLastExistingRequest()
            do {
                defer { statements.insert.reset() }
                try bind(statements.insert, tagSet: tagSet, parameter19: hash)
                try statements.insert.step()
            }
            guard database.changes == 1 else { return false }
            try countInserted(request, model: model, tagSet: tagSet)
            return true
        }

        let storedID: Int64
        if let unhashed = try unhashedRequestID(forKey: request.key) {
            storedID = unhashed
        } else {
            let hash = RequestKeyHash.of(request.key)
            if try insert(hash: hash) { return .inserted }
            guard let stored = try requestWithHash(hash), stored.key == request.key else {
                // A different request has this hash: this one is stored without a hash.
                guard try insert(hash: nil) else { throw StoreError(code: 0, message: "a request was not stored") }
                unhashedRequestsExistKnown = true
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

    /// Writes requests in order with the outcome `write(_:)` would give each, inserting new ones
    /// `Self.batchRowCount` at a time with one statement: SQLite's per-statement work
    /// (opening cursors on the table and its indexes, starting and ending the statement) is then
    /// paid once per batch instead of once per row. Rows of a batch that were not inserted (their
    /// key is stored, or the statement was refused) are then written one by one, in order; each
    /// row's error is its own.
    package func write(_ requests: [RequestRecord]) -> [Result<WriteOutcome, Error>] {
        var results: [Result<WriteOutcome, Error>] = []
        results.reserveCapacity(requests.count)
        var start = requests.startIndex
        while start < requests.endIndex {
            let end = min(start + Self.batchRowCount, requests.endIndex)
            let chunk = requests[start..<end]
            var inserted: [Bool]?
            do {
                inserted = chunk.count == Self.batchRowCount ? try insertBatch(chunk) : nil
            } catch let error as StoreError where error.isConstraintViolation {
                inserted = nil  // written row by row below, where the refused row fails alone
            } catch {
                return results + Self.notAttempted(after: error, count: requests.endIndex - start)
            }
            for (index, request) in zip(chunk.indices, chunk) {
                if inserted?[index - start] == true {
                    results.append(.success(.inserted))
                    continue
                }
                do {
                    results.append(.success(try write(request)))
                } catch let error as StoreError where error.isConstraintViolation {
                    results.append(.failure(error))
                } catch {
                    return results + Self.notAttempted(after: error, count: requests.endIndex - index)
                }
            }
            start = end
        }
        return results
    }

    /// After an error that is not one refused row (the disk, memory: SQLite may have rolled the
    /// whole transaction back), nothing more is written; the remaining rows carry that error.
    private static func notAttempted(after error: Error, count: Int) -> [Result<WriteOutcome, Error>] {
        Array(repeating: .failure(error), count: count)
    }

    /// Inserts a full batch with one statement and tells, per row, whether it was inserted (a row
    /// whose key hash is stored, repeated earlier in the batch, or refused by a CHECK, and every
    /// row after a refused one, is not).
    ///
    /// `OR FAIL` keeps the rows before a refused one instead of undoing the statement: so SQLite
    /// needs no statement journal, which for a multi-row statement would copy every page it
    /// touches first (measured: that copy cost more than the batching saved).
    private func insertBatch(_ requests: ArraySlice<RequestRecord>) throws -> [Bool]? {
        if try unhashedRequestsExist() { return nil }
        let ids = try requests.map { (model: try modelID($0.model), tagSet: try $0.tags.map(tagSetID)) }
        let hashes = requests.map { RequestKeyHash.of($0.key) }
        try noteLastExistingRequest()
        let lastID = try lastRequestID()
        let statement = try batchInsertStatement()
        let refused: Bool
        do {
            defer { statement.reset() }
            for (offset, (request, id)) in zip(requests, ids).enumerated() {
                try bindRequest(
                    request, model: id.model, tagSet: id.tagSet, parameter19: hashes[offset],
                    to: statement, offset: Int32(offset * Self.parametersPerRow))
            }
            do {
                try statement.step()
                refused = false
            } catch let error as StoreError where error.isConstraintViolation {
                refused = true
            }
        }
        var inserted = Array(repeating: true, count: requests.count)
        if refused || database.changes != requests.count {
            let insertedHashes = Set(
                try database.cachedStatement("SELECT key_hash FROM requests WHERE id > ?").map([lastID]) {
                    $0.int64(0)
                })
            var seen: Set<Int64> = []
            for (offset, hash) in hashes.enumerated() {
                inserted[offset] = insertedHashes.contains(hash) && seen.insert(hash).inserted
            }
        }
        for ((request, id), wasInserted) in zip(zip(requests, ids), inserted) where wasInserted {
            try countInserted(request, model: id.model, tagSet: id.tagSet)
        }
        return inserted
    }

    /// The id of the stored request with this natural key, or nil.
    package func requestID(forKey key: String) throws -> Int64? {
        if let id = try unhashedRequestID(forKey: key) { return id }
        guard let stored = try requestWithHash(RequestKeyHash.of(key)), stored.key == key else { return nil }
        return stored.id
    }

    /// Binds one request's 23 parameters (see `requestInsertRow`), shifted by `offset` in a
    /// multi-row statement.
    private func bindRequest(
        _ request: RequestRecord, model: Int64, tagSet: Int64?, parameter19: Int64?, to statement: Statement,
        offset: Int32
    ) throws {
        try statement.bind(request.key, at: offset + 1)
        try statement.bind(sourceID, at: offset + 2)
        try statement.bind(model, at: offset + 3)
        try statement.bind(request.createdAt, at: offset + 4)
        if let project = request.project { try statement.bind(project, at: offset + 5) }
        try statement.bind(Int64(request.isBatch ? 1 : 0), at: offset + 6)
        if let tier = request.serviceTier { try statement.bind(tier, at: offset + 7) }
        try statement.bind(request.requestCount, at: offset + 8)
        try statement.bind(request.failedCount, at: offset + 9)
        if let tokens = request.tokens {
            try statement.bind(tokens.input, at: offset + 10)
            try statement.bind(tokens.cachedInput, at: offset + 11)
            try statement.bind(tokens.cacheWrite, at: offset + 12)
            try statement.bind(tokens.output, at: offset + 13)
            try statement.bind(tokens.reasoning, at: offset + 14)
            try statement.bind(tokens.audioInput, at: offset + 20)
            try statement.bind(tokens.audioOutput, at: offset + 21)
            try statement.bind(tokens.cacheWriteOneHour, at: offset + 22)
        }
        if let latency = request.latencyMs { try statement.bind(latency, at: offset + 15) }
        if let ttft = request.timeToFirstTokenMs { try statement.bind(ttft, at: offset + 16) }
        if let status = request.status { try statement.bind(status, at: offset + 17) }
        if let tagSet { try statement.bind(tagSet, at: offset + 18) }
        if let parameter19 { try statement.bind(parameter19, at: offset + 19) }
        if let reportedCost = request.reportedCost { try statement.bind(reportedCost, at: offset + 23) }
    }

    /// Adds an inserted request to the daily sums, marking its day the first time.
    private func countInserted(_ request: RequestRecord, model: Int64, tagSet: Int64?) throws {
        if try insertedSums.add(request, modelID: model, tagSetID: tagSet) {
            try markDirty(day: InsertedRequestSums.day(ofUnixSeconds: request.createdAt))
        }
    }

    /// Remembers the last request id before this writer's first insert (see `InsertedRequestSums`).
    private func noteLastExistingRequest() throws {
        guard insertedSums.lastExistingRequestID == nil else { return }
        insertedSums.lastExistingRequestID = try lastRequestID()
    }

    /// The largest request id (new rows get larger ones: ids are not AUTOINCREMENT but max + 1).
    private func lastRequestID() throws -> Int64 {
        try database.scalar("SELECT coalesce(max(id), 0) FROM requests")?.int64 ?? 0
    }

    private func batchInsertStatement() throws -> Statement {
        if let batchInsert { return batchInsert }
        let statement = try database.prepare(Self.requestInsert(rows: Self.batchRowCount))
        batchInsert = statement
        return statement
    }

    private func preparedRequestStatements() throws -> (insert: Statement, update: Statement) {
        if let requestStatements { return requestStatements }
        let statements = (
            insert: try database.prepare(Self.requestInsert(rows: 1)), update: try database.prepare(Self.requestUpdate)
        )
        requestStatements = statements
        return statements
    }

    private func requestWithHash(_ hash: Int64) throws -> (id: Int64, key: String)? {
        try database.query("SELECT id, request_key FROM requests WHERE key_hash = ?", [hash]) {
            ($0.int64(0), $0.string(1))
        }.first
    }

    /// Whether any stored request has no hash; asked once per writer.
    private func unhashedRequestsExist() throws -> Bool {
        if let known = unhashedRequestsExistKnown { return known }
        let exists = try database.scalar("SELECT EXISTS (SELECT 1 FROM requests WHERE key_hash IS NULL)")?.int64 == 1
        unhashedRequestsExistKnown = exists
        return exists
    }

    /// A request stored without a hash (another key had it); asked only while such rows exist.
    private func unhashedRequestID(forKey key: String) throws -> Int64? {
        guard try unhashedRequestsExist() else { return nil }
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
