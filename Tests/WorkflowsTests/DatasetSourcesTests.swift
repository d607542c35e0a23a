import Analytics
import DistillCore
import Foundation
import Ingest
import Store
import Testing
import TestSupport
import Tokenizer

@testable import Workflows

/// `dataset build` from each source whose request messages are stored at ingest time besides a
/// completion logged with its request: a Batch input file joined to its output, LiteLLM's spend
/// logs and standard logging payloads, Langfuse generations. Each fixture is hand-written in the
/// source's shape, ingested with `--store-content` into a real SQLite file, and the written
/// training lines are checked exactly (members sorted, no spaces: the canonical JSON).
@Suite struct DatasetSourcesTests {
    static let tokenizerData = TokenizerDataDirectory.resolve(currentDirectory: PackageRoot.path).path

    private func ingest(_ folder: TemporaryDirectory, _ name: String, _ text: String, options: FileIngestOptions) throws
        -> FileIngestSummary
    {
        let database = try Database(path: folder.path("db.sqlite"))
        return try FileIngester(database: database, options: options).ingest(path: try folder.write(name, text))
    }

    private func build(_ folder: TemporaryDirectory, redact: Bool = false) throws -> (DatasetBuildCommand.Summary, [String]) {
        var options = DatasetBuildCommand.Options(databasePath: folder.path("db.sqlite"), output: folder.path("train.jsonl"))
        options.environment = [TokenizerDataDirectory.environmentVariable: Self.tokenizerData]
        options.redact = redact
        let summary = try DatasetBuildCommand.run(options)
        let lines = try String(contentsOfFile: options.output, encoding: .utf8).split(separator: "\n").map(String.init)
        return (summary, lines)
    }

    // MARK: Batch

    /// q1 and q2 are in both files; q3 has no output line (its answer would be in the error file);
    /// q4's output has no input line, so it is stored without messages.
    static let batchInput = """
        {"custom_id":"q1","method":"POST","url":"/v1/chat/completions","body":{"model":"gpt-4o-mini","messages":[{"role":"system","content":"Classify."},{"role":"user","content":"Refund please"}]}}
        {"custom_id":"q2","method":"POST","url":"/v1/chat/completions","body":{"model":"gpt-4o-mini","messages":[{"role":"user","content":"Where is my order?"}]}}
        {"custom_id":"q3","method":"POST","url":"/v1/chat/completions","body":{"model":"gpt-4o-mini","messages":[{"role":"user","content":"Cancel it"}]}}

        """

    static func batchLine(_ number: Int, customID: String, answer: String) -> String {
        #"{"id":"batch_req_\#(number)","custom_id":"\#(customID)","response":{"status_code":200,"request_id":"req_\#(number)","body":{"id":"chatcmpl-b\#(number)","object":"chat.completion","created":1764547200,"model":"gpt-4o-mini-2024-07-18","choices":[{"index":0,"message":{"role":"assistant","content":"\#(answer)","refusal":null},"finish_reason":"stop"}],"usage":{"prompt_tokens":12,"completion_tokens":1,"total_tokens":13}}},"error":null}"#
    }

    static let batchOutput = [
        batchLine(1, customID: "q1", answer: "refund"), batchLine(2, customID: "q2", answer: "shipping"),
        batchLine(4, customID: "q4", answer: "other"),
    ].joined(separator: "\n") + "\n"

    @Test func batchInputJoinedToItsOutputByCustomID() throws {
        let folder = try TemporaryDirectory()
        let input = try folder.write("input.jsonl", Self.batchInput)
        let summary = try ingest(
            folder, "output.jsonl", Self.batchOutput, options: FileIngestOptions(storeContent: true, batchInput: input))
        #expect(summary.batchJoin == BatchJoin(inputPath: input, joined: 2, outputsWithoutInput: 1, inputsWithoutOutput: 1))
        #expect(
            summary.description.contains(
                "request messages from \(input): joined to 2 lines; 1 successful line has a custom_id not in it "
                    + "(stored without messages); 1 of its custom_ids has no line in this file"))

        let (built, lines) = try build(folder)
        #expect(
            Set(lines) == [
                #"{"messages":[{"content":"Classify.","role":"system"},{"content":"Refund please","role":"user"},{"content":"refund","role":"assistant"}]}"#,
                #"{"messages":[{"content":"Where is my order?","role":"user"},{"content":"shipping","role":"assistant"}]}"#,
            ])
        #expect(built.selection.skipped == [.noMessages: 1])
    }

    /// Line 2 of the input has no `body.messages`: the output file is refused naming the input's
    /// file, line and field, and the database stays empty.
    @Test func aBatchInputLineWithoutMessagesIsRefused() throws {
        let folder = try TemporaryDirectory()
        let input = try folder.write(
            "input.jsonl",
            #"{"custom_id":"q1","url":"/v1/chat/completions","body":{"messages":[{"role":"user","content":"Hi"}]}}"# + "\n"
                + #"{"custom_id":"q2","url":"/v1/chat/completions","body":{"model":"gpt-4o-mini"}}"# + "\n")
        #expect {
            try ingest(folder, "output.jsonl", Self.batchOutput, options: FileIngestOptions(storeContent: true, batchInput: input))
        } throws: { error in
            "\(error)".hasPrefix("\(input):2: body.messages: is missing")
        }
        let database = try Database(path: folder.path("db.sqlite"))
        #expect(try database.scalar("SELECT count(*) FROM requests")?.int64 == 0)
    }

    @Test func batchInputNeedsBatchOutputAndStoreContent() throws {
        let folder = try TemporaryDirectory()
        let input = try folder.write("input.jsonl", Self.batchInput)
        #expect(throws: IngestError.invalidOption("--batch-input stores the requests' messages: pass --store-content with it.")) {
            try ingest(folder, "output.jsonl", Self.batchOutput, options: FileIngestOptions(batchInput: input))
        }
    }
}
