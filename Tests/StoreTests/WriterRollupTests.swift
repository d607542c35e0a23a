import DistillCore
import Store
import Testing
import TestSupport

/// `RecordWriter.refreshDailyRollups` adds what a writer inserted instead of re-aggregating; these
/// tests hold it to the same roll-up as re-aggregating every touched day from its requests.
@Suite struct WriterRollupTests {
    /// Every `request_daily` row, all key columns and all sums.
    private func rollup(_ database: Database) throws -> [String] {
        try database.query(
            """
            SELECT day, model_id, project, is_batch, service_tier, tag_set_id, request_count, failed_count,
                input_tokens, cached_input_tokens, cache_write_tokens, output_tokens, reasoning_tokens, latency_count,
                audio_input_tokens, audio_output_tokens, cache_write_1h_tokens, reported_cost, reported_cost_requests
            FROM request_daily ORDER BY 1, 2, 3, 4, 5, 6
            """
        ) { row in (Int32(0)..<19).map { "\(row.value($0))" }.joined(separator: "/") }
    }

    /// The same rows aggregated from `requests` now (what the roll-up must equal for days not pruned).
    private func aggregated(_ database: Database) throws -> [String] {
        try database.query(
            """
            SELECT created_at / 86400 - (created_at < 0 AND created_at % 86400 != 0), model_id, coalesce(project, ''),
                is_batch, coalesce(service_tier, ''), coalesce(tag_set_id, 0), sum(request_count), sum(failed_count),
                sum(input_tokens), sum(cached_input_tokens), sum(cache_write_tokens), sum(output_tokens),
                sum(reasoning_tokens), count(latency_ms), sum(audio_input_tokens), sum(audio_output_tokens),
                sum(cache_write_1h_tokens), distill_decimal_sum(reported_cost),
                sum(CASE WHEN reported_cost IS NULL THEN 0 ELSE request_count END)
            FROM requests GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
            """
        ) { row in (Int32(0)..<19).map { "\(row.value($0))" }.joined(separator: "/") }
    }

    private func pendingDays(_ database: Database) throws -> Int64 {
        try database.scalar("SELECT (SELECT count(*) FROM request_daily_dirty) + (SELECT count(*) FROM request_daily_recompute)")?
            .int64 ?? -1
    }

    private static let firstDay: Int64 = 20_400 * 86_400

    private func randomRequest(_ random: inout SplitMix64, keys: Int) -> RequestRecord {
        let input = Int64.random(in: 0...5_000, using: &random)
        let output = Int64.random(in: 0...900, using: &random)
        let aggregate = Int.random(in: 0..<10, using: &random) == 0
        let count: Int64 = aggregate ? Int64.random(in: 2...50, using: &random) : 1
        let cacheWrite = Int64.random(in: 0...(input / 2), using: &random)
        return RequestRecord(
            key: "k\(Int.random(in: 0..<keys, using: &random))",
            model: ["teacher", "student", "base"].randomElement(using: &random)!,
            createdAt: Self.firstDay + Int64.random(in: 0..<(6 * 86_400), using: &random),
            project: [nil, "proj_a", "proj_b"].randomElement(using: &random)!,
            isBatch: Bool.random(using: &random),
            serviceTier: [nil, "default", "flex"].randomElement(using: &random)!,
            requestCount: count, failedCount: Int64.random(in: 0...(aggregate ? 1 : 0), using: &random),
            tokens: TokenUsage(
                input: input, cachedInput: Int64.random(in: 0...(input / 2), using: &random), cacheWrite: cacheWrite,
                output: output, reasoning: Int64.random(in: 0...output, using: &random),
                audioInput: Int64.random(in: 0...input, using: &random),
                audioOutput: Int64.random(in: 0...output, using: &random),
                cacheWriteOneHour: Int64.random(in: 0...cacheWrite, using: &random)),
            latencyMs: Bool.random(using: &random) ? Double.random(in: 10...900, using: &random) : nil,
            status: Bool.random(using: &random) ? nil : "ok",
            tags: [nil, [:], ["use_case": "support"], ["use_case": "extract", "purpose": "evaluation"]]
                .randomElement(using: &random)!,
            // Float noise, exponents and plain amounts, as sources print them.
            reportedCost: [nil, "0.00013499999999999997", "1.5e-05", "0.25", "3"].randomElement(using: &random)!)
    }

