import Store
import Testing
import TestSupport

/// The writer additions the file ingest needs: merged tags and optional message content.
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
        #expect(try writer.write(log) == .updated)
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
}
