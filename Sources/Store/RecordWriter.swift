/// Writes normalised records with UPSERT on their natural keys, so re-ingesting never double counts.
///
/// Keeps the ids of models, sources and tag sets it has seen in memory: a file of a million
/// requests for three models looks each name up once. Use it inside `Database.transaction`; if the
/// transaction rolls back, discard the writer (its caches may name rows that no longer exist).
package final class RecordWriter {
    let database: Database
    package let sourceID: Int64
    private var modelIDs: [String: Int64] = [:]
    private var tagSetIDs: [String: Int64] = [:]
    /// The same ids keyed by the tags themselves: hashing a small dictionary is several times
    /// cheaper than building its canonical JSON, which a million requests would otherwise do each.
    private var tagSetIDsByTags: [[String: String]: Int64] = [:]
    private var preparedInserts: [Int: Statement] = [:]
    private var recentModels: [(name: String, id: Int64)] = []
    private var recentTagSets: [(tags: [String: String], id: Int64)] = []
    /// New requests' sums, added to the daily roll-up by `refreshDailyRollups`.
    var insertedSums = InsertedRequestSums()
    /// The request insert and update, prepared on first use.
    var requestStatements: (insert: Statement, update: Statement)?
    /// The multi-row request insert, prepared on first use.
    var batchInsert: Statement?
    /// Whether any stored request has no key hash (its hash was taken); asked once per writer.
    var unhashedRequestsExistKnown: Bool?

    package init(database: Database, source: String) throws {
        self.database = database
        self.sourceID = try Self.dictionaryID(in: "sources", name: source, database: database)
    }

    // MARK: Aggregates and distillation records

    private static let usageBucketUpsert = Upsert(
        id: 1,
        insert: """
            INSERT INTO usage_buckets (source_id, start_time, end_time, model_id, project, is_batch, service_tier,
                request_count, input_tokens, cached_input_tokens, output_tokens)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
            ON CONFLICT (start_time, end_time, model_id, project, is_batch, service_tier) DO NOTHING
            """,
        update: """
            UPDATE usage_buckets SET source_id = ?1, request_count = ?8, input_tokens = ?9,
                cached_input_tokens = ?10, output_tokens = ?11
            WHERE start_time = ?2 AND end_time = ?3 AND model_id = ?4 AND project = ?5 AND is_batch = ?6
                AND service_tier = ?7 AND (request_count IS NOT ?8 OR input_tokens IS NOT ?9
                OR cached_input_tokens IS NOT ?10 OR output_tokens IS NOT ?11)
            """)

    @discardableResult
    package func write(_ bucket: UsageBucketRecord) throws -> WriteOutcome {
        let model = try modelID(bucket.model)
        return try upsert(Self.usageBucketUpsert) {
            try $0.bind([
                sourceID, bucket.startTime, bucket.endTime, model, bucket.project, bucket.isBatch,
                bucket.serviceTier, bucket.requestCount, bucket.inputTokens, bucket.cachedInputTokens,
                bucket.outputTokens,
            ])
        }
    }

    private static let billedCostUpsert = Upsert(
        id: 2,
        insert: """
            INSERT INTO billed_costs (source_id, start_time, end_time, line_item, project, amount, currency)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
            ON CONFLICT (start_time, end_time, line_item, project) DO NOTHING
            """,
        update: """
            UPDATE billed_costs SET source_id = ?1, amount = ?6, currency = ?7
            WHERE start_time = ?2 AND end_time = ?3 AND line_item = ?4 AND project = ?5
                AND (amount IS NOT ?6 OR currency IS NOT ?7)
            """)

    @discardableResult
    package func write(_ cost: BilledCostRecord) throws -> WriteOutcome {
        try upsert(Self.billedCostUpsert) {
            try $0.bind([
                sourceID, cost.startTime, cost.endTime, cost.lineItem, cost.project, cost.amount, cost.currency,
            ])
        }
    }

    private static let fineTuningJobUpsert = Upsert(
        id: 3,
        insert: """
            INSERT INTO fine_tuning_jobs (id, source_id, base_model, fine_tuned_model, status, method,
                trained_tokens, epochs, training_file, created_at, finished_at, metadata, charge)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
            ON CONFLICT (id) DO NOTHING
            """,
        update: """
            UPDATE fine_tuning_jobs SET source_id = ?2, base_model = ?3, fine_tuned_model = ?4, status = ?5,
                method = ?6, trained_tokens = ?7, epochs = ?8, training_file = ?9, created_at = ?10,
                finished_at = ?11, metadata = ?12, charge = ?13
            WHERE id = ?1 AND (base_model IS NOT ?3 OR fine_tuned_model IS NOT ?4 OR status IS NOT ?5
                OR method IS NOT ?6 OR trained_tokens IS NOT ?7 OR epochs IS NOT ?8 OR training_file IS NOT ?9
                OR created_at IS NOT ?10 OR finished_at IS NOT ?11 OR metadata IS NOT ?12 OR charge IS NOT ?13)
            """)

    @discardableResult
    package func write(_ job: FineTuningJobRecord) throws -> WriteOutcome {
        try upsert(Self.fineTuningJobUpsert) {
            try $0.bind([
                job.id, sourceID, job.baseModel, job.fineTunedModel, job.status, job.method, job.trainedTokens,
                job.epochs, job.trainingFile, job.createdAt, job.finishedAt, job.metadata, job.charge,
            ])
        }
    }

    private static let evalRunUpsert = Upsert(
        id: 4,
        insert: """
            INSERT INTO eval_runs (id, source_id, eval_name, model, status, created_at)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6)
            ON CONFLICT (id) DO NOTHING
            """,
        update: """
            UPDATE eval_runs SET source_id = ?2, eval_name = ?3, model = ?4, status = ?5, created_at = ?6
            WHERE id = ?1 AND (eval_name IS NOT ?3 OR model IS NOT ?4 OR status IS NOT ?5 OR created_at IS NOT ?6)
            """)

    @discardableResult
    package func write(_ run: EvalRunRecord) throws -> WriteOutcome {
        try upsert(Self.evalRunUpsert) {
            try $0.bind([run.id, sourceID, run.evalName, run.model, run.status, run.createdAt])
        }
    }

    private static let evalRunUsageUpsert = Upsert(
        id: 5,
        insert: """
            INSERT INTO eval_run_usage (run_id, model, invocation_count, input_tokens, cached_input_tokens,
                output_tokens)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6)
            ON CONFLICT (run_id, model) DO NOTHING
            """,
        update: """
            UPDATE eval_run_usage SET invocation_count = ?3, input_tokens = ?4, cached_input_tokens = ?5,
                output_tokens = ?6
            WHERE run_id = ?1 AND model = ?2 AND (invocation_count IS NOT ?3 OR input_tokens IS NOT ?4
                OR cached_input_tokens IS NOT ?5 OR output_tokens IS NOT ?6)
            """)

    @discardableResult
    package func write(_ usage: EvalRunUsageRecord) throws -> WriteOutcome {
        try upsert(Self.evalRunUsageUpsert) {
            try $0.bind([
                usage.runID, usage.model, usage.invocationCount, usage.inputTokens, usage.cachedInputTokens,
                usage.outputTokens,
            ])
        }
    }

    private static let evalScoreUpsert = Upsert(
        id: 6,
        insert: """
            INSERT INTO eval_scores (run_id, item_id, grader, model, score, passed)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6)
            ON CONFLICT (run_id, item_id, grader) DO NOTHING
            """,
        update: """
            UPDATE eval_scores SET model = ?4, score = ?5, passed = ?6
            WHERE run_id = ?1 AND item_id = ?2 AND grader = ?3
                AND (model IS NOT ?4 OR score IS NOT ?5 OR passed IS NOT ?6)
            """)

    @discardableResult
    package func write(_ score: EvalScoreRecord) throws -> WriteOutcome {
        try upsert(Self.evalScoreUpsert) {
            try $0.bind([score.runID, score.itemID, score.grader, score.model, score.score, score.passed])
        }
    }

    /// Numbered apart from the others (80) so upserts added on other branches cannot take its id.
    private static let oneTimeCostUpsert = Upsert(
        id: 80,
        insert: """
            INSERT INTO one_time_costs (source_id, day, kind, amount, currency, note, tags)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
            ON CONFLICT (day, kind, note, tags) DO NOTHING
            """,
        update: """
            UPDATE one_time_costs SET source_id = ?1, amount = ?4, currency = ?5
            WHERE day = ?2 AND kind = ?3 AND note = ?6 AND tags = ?7 AND (amount IS NOT ?4 OR currency IS NOT ?5)
            """)

    @discardableResult
    package func write(_ cost: OneTimeCostRecord) throws -> WriteOutcome {
        try upsert(Self.oneTimeCostUpsert) {
            try $0.bind([sourceID, cost.day, cost.kind, cost.amount, cost.currency, cost.note, cost.tags])
        }
    }

    // MARK: UPSERT

    /// An insert that does nothing on a natural-key conflict, and an update that changes the row
    /// only where a value differs; both take the same numbered parameters.
    private struct Upsert {
        /// Indexes this writer's prepared statements: looking them up by SQL text would hash the
        /// whole text for every row.
        let id: Int
        let insert: String
        let update: String
    }

    /// Runs the insert; when the key already exists, runs the update. `changes` after each tells
    /// the outcome without reading the row first. (`INSERT OR IGNORE` would also swallow CHECK
    /// violations; `ON CONFLICT (key) DO NOTHING` only the key conflict.)
    private func upsert(_ upsert: Upsert, bind: (Statement) throws -> Void) throws -> WriteOutcome {
        try self.upsert(upsert, bindInsert: bind, bindUpdate: bind)
    }

    /// The same, binding the update separately (it may need what is stored).
    private func upsert(
        _ upsert: Upsert, bindInsert: (Statement) throws -> Void, bindUpdate: (Statement) throws -> Void
    ) throws -> WriteOutcome {
        let insert: Statement
        if let prepared = preparedInserts[upsert.id] {
            insert = prepared
        } else {
            insert = try database.cachedStatement(upsert.insert)
            preparedInserts[upsert.id] = insert
        }
        // Both statements are used only here and always reset (and unbound) after use, whatever
        // happens: a parameter a record leaves unbound must be NULL, not the previous record's.
        do {
            defer { insert.reset() }
            try bindInsert(insert)
            try insert.step()
        }
        if database.changes == 1 { return .inserted }
        let update = try database.cachedStatement(upsert.update)
        defer { update.reset() }
        try bindUpdate(update)
        try update.step()
        return database.changes == 1 ? .updated : .unchanged
    }

    // MARK: Dictionary tables

    func modelID(_ name: String) throws -> Int64 {
        // Readers intern names, so comparing with the last few is usually a pointer comparison.
        for entry in recentModels where entry.name == name { return entry.id }
        if let id = modelIDs[name] {
            remember(&recentModels, (name, id))
            return id
        }
        let id = try Self.dictionaryID(in: "models", name: name, database: database)
        modelIDs[name] = id
        return id
    }

    /// The id of a tag set, creating it and its tag rows the first time the set is seen.
    func tagSetID(_ tags: [String: String]) throws -> Int64 {
        for entry in recentTagSets where entry.tags == tags { return entry.id }
        if let id = tagSetIDsByTags[tags] {
            remember(&recentTagSets, (tags, id))
            return id
        }
        let canonical = TagSet.canonicalJSON(tags)
        if let id = tagSetIDs[canonical] { return id }
        let id: Int64
        if let existing = try database.scalar("SELECT id FROM tag_sets WHERE canonical = ?", [canonical])?.int64 {
            id = existing
        } else {
            try database.execute("INSERT INTO tag_sets (canonical) VALUES (?)", [canonical])
            id = database.lastInsertRowID
            for (key, value) in tags {
                try database.execute("INSERT INTO tags (tag_set_id, key, value) VALUES (?, ?, ?)", [id, key, value])
            }
        }
        tagSetIDs[canonical] = id
        if tagSetIDsByTags.count < 10_000 { tagSetIDsByTags[tags] = id }
        return id
    }

    /// Keeps the last few lookups, newest last.
    private func remember<T>(_ recent: inout [T], _ entry: T) {
        if recent.count == 8 { recent.removeFirst() }
        recent.append(entry)
    }

    static func dictionaryID(in table: String, name: String, database: Database) throws -> Int64 {
        if let id = try database.scalar("SELECT id FROM \(table) WHERE name = ?", [name])?.int64 {
            return id
        }
        try database.execute("INSERT INTO \(table) (name) VALUES (?)", [name])
        return database.lastInsertRowID
    }
}