    /// Random batches of new and repeated keys (repeats update, and may move a request to another
    /// day), deletes, prunes and a batch left without a refresh, applied to two stores: one
    /// refreshed by the writer, one by re-aggregating every dirty day. Their roll-ups must be equal
    /// after every step, and equal to the requests' own totals until the first prune.
    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
    func writerRefreshEqualsReaggregation(seed: UInt64) throws {
        let folder = try TemporaryDirectory()
        let byWriter = try Database(path: folder.path("writer.sqlite"))
        let byRecompute = try Database(path: folder.path("recompute.sqlite"))
        var random = SplitMix64(seed: seed)
        var pruned = false
        for step in 0..<12 {
            let requests = (0..<Int.random(in: 1...300, using: &random)).map { _ in
                randomRequest(&random, keys: 600)
            }
            let action = Int.random(in: 0..<10, using: &random)
            let pruneDay = Self.firstDay / 86_400 + Int64.random(in: 0...3, using: &random)
            let deleteKey = "k\(Int.random(in: 0..<600, using: &random))"
            for (database, useWriter) in [(byWriter, true), (byRecompute, false)] {
                try database.transaction {
                    let writer = try RecordWriter(database: database, source: "s")
                    for request in requests { try writer.write(request) }
                    switch action {
                    case 0:
                        try database.execute("DELETE FROM requests WHERE request_key = ?", [deleteKey])
                    case 1:
                        // An ingest that never refreshed (an older writer, or one stopped between
                        // writing and refreshing in a test): its days stay dirty.
                        return
                    default: break
                    }
                    if useWriter {
                        try writer.refreshDailyRollups()
                    } else {
                        try DailyRollup(database: database).refreshDirtyDays()
                    }
                }
                if action == 2 {
                    _ = try Retention(database: database).prune(
                        before: UTCDate(daysSinceEpoch: Int(pruneDay)), dryRun: false)
                }
            }
            if action == 2 { pruned = true }
            #expect(try rollup(byWriter) == rollup(byRecompute), "seed \(seed), step \(step)")
            if action != 1 {
                #expect(try pendingDays(byWriter) == 0, "seed \(seed), step \(step)")
                if !pruned { #expect(try rollup(byWriter) == aggregated(byWriter), "seed \(seed), step \(step)") }
            }
        }
        #expect(try !rollup(byWriter).isEmpty)
    }

    @Test func rowsLeftUnrolledByAnEarlierWriterAreCounted() throws {
        let folder = try TemporaryDirectory()
        let database = try Database(path: folder.path("a.sqlite"))
        var random = SplitMix64(seed: 11)
        for (source, refresh) in [("old", false), ("new", true)] {
            try database.transaction {
                let writer = try RecordWriter(database: database, source: source)
                for index in 0..<40 {
                    var request = randomRequest(&random, keys: 1)
                    request.key = "\(source)\(index)"
                    try writer.write(request)
                }
                if refresh { try writer.refreshDailyRollups() }
            }
        }
        #expect(try rollup(database) == aggregated(database))
        #expect(try pendingDays(database) == 0)
    }

    /// Two writers in one transaction: the second's refresh re-aggregates the day the first also
    /// inserted into, so the first must not add its rows again.
    @Test func twoWritersInOneTransactionCountEachRequestOnce() throws {
        let folder = try TemporaryDirectory()
        let database = try Database(path: folder.path("a.sqlite"))
        func request(_ key: String, second: Int64) -> RequestRecord {
            RequestRecord(key: key, model: "m", createdAt: Self.firstDay + second, tokens: TokenUsage(input: 10, output: 1))
        }
        try database.transaction {
            let writer = try RecordWriter(database: database, source: "s")
            try writer.write(request("existing", second: 1))
            try writer.refreshDailyRollups()
        }
        try database.transaction {
            let first = try RecordWriter(database: database, source: "first")
            let second = try RecordWriter(database: database, source: "second")
            try first.write(request("a", second: 2))
            try second.write(request("b", second: 3))
            try second.refreshDailyRollups()
            try first.refreshDailyRollups()
        }
        #expect(try rollup(database) == aggregated(database))
        #expect(try database.scalar("SELECT sum(request_count) FROM request_daily")?.int64 == 3)
    }

    @Test func overflowingDailyTotalIsAnError() throws {
        let folder = try TemporaryDirectory()
        let database = try Database(path: folder.path("a.sqlite"))
        let huge = Int64.max / 2 + 1
        func request(_ key: String) -> RequestRecord {
            RequestRecord(
                key: key, model: "m", createdAt: Self.firstDay, tokens: TokenUsage(input: huge, output: 0))
        }
        #expect(throws: StoreError.self) {
            try database.transaction {
                let writer = try RecordWriter(database: database, source: "s")
                try writer.write(request("a"))
                try writer.write(request("b"))
                try writer.refreshDailyRollups()
            }
        }
        #expect(try database.scalar("SELECT count(*) FROM requests")?.int64 == 0)
    }
}

/// `RecordWriter.write(_:)` for an array inserts new requests with multi-row statements; it must
/// give every row the outcome, the stored values and the error that writing the rows one by one
/// gives.
@Suite struct BatchWriteTests {
    private func contents(_ database: Database) throws -> [String] {
        try database.query(
            """
            SELECT request_key, key_hash IS NULL, model_id, created_at, input_tokens, cached_input_tokens, output_tokens,
                request_count, tag_set_id, latency_ms FROM requests ORDER BY request_key
            """
        ) { row in (Int32(0)..<10).map { "\(row.value($0))" }.joined(separator: "/") }
    }

