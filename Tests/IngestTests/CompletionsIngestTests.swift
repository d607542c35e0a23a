import DistillCore
import Foundation
import Ingest
import Store
import Testing

@Suite struct CompletionsIngestTests {
    @Test func loadsChatCompletionObjectsWithTheirUsageDetails() throws {
        let harness = try IngestHarness()
        let summary = try harness.ingestFixture("completions.jsonl")
        #expect(summary.kind == .completions)
        #expect(summary.format == "JSON Lines of chat.completion objects")
        #expect(summary.totals == WriteCounts(inserted: 3))
        #expect(summary.firstTime == 1_741_570_283 && summary.lastTime == 1_750_000_000)

        let reasoning = try #require(try harness.request("chatcmpl-EXAMPLE0001"))
        #expect(reasoning.model == "o4-mini-2025-04-16")
        #expect(
            reasoning.tokens == TokenUsage(input: 2400, cachedInput: 1920, cacheWrite: 0, output: 900, reasoning: 640))
        #expect(reasoning.tags == #"{"feature":"summarize","team":"search"}"#)
        #expect(reasoning.serviceTier == "default" && !reasoning.isBatch && reasoning.status == "ok")
        #expect(reasoning.latencyMs == nil)

        let listItem = try #require(try harness.request("chatcmpl-EXAMPLE0002"))
        #expect(listItem.tokens == TokenUsage(input: 32, output: 20))
        #expect(try harness.count("request_content") == 0)
    }

    @Test func ingestingTheSameFileTwiceChangesNothing() throws {
        let harness = try IngestHarness()
        try harness.ingestFixture("completions.jsonl")
        let before = try harness.values("SELECT * FROM requests ORDER BY id")
        let second = try harness.ingestFixture("completions.jsonl")
        #expect(second.totals == WriteCounts(unchanged: 3))
        #expect(try harness.values("SELECT * FROM requests ORDER BY id") == before)
        #expect(
            try harness.values("SELECT status, rows_inserted, rows_unchanged FROM ingest_log")
                == [[.text("ok"), .integer(3), .integer(0)], [.text("ok"), .integer(0), .integer(3)]])
    }

    @Test func readsAStoredCompletionsListPage() throws {
        let harness = try IngestHarness()
        let summary = try harness.ingestFixture("stored-completions-page.json")
        #expect(summary.kind == .completions)
        #expect(summary.format == "a JSON document of chat.completion objects")
        #expect(summary.counts("requests", "gpt-4o-mini-2024-07-18") == WriteCounts(inserted: 2))

        var reader = CompletionObjectReader()
        let page = try reader.page(
            from: Array(
                try Data(contentsOf: IngestHarness.fixtures.appendingPathComponent("stored-completions-page.json"))))
        #expect(page.records.map(\.key) == ["chatcmpl-EXAMPLE0002", "chatcmpl-EXAMPLE0003"])
        #expect(page.hasMore && page.lastID == "chatcmpl-EXAMPLE0003")
        #expect(page.records[1].tags == ["feature": "faq-bot"])
    }

    @Test func theObjectReaderNamesTheFieldThatIsWrong() throws {
        var reader = CompletionObjectReader()
        let text =
            #"{"id":"chatcmpl-1","object":"chat.completion","created":1750000000,"model":"gpt-4o","usage":{"prompt_tokens":"12","completion_tokens":3}}"#
        #expect(
            throws: IngestError.invalidValue(
                Diagnostic(field: "usage.prompt_tokens", message: "must be an integer, found a string"))
        ) {
            try reader.record(from: Array(text.utf8))
        }
    }

    /// `01` is not JSON: it used to be read as 1 token (and `"a":01` in metadata as the tag "01").
    @Test(arguments: [
        (#""usage":{"prompt_tokens":01,"completion_tokens":3}"#, "not valid JSON at byte 111: a number cannot start with 0 followed by a digit"),
        (#""metadata":{"a":01},"usage":{"prompt_tokens":1,"completion_tokens":3}"#, "not valid JSON at byte 102: a number cannot start with 0 followed by a digit"),
    ])
    func numbersWithALeadingZeroAreInvalid(members: String, message: String) {
        var reader = CompletionObjectReader()
        let text = #"{"id":"chatcmpl-1","object":"chat.completion","created":1750000000,"model":"gpt-4o","# + members + "}"
        #expect(throws: IngestError.invalidValue(Diagnostic(field: nil, message: message))) {
            try reader.record(from: Array(text.utf8))
        }
    }

    @Test func storesContentOnlyWhenAsked() throws {
        let harness = try IngestHarness()
        try harness.ingestFixture("completions.jsonl", FileIngestOptions(storeContent: true))
        let response = try #require(
            try harness.values(
                """
                SELECT c.response FROM request_content c JOIN requests r ON r.id = c.request_id
                WHERE r.request_key = 'chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG'
                """
            ).first?.first?.string)
        #expect(response.contains("wooden boardwalk"))
        #expect(try harness.count("request_content") == 3)
    }

    /// An application's log line: the completion with the request it answered. Its `messages` are
    /// kept (verbatim JSON text) with `--store-content`, so `dataset build` can pair prompt and
    /// answer; without the flag nothing is stored.
    @Test func storesALoggedRequestsMessages() throws {
        let line = #"{"request":{"model":"gpt-4o","messages":[{"role":"user","content":"Hi"}]},"id":"chatcmpl-req1","object":"chat.completion","created":1750000000,"model":"gpt-4o","choices":[{"index":0,"message":{"role":"assistant","content":"Hello"},"finish_reason":"stop"}],"usage":{"prompt_tokens":8,"completion_tokens":2}}"#
        let stored = try IngestHarness()
        _ = try stored.ingest(try stored.file("logged.jsonl", line + "\n"), FileIngestOptions(storeContent: true))
        let row = try #require(try stored.values("SELECT messages, response FROM request_content").first)
        #expect(row[0].string == #"[{"role":"user","content":"Hi"}]"#)
        #expect(row[1].string?.contains(#""content":"Hello""#) == true)
        let plain = try IngestHarness()
        _ = try plain.ingest(try plain.file("logged.jsonl", line + "\n"))
        #expect(try plain.count("request_content") == 0)
        #expect(try plain.request("chatcmpl-req1")?.tokens == TokenUsage(input: 8, output: 2))
    }

    @Test(arguments: ["completions.jsonl.gz", "completions-two-members.jsonl.gz"])
    func readsGzipDirectly(fixture: String) throws {
        let harness = try IngestHarness()
        let summary = try harness.ingestFixture(fixture)
        #expect(summary.kind == .completions)
        #expect(summary.totals == WriteCounts(inserted: 3))
        #expect(try harness.request("chatcmpl-EXAMPLE0002")?.tokens == TokenUsage(input: 32, output: 20))
    }

    @Test func rejectsATruncatedGzipFile() throws {
        let harness = try IngestHarness()
        let bytes = try Data(contentsOf: IngestHarness.fixtures.appendingPathComponent("completions.jsonl.gz"))
        let path = harness.folder.path("cut.jsonl.gz")
        try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: path))
        #expect(throws: IngestError.unreadable(path: path, reason: "the gzip data ends early (truncated file)")) {
            try harness.ingest(path, FileIngestOptions(kind: .completions))
        }
        #expect(try harness.count("requests") == 0)
    }

    @Test func readsLinesLongerThanTheReadWindowAndWindowsLineEnds() throws {
        let harness = try IngestHarness()
        let long = String(repeating: "x", count: 9 << 20)
        let lines = [
            #"{"id":"chatcmpl-long","object":"chat.completion","created":1791201600,"model":"gpt-4o","usage":{"prompt_tokens":10,"completion_tokens":5},"choices":[{"message":{"content":"\#(long)"}}]}"#,
            #"{"id":"chatcmpl-short","object":"chat.completion","created":1791201601,"model":"gpt-4o","usage":{"prompt_tokens":1,"completion_tokens":1}}"#,
        ]
        let path = try harness.file("long.jsonl", "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n")
        let summary = try harness.ingest(path)
        #expect(summary.kind == .completions && summary.totals == WriteCounts(inserted: 2))
    }
}
