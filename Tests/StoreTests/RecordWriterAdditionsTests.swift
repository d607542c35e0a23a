import DistillCore
import Store
import Testing
import TestSupport

/// The writer additions the file ingest needs: merged tags, optional message content, lookups by key.
@Suite struct RecordWriterAdditionsTests {
    @Test func mergingTagsKeepsStoredTagsAndConverges() throws {
        let folder = try TemporaryDirectory()
        let database = try Database(path: folder.path("a.sqlite"))
        let writer = try RecordWriter(database: database, source: "s")
        var completion = Fixtures.request("chatcmpl-1")
        completion.tags = ["use_case": "support", "purpose": "teacher"]
        var log = completion
        log.tags = ["use_case": "support", "team": "cx"]
        #expect(try writer.write(completion, mergingTags: true) == .inserted)
        #expect(try writer.write(log, mergingTags: true) == .updated)
        #expect(try writer.write(completion, mergingTags: true) == .unchanged)
        #expect(try writer.write(log, mergingTags: true) == .unchanged)
        #expect(try database.scalar("SELECT t.canonical FROM requests r JOIN tag_sets t ON t.id = r.tag_set_id")?.string
            == #"{"purpose":"teacher","team":"cx","use_case":"support"}"#)
        #expect(try writer.write(log, mergingTags: false) == .updated)  // replacing drops "purpose"
    }

    @Test func writesContentOnlyForAStoredRequest() throws {
        let folder = try TemporaryDirectory()
        let database = try Database(path: folder.path("a.sqlite"))
        let writer = try RecordWriter(database: database, source: "s")
        #expect(try writer.writeContent(forRequestKey: "missing", messages: "[]", response: "[]") == false)
        try writer.write(Fixtures.request("chatcmpl-1"))
        #expect(try writer.writeContent(forRequestKey: "chatcmpl-1", messages: nil, response: "[1]") == true)
        #expect(try writer.writeContent(forRequestKey: "chatcmpl-1", messages: nil, response: "[1]") == false)
        #expect(try database.scalar("SELECT response FROM request_content")?.string == "[1]")
    }

    @Test func findsStoredRequestsAndEvalRunsByKey() throws {
        let folder = try TemporaryDirectory()
        let database = try Database(path: folder.path("a.sqlite"))
        let writer = try RecordWriter(database: database, source: "s")
        #expect(try writer.storedRequest(forKey: "chatcmpl-1") == nil)
        var request = Fixtures.request("chatcmpl-1")
        request.isBatch = true
        try writer.write(request)
        let stored = try #require(try writer.storedRequest(forKey: "chatcmpl-1"))
        #expect(stored.model == "gpt-4o-2024-08-06" && stored.createdAt == 1_795_442_709 && stored.isBatch)
        #expect(stored.tokens == TokenUsage(input: 100, cachedInput: 20, output: 50))
        #expect(try !writer.containsEvalRun(id: "evalrun-1"))
        try writer.write(EvalRunRecord(id: "evalrun-1", evalName: "support", model: "gpt-4o-mini", createdAt: 1_795_442_709))
        #expect(try writer.containsEvalRun(id: "evalrun-1"))
    }
}