    @Test(arguments: [21, 22, 23, 24] as [UInt64])
    func batchWriteEqualsRowByRow(seed: UInt64) throws {
        let folder = try TemporaryDirectory()
        let batched = try Database(path: folder.path("batched.sqlite"))
        let single = try Database(path: folder.path("single.sqlite"))
        var random = SplitMix64(seed: seed)
        for round in 0..<6 {
            var requests: [RequestRecord] = (0..<Int.random(in: 1...200, using: &random)).map { _ in
                let input = Int64.random(in: 0...1_000, using: &random)
                return RequestRecord(
                    key: "k\(Int.random(in: 0..<400, using: &random))", model: ["a", "b"].randomElement(using: &random)!,
                    createdAt: 1_795_392_000 + Int64.random(in: 0..<200_000, using: &random),
                    tokens: TokenUsage(input: input, cachedInput: Int64.random(in: 0...input, using: &random), output: 5),
                    latencyMs: Bool.random(using: &random) ? 12 : nil,
                    tags: Bool.random(using: &random) ? ["use_case": "x"] : ["purpose": "evaluation"])
            }
            // A few rows the store refuses (cached above input breaks a CHECK), anywhere in a batch.
            for _ in 0..<Int.random(in: 0...2, using: &random) {
                let index = Int.random(in: 0..<requests.count, using: &random)
                requests[index].tokens = TokenUsage(input: 1, cachedInput: 5, output: 0)
            }
            let batchResults = try batched.transaction {
                let writer = try RecordWriter(database: batched, source: "s")
                let results = writer.write(requests)
                try writer.refreshDailyRollups()
                return results
            }
            let singleResults = try single.transaction {
                let writer = try RecordWriter(database: single, source: "s")
                let results = requests.map { request in Result { try writer.write(request) } }
                try writer.refreshDailyRollups()
                return results
            }
            #expect(batchResults.count == requests.count)
            for (index, (batch, one)) in zip(batchResults, singleResults).enumerated() {
                switch (batch, one) {
                case (.success(let a), .success(let b)): #expect(a == b, "round \(round), row \(index)")
                case (.failure(let a as StoreError), .failure(let b as StoreError)):
                    #expect(a.isConstraintViolation && b.isConstraintViolation, "round \(round), row \(index)")
                default: Issue.record("round \(round), row \(index): \(batch) vs \(one)")
                }
            }
            #expect(try contents(batched) == contents(single), "round \(round)")
            #expect(
                try batched.query("SELECT * FROM request_daily ORDER BY 1, 2, 3, 4, 5, 6") { "\($0.value(0))/\($0.value(6))/\($0.value(8))" }
                    == single.query("SELECT * FROM request_daily ORDER BY 1, 2, 3, 4, 5, 6") { "\($0.value(0))/\($0.value(6))/\($0.value(8))" })
        }
        #expect(try batched.scalar("SELECT count(*) FROM requests")?.int64 ?? 0 > 100)
    }

    /// A refused row inside a full batch fails alone; the rest of its batch is still stored.
    @Test func aRefusedRowFailsAloneInItsBatch() throws {
        let folder = try TemporaryDirectory()
        let database = try Database(path: folder.path("a.sqlite"))
        var requests = (0..<64).map { index in
            RequestRecord(
                key: "r\(index)", model: "m", createdAt: 1_795_392_000 + Int64(index),
                tokens: TokenUsage(input: 10, output: 1))
        }
        requests[40].tokens = TokenUsage(input: 1, cachedInput: 5, output: 0)
        let results = try database.transaction {
            let writer = try RecordWriter(database: database, source: "s")
            let results = writer.write(requests)
            try writer.refreshDailyRollups()
            return results
        }
        #expect(results.enumerated().allSatisfy { index, result in
            switch result {
            case .success(let outcome): return index != 40 && outcome == .inserted
            case .failure(let error): return index == 40 && (error as? StoreError)?.isConstraintViolation == true
            }
        })
        #expect(try database.scalar("SELECT count(*) FROM requests")?.int64 == 63)
        #expect(try database.scalar("SELECT sum(request_count) FROM request_daily")?.int64 == 63)
    }

    /// An error that is not a refused row (here the file may not grow: SQLITE_FULL) stops the
    /// writing: no row after it is written.
    @Test func nothingIsWrittenAfterAStoreFailure() throws {
        let folder = try TemporaryDirectory()
        let database = try Database(path: folder.path("a.sqlite"))
        let requests = (0..<3_000).map { index in
            RequestRecord(
                key: "request-\(index)-" + String(repeating: "x", count: 200), model: "m",
                createdAt: 1_795_392_000 + Int64(index), tokens: TokenUsage(input: 10, output: 1))
        }
        let pages = try database.scalar("PRAGMA page_count")?.int64 ?? 0
        try database.execute("PRAGMA max_page_count = \(pages + 40)")
        let results = try database.transaction {
            try RecordWriter(database: database, source: "s").write(requests)
        }
        let firstFailure = try #require(results.firstIndex { if case .failure = $0 { true } else { false } })
        #expect(firstFailure > 0)
        #expect(results[firstFailure...].allSatisfy { if case .failure = $0 { true } else { false } })
        #expect(try database.scalar("SELECT count(*) FROM requests")?.int64 == Int64(firstFailure))
    }
}
