import Foundation
import Ingest
import Store
import Testing
import TestSupport

/// `ingest openai completions --store-content`: each stored completion's request messages fetched
/// from `GET /chat/completions/{id}/messages` on the loopback server and stored beside its answer.
///
/// The server's messages (`make_messages` in the fixture script): completion i has a system and a
/// user message, and i = 0, 3, 6, 9 two more (4 messages: 2 pages at the harness's page size 3);
/// i = 1, 5, 9 send the question as content parts; i = 11's question holds an e-mail address.
@Suite struct StoredCompletionMessagesTests {
    static let messagesPrefix = "/v1/chat/completions/"

    private func messageRequests(_ harness: OpenAIHarness) throws -> [FixtureServer.LoggedRequest] {
        try harness.server.requests().filter { $0.path.hasPrefix(Self.messagesPrefix) && $0.path.hasSuffix("/messages") }
    }

    private func content(_ harness: OpenAIHarness, _ key: String) throws -> [String?] {
        try harness.database.query(
            """
            SELECT c.messages, c.response FROM request_content c JOIN requests r ON r.id = c.request_id
            WHERE r.request_key = ?
            """, [key]
        ) { [$0.optionalString(0), $0.optionalString(1)] }.first ?? []
    }

    /// 12 completions: 4 of them need 2 message pages and 8 need 1, so 4 × 2 + 8 = 16 calls.
    @Test func storesEachCompletionsMessagesAndAnswer() throws {
        let harness = try OpenAIHarness()
        let result = try #require(try harness.pull([.completions], options: OpenAIPullOptions(storeContent: true)).first)
        #expect(result.messagesFetched == 12)
        #expect(try harness.count("request_content") == 12)

        let calls = try messageRequests(harness)
        #expect(calls.count == 16)
        #expect(calls.allSatisfy { $0.auth == "ok" && $0.value("order") == "asc" && $0.value("limit") == "3" })
        let first = calls.filter { $0.path == Self.messagesPrefix + "chatcmpl-fx0001/messages" }
        #expect(first.map { $0.value("after") } == [nil, "chatcmpl-fx0001-2"])

        // Message ids dropped, members sorted; a null content replaced by its content parts.
        #expect(
            try content(harness, "chatcmpl-fx0002")[0]
                == #"[{"content":"Be brief.","name":null,"role":"system"},{"content":[{"text":"question 1","type":"text"}],"name":null,"role":"user"}]"#)
        #expect(
            try content(harness, "chatcmpl-fx0001")[0]
                == #"[{"content":"Be brief.","name":null,"role":"system"},{"content":"question 0","name":null,"role":"user"},{"content":"earlier answer","name":null,"role":"assistant"},{"content":"and more?","name":null,"role":"user"}]"#)
        // The answer is the completion's `choices`, as the list page sent it.
        #expect(
            try content(harness, "chatcmpl-fx0001")[1]
                == #"[{"index": 0, "message": {"content": "answer 0", "role": "assistant", "tool_calls": null, "function_call": null}, "finish_reason": "stop", "logprobs": null}]"#)
        #expect(!(try harness.storedBytes().contains(text: FixtureServer.apiKey)))
    }

    /// A pull without content, then one with it: the second lists every completion again (its
    /// own cursor) and stores all 12 completions' messages, not only newer ones.
    @Test func aFirstPullWithContentFetchesWhatAnEarlierPullStored() throws {
        let harness = try OpenAIHarness()
        _ = try harness.pull([.completions])
        #expect(try harness.count("request_content") == 0)
        let result = try #require(try harness.pull([.completions], options: OpenAIPullOptions(storeContent: true)).first)
        #expect(result.messagesFetched == 12)
        #expect(try harness.count("request_content") == 12)
        #expect(try harness.count("requests") == 12)
    }

