import Foundation
import Ingest
import Store
import Testing
import TestSupport

@Suite struct RedactorTests {
    @Test(arguments: [
        ("mail jane.doe+ai@example.co.uk now", "mail [email] now"),
        ("key sk-proj-abcdefghijklmnop1234 leaked", "key [api-key] leaked"),
        ("Authorization: Bearer abcdefghijklmnopqrstuvwxyz", "Authorization: [api-key]"),
        ("call +44 20 7946 0958 today", "call [phone] today"),
        ("call (415) 555-0132 today", "call [phone] today"),
        ("on 2026-11-29 at 1795442709", "on 2026-11-29 at 1795442709"),
        ("version 4.1 costs 0.30", "version 4.1 costs 0.30"),
        ("sk-short", "sk-short"),
        ("not@an-address", "not@an-address"),
    ])
    func masksPersonalDataAndSecrets(text: String, expected: String) {
        #expect(Redactor().redact(text) == expected)
    }

    @Test func redactAppliesToStoredMetadataAndContent() throws {
        let folder = try TemporaryDirectory()
        let line = #"{"id":"chatcmpl-r1","object":"chat.completion","created":1795442709,"model":"gpt-4o-2024-08-06","choices":[{"index":0,"message":{"role":"assistant","content":"Write to bob@example.com"},"finish_reason":"stop"}],"usage":{"prompt_tokens":10,"completion_tokens":5,"total_tokens":15},"metadata":{"user":"alice@example.com","use_case":"support"}}"#
        let path = try folder.write("completions.jsonl", line + "\n")
        let database = try Database(path: folder.path("a.sqlite"))
        _ = try FileIngester(database: database, options: FileIngestOptions(storeContent: true, redact: true)).ingest(path: path)
        let canonical = try database.scalar("SELECT canonical FROM tag_sets")?.string
        #expect(canonical == #"{"use_case":"support","user":"[email]"}"#)
        let stored = try database.query("SELECT coalesce(messages, '') || coalesce(response, '') FROM request_content") { $0.string(0) }
        #expect(!stored.isEmpty)
        #expect(stored.allSatisfy { !$0.contains("@example.com") })
        let bytes = try #require(FileManager.default.contents(atPath: folder.path("a.sqlite")))
            + (FileManager.default.contents(atPath: folder.path("a.sqlite-wal")) ?? Data())
        #expect(bytes.range(of: Data("alice@example.com".utf8)) == nil)
    }
}
