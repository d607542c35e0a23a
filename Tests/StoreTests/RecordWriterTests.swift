import Store
import Testing
import TestSupport

@Suite struct RecordWriterTests {
    private func counts(_ database: Database) throws -> [String: Int64] {
        var result: [String: Int64] = [:]
        for table in ["requests", "tags", "tag_sets", "models", "usage_buckets", "billed_costs",
                      "fine_tuning_jobs", "eval_runs", "eval_scores", "eval_run_usage"] {
            result[table] = try database.scalar("SELECT count(*) FROM \(table)")?.int64
        }
        return result
    }

    private func writeEverything(_ writer: RecordWriter) throws -> WriteCounts {
        var counts = WriteCounts()
        counts.record(try writer.write(Fixtures.request("chatcmpl-1")))
        counts.record(try writer.write(Fixtures.request("chatcmpl-2", model: "ft:gpt-4o-mini-2024-07-18:acme:support:AbC123")))
        counts.record(try writer.write(UsageBucketRecord(
            startTime: 0, endTime: 86_400, model: "gpt-4o", requestCount: 3, inputTokens: 30, outputTokens: 9)))
        counts.record(try writer.write(BilledCostRecord(
            startTime: 0, endTime: 86_400, lineItem: "gpt-4o, input", project: "proj_1", amount: "0.06", currency: "usd")))
        counts.record(try writer.write(FineTuningJobRecord(
            id: "ftjob-1", baseModel: "gpt-4o-mini-2024-07-18", fineTunedModel: "ft:x", status: "succeeded",
            trainedTokens: 1000, epochs: 3, createdAt: 10, finishedAt: 20)))
        counts.record(try writer.write(EvalRunRecord(id: "run-1", evalName: "support", model: "gpt-4o", createdAt: 5)))
        counts.record(try writer.write(EvalRunUsageRecord(
            runID: "run-1", model: "gpt-4o", invocationCount: 2, inputTokens: 10, cachedInputTokens: 0, outputTokens: 4)))
        counts.record(try writer.write(EvalScoreRecord(runID: "run-1", itemID: "item-1", model: "gpt-4o", score: 0.5, passed: true)))
        return counts
    }

    @Test func storingTheSameRowsTwiceChangesNothing() throws {
        let folder = try TemporaryDirectory()
        let database = try Database(path: folder.path("a.sqlite"))
        let first = try database.transaction { try writeEverything(try RecordWriter(database: database, source: "s")) }
        let afterFirst = try counts(database)
        let second = try database.transaction { try writeEverything(try RecordWriter(database: database, source: "s")) }
        #expect(first == WriteCounts(inserted: 8))
        #expect(second == WriteCounts(unchanged: 8))
        #expect(try counts(database) == afterFirst)
        #expect(afterFirst["requests"] == 2 && afterFirst["tag_sets"] == 1 && afterFirst["tags"] == 1)
    }

    @Test func aCorrectedRowUpdatesInPlace() throws {
        let folder = try TemporaryDirectory()
        let database = try Database(path: folder.path("a.sqlite"))
        let writer = try RecordWriter(database: database, source: "s")
        #expect(try writer.write(Fixtures.request("chatcmpl-1")) == .inserted)
        #expect(try writer.write(Fixtures.request("chatcmpl-1", input: 500)) == .updated)
        #expect(try database.scalar("SELECT input_tokens FROM requests")?.int64 == 500)
        #expect(try database.scalar("SELECT count(*) FROM requests")?.int64 == 1)
    }

    @Test func aLogRowCompletesAStoredRequestInEitherOrder() throws {
        let folder = try TemporaryDirectory()
        let database = try Database(path: folder.path("a.sqlite"))
        let writer = try RecordWriter(database: database, source: "s")
        let completion = Fixtures.request("chatcmpl-1")
        var logRow = completion
        logRow.tokens = nil
        logRow.tags = nil
        logRow.project = nil
        logRow.latencyMs = 812.5
        // Completion first, then the log: latency is added, tokens and tags kept.
        try writer.write(completion)
        #expect(try writer.write(logRow) == .updated)
        // Log first, then the completion: tokens are added, latency kept.
        logRow.key = "chatcmpl-2"
        var second = completion
        second.key = "chatcmpl-2"
        try writer.write(logRow)
        #expect(try writer.write(second) == .updated)
        let rows = try database.query(
            "SELECT input_tokens, latency_ms, tag_set_id IS NOT NULL, project FROM requests ORDER BY request_key"
        ) { "\($0.int64(0)) \($0.double(1)) \($0.int64(2)) \($0.optionalString(3) ?? "nil")" }
        #expect(rows == ["100 812.5 1 proj_1", "100 812.5 1 proj_1"])
    }

    @Test func ingestLogAndCursorsRoundTrip() throws {
        let folder = try TemporaryDirectory()
        let database = try Database(path: folder.path("a.sqlite"))
        let log = IngestLog(database: database)
        try log.append(.init(source: "file:a.jsonl", kind: "completions", counts: WriteCounts(inserted: 3), rejected: 1,
                             startedAt: 1, finishedAt: 2, status: "partial"))
        try log.setCursor("1700000000", for: "openai:completions", at: 5)
        try log.setCursor("1700000600", for: "openai:completions", at: 6)
        #expect(try log.entries().map(\.counts) == [WriteCounts(inserted: 3)])
        #expect(try log.cursor(for: "openai:completions") == "1700000600")
        #expect(try log.cursor(for: "openai:usage") == nil)
    }
}

@Suite struct TagMergeTests {
    @Test func aLaterSourceAddsTagsWithoutErasingStoredOnes() throws {
        let folder = try TemporaryDirectory()
        let database = try Database(path: folder.path("a.sqlite"))
        let writer = try RecordWriter(database: database, source: "s")
        var completion = Fixtures.request("chatcmpl-1")
        completion.tags = ["use_case": "support", "purpose": "distillation"]
        try writer.write(completion)
        var logRow = completion
        logRow.tags = ["use_case": "billing", "region": "eu"]
        #expect(try writer.write(logRow) == .updated)
        let canonical = try database.scalar(
            "SELECT s.canonical FROM requests r JOIN tag_sets s ON s.id = r.tag_set_id")?.string
        #expect(canonical == #"{"purpose":"distillation","region":"eu","use_case":"billing"}"#)
        #expect(try writer.write(logRow) == .unchanged)
    }
}