    /// A completion deleted between the list and its messages (404) keeps its answer, is counted,
    /// and does not stop the pull: the other 11 get their messages.
    @Test func aDeletedCompletionsMessagesAreCountedNotFatal() throws {
        let harness = try OpenAIHarness(faults: [.status(404, on: Self.messagesPrefix + "chatcmpl-fx0002/messages")])
        let result = try #require(try harness.pull([.completions], options: OpenAIPullOptions(storeContent: true)).first)
        #expect(result.messagesFetched == 11 && result.messagesMissing == 1)
        #expect(try harness.count("requests") == 12)
        let deleted = try content(harness, "chatcmpl-fx0002")
        #expect(deleted.count == 2 && deleted[0] == nil && deleted[1]?.contains("answer 1") == true)
    }

    @Test func withoutStoreContentNoMessageIsFetched() throws {
        let harness = try OpenAIHarness()
        let result = try #require(try harness.pull([.completions]).first)
        #expect(result.messagesFetched == 0)
        #expect(try messageRequests(harness).isEmpty)
        #expect(try harness.count("request_content") == 0)
    }

    @Test func redactMasksTheStoredMessages() throws {
        let harness = try OpenAIHarness()
        try harness.pull([.completions], options: OpenAIPullOptions(storeContent: true, redact: true))
        let messages = try #require(try content(harness, "chatcmpl-fx0012").first ?? nil)
        #expect(messages.contains("question 11, reply to [email]"))
        #expect(!messages.contains("ann@example.com"))
    }

    /// A messages page without `has_more` stops the pull before the first completions page is
    /// written, naming the completion; the cursor does not move.
    @Test func aMalformedMessagesPageWritesNothingOfItsPage() throws {
        let harness = try OpenAIHarness(faults: [
            .kind("malformed", on: Self.messagesPrefix + "chatcmpl-fx0002/messages", drop: "has_more")
        ])
        let error = try #require(throws: OpenAIIngestError.self) {
            try harness.pull([.completions], options: OpenAIPullOptions(storeContent: true))
        }
        #expect(error == .unexpectedMessages(completionID: "chatcmpl-fx0002", field: "has_more", problem: "is missing"))
        #expect(error.description.hasPrefix("GET /chat/completions/chatcmpl-fx0002/messages returned a page this tool cannot read"))
        #expect(try harness.count("requests") == 0)
        #expect(try harness.cursor("openai:chat/completions") == nil)
    }
}

extension CommandLineTests {
    /// The student's `faq-bot` completions are i = 1, 3, 7, 9 (odd i, i % 3 ≠ 2): each becomes its
    /// messages (content parts joined into text, null names dropped) and its answer.
    @Test func datasetBuildFromPulledCompletions() throws {
        let directory = try TemporaryDirectory("cli-dataset")
        let server = try FixtureServer(in: directory)
        let database = directory.path("distill.sqlite")
        let pulled = try run(
            ["ingest", "openai", "completions", "--store-content", "--since", "2026-11-01", "--db", database, "--base-url", server.baseURL],
            environment: ["OPENAI_API_KEY": FixtureServer.apiKey])
        #expect(pulled.status == 0)
        #expect(pulled.standardOutput.contains("; request messages stored for 12"))

        let output = directory.path("train.jsonl")
        let built = try run(
            ["dataset", "build", "--db", database, "--model", "ft:gpt-4o-mini-2024-07-18:acme:faq:fx01", "--tag", "feature=faq-bot",
             "--out", output],
            environment: ["DISTILL_ROI_TOKENIZER_DATA": PackageRoot.appending(".cache/tiktoken")])
        #expect(built.status == 0, "\(built.standardError)")
        let lines = try String(contentsOfFile: output, encoding: .utf8).split(separator: "\n").map(String.init)
        let system = #"{"content":"Be brief.","role":"system"}"#
        func line(_ i: Int, earlierTurn: Bool) -> String {
            let turn = earlierTurn ? #",{"content":"earlier answer","role":"assistant"},{"content":"and more?","role":"user"}"# : ""
            return #"{"messages":["# + system + #",{"content":"question \#(i)","role":"user"}"# + turn
                + #",{"content":"answer \#(i)","role":"assistant"}]}"#
        }
        #expect(
            Set(lines)
                == [line(1, earlierTurn: false), line(3, earlierTurn: true), line(7, earlierTurn: false), line(9, earlierTurn: true)])
        #expect(lines.count == 4)
    }
}
