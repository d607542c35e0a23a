import Analytics
import CostModel
import DistillCore
import Foundation
import Ingest
import Store
import Testing
import TestSupport
import Tokenizer

@testable import Workflows

/// `distill-roi dataset build` from a written log of completions, each with the request it
/// answered, ingested with `--store-content` into a real SQLite file.
///
/// Every prompt and answer is one o200k_base token (`Hi`, `Yes`, `No`, `Thanks`, `Hello`, each
/// checked with `distill-roi tokens count`), so an example is the cookbook's 3 per message + 1 per
/// value: 2 × (3 + 1 + 1) + 3 = 13 tokens, the same as `EstimateCommandTests.tinyExample`.
@Suite struct DatasetBuildCommandTests {
    static let tokenizerData = TokenizerDataDirectory.resolve(currentDirectory: PackageRoot.path).path

    /// A logged completion: `prompt` from the user, `answer` from the assistant.
    static func completion(
        _ id: String, at offset: Int, prompt: String, answer: String = "Hello", useCase: String, finish: String = "stop"
    ) -> String {
        #"{"request":{"model":"gpt-4o","messages":[{"role":"user","content":"\#(prompt)"}]},"id":"\#(id)","object":"chat.completion","created":\#(1_764_547_200 + offset),"model":"gpt-4o","metadata":{"use_case":"\#(useCase)"},"choices":[{"index":0,"message":{"role":"assistant","content":"\#(answer)"},"finish_reason":"\#(finish)"}],"usage":{"prompt_tokens":8,"completion_tokens":1}}"#
    }

    /// Seven requests: four usable distinct prompts (three `triage`, one `reply`), a duplicate of
    /// the first, an answer cut at `length`, one completion logged without its request, and a
    /// failed Response.
    static let log = [
        completion("c1", at: 0, prompt: "Hi", useCase: "triage"),
        completion("c2", at: 10, prompt: "Hi", useCase: "triage"),
        completion("c3", at: 20, prompt: "Yes", useCase: "triage"),
        completion("c4", at: 30, prompt: "No", useCase: "triage"),
        completion("c5", at: 40, prompt: "Thanks", useCase: "reply"),
        completion("c6", at: 50, prompt: "Bye", useCase: "reply", finish: "length"),
        #"{"id":"c7","object":"chat.completion","created":1764547300,"model":"gpt-4o","choices":[{"index":0,"message":{"role":"assistant","content":"Hello"},"finish_reason":"stop"}],"usage":{"prompt_tokens":8,"completion_tokens":1}}"#,
        #"{"id":"resp_1","object":"response","created_at":1764547400,"status":"failed","model":"gpt-4o","input":"Hey","output":[],"metadata":{"use_case":"reply"}}"#,
    ].joined(separator: "\n") + "\n"

    static func line(_ prompt: String) -> String {
        #"{"messages":[{"content":"\#(prompt)","role":"user"},{"content":"Hello","role":"assistant"}]}"#
    }

    private func options(_ folder: TemporaryDirectory) throws -> DatasetBuildCommand.Options {
        let database = try Database(path: folder.path("db.sqlite"))
        _ = try FileIngester(database: database, options: FileIngestOptions(storeContent: true))
            .ingest(path: try folder.write("log.jsonl", Self.log))
        var options = DatasetBuildCommand.Options(databasePath: folder.path("db.sqlite"), output: folder.path("train.jsonl"))
        options.environment = [TokenizerDataDirectory.environmentVariable: Self.tokenizerData]
        return options
    }

    private func lines(_ path: String) throws -> [String] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
    }

    /// Kept: c1, c3, c4, c5 (4 × 13 = 52 tokens). Left out: c2 (duplicate of c1), c6 (length),
    /// c7 (no request messages), resp_1 (failed): one each.
    @Test func buildsFromStoredCompletionsWorkedByHand() throws {
        let folder = try TemporaryDirectory()
        let summary = try DatasetBuildCommand.run(try options(folder))
        #expect(Set(try lines(folder.path("train.jsonl"))) == Set(["Hi", "Yes", "No", "Thanks"].map(Self.line)))
        #expect(
            summary.selection.skipped == [.duplicate: 1, .truncated: 1, .noMessages: 1, .failed: 1])
        #expect(summary.analysis.exampleCount == 4)
        #expect(summary.analysis.totalTokens == 52)
        #expect(summary.analysis.issueCounts.isEmpty)
        #expect(summary.text.contains("training file tokens (o200k_base (exact)): 52 in 4 example(s)"))
        #expect(summary.text.contains("  exact duplicate prompt: 1\n"))
    }

    /// The file is what `estimate --training-file` reads: 4 valid examples, 52 tokens an epoch.
    @Test func estimateAcceptsTheFile() throws {
        let folder = try TemporaryDirectory()
        let built = try options(folder)
        _ = try DatasetBuildCommand.run(built)
        var estimate = EstimateCommand.Options(
            trainingFile: built.output, teacher: "gpt-4o-2024-08-06", students: ["gpt-4o-mini-2024-07-18"],
            databasePath: folder.path("db.sqlite"))
        estimate.dailyRequests = 1
        estimate.inputTokens = 100
        estimate.outputTokens = 10
        estimate.environment = built.environment
        let file = try #require(
            try EstimateCommand.build(estimate, catalog: PricingLocation.catalog(extra: [])).trainingFiles.first)
        #expect(file.examples == 4)
        #expect(file.billableTokensPerEpoch == 52)
    }

    /// The same figure as `EstimateCommandTests.tinyTrainingFileWorkedByHand`: 52 tokens × 25
    /// default epochs (4 examples) = 1,300 tokens × $3.00 / 1M = $0.0039 for gpt-4o-mini; a name
    /// the catalog does not know is unpriced, never $0.
    @Test func trainingCostAtEachCandidatesRate() throws {
        let folder = try TemporaryDirectory()
        var built = try options(folder)
        built.students = ["gpt-4o-mini-2024-07-18", "no-such-model"]
        built.pricingDay = UTCDate(iso: "2026-12-01")
        let summary = try DatasetBuildCommand.run(built)
        guard case .priced(let cost, let tokens, let rate, let location)? = summary.trainingCosts.first?.outcome else {
            Issue.record("gpt-4o-mini-2024-07-18 is not priced: \(summary.trainingCosts)")
            return
        }
        #expect(cost == Money(decimalText: "0.0039"))
        #expect(tokens == 1_300)
        #expect(rate == ExactDecimal("3"))
        #expect(location.hasPrefix("pricing/openai.yaml:"))
        #expect(summary.text.contains("gpt-4o-mini-2024-07-18: 1,300 tokens × 3"))
        #expect(summary.trainingCosts.last?.outcome == .unpriced(
            reason: "the catalog has no training price for `no-such-model` in force on 2026-12-01"))
    }

    /// Half of the 4 examples (2) go to the holdout; the duplicate `Hi` was removed before the
    /// split, so no holdout prompt is in the training file; the same seed gives the same files.
    @Test func holdoutIsDisjointAndSeeded() throws {
        let folder = try TemporaryDirectory()
        var built = try options(folder)
        built.holdoutFraction = 0.5
        built.holdoutOutput = folder.path("eval.jsonl")
        built.seed = 7
        _ = try DatasetBuildCommand.run(built)
        let training = try lines(folder.path("train.jsonl"))
        let holdout = try lines(folder.path("eval.jsonl"))
        #expect(training.count == 2 && holdout.count == 2)
        #expect(Set(training).isDisjoint(with: holdout))
        #expect(Set(training + holdout) == Set(["Hi", "Yes", "No", "Thanks"].map(Self.line)))
        _ = try DatasetBuildCommand.run(built)
        #expect(try lines(folder.path("train.jsonl")) == training)
        #expect(try lines(folder.path("eval.jsonl")) == holdout)
    }

    /// `triage` has 3 usable examples and `reply` 1, so each is capped at 1: 2 written, 2 over the cap.
    @Test func balanceCapsEachValueAtTheSmallestGroup() throws {
        let folder = try TemporaryDirectory()
        var built = try options(folder)
        built.filter.groupKey = "use_case"
        let summary = try DatasetBuildCommand.run(built)
        #expect(summary.selection.balanceCap == 1)
        #expect(summary.selection.perGroup.map { "\($0.group) \($0.training)" } == ["reply 1", "triage 1"])
        #expect(summary.selection.skipped[.balanceCap] == 2)
        #expect(try lines(folder.path("train.jsonl")).contains(Self.line("Thanks")))
    }

    /// `--tag use_case=reply` reads c5, c6 and resp_1: one example, one truncated, one failed.
    @Test func tagFilterSelectsTheUseCase() throws {
        let folder = try TemporaryDirectory()
        var built = try options(folder)
        built.filter.tags = [TagFilter(key: "use_case", value: "reply")]
        let summary = try DatasetBuildCommand.run(built)
        #expect(try lines(folder.path("train.jsonl")) == [Self.line("Thanks")])
        #expect(summary.selection.skipped == [.truncated: 1, .failed: 1])
    }

    /// Nothing to write is an error that says where prompts come from, and no file is written.
    @Test func answersWithoutRequestsAreAnError() throws {
        let folder = try TemporaryDirectory()
        var built = try options(folder)
        built.filter.since = 1_764_547_300
        built.filter.until = 1_764_547_301
        #expect {
            try DatasetBuildCommand.run(built)
        } throws: { error in
            "\(error)".contains("1 no stored request messages") && "\(error)".contains(#"{"request": {"messages""#)
        }
        #expect(!FileManager.default.fileExists(atPath: built.output))
    }

    /// A Response's string input and message output, a function call kept as `tool_calls`, and
    /// `--redact` masking the e-mail and phone number in what is written.
    @Test func readsResponsesAndRedacts() throws {
        let rows = [
            StoredContentQuery.Row(
                requestKey: "r1", model: "gpt-4o", createdAt: 0, failed: false, messages: #""Mail a.b@example.com""#,
                response: #"[{"type":"reasoning","summary":[]},{"type":"message","status":"completed","content":[{"type":"output_text","text":"Call +1 415 555 0100","annotations":[]}]}]"#),
            StoredContentQuery.Row(
                requestKey: "r2", model: "gpt-4o", createdAt: 1, failed: false, messages: #"[{"role":"user","content":"Rome?"}]"#,
                response: #"[{"type":"function_call","call_id":"call_9","name":"weather","arguments":"{}"}]"#),
        ]
        let selection = DatasetSelection(rows: rows, redactor: Redactor(), grouped: false)
        #expect(selection.candidates.map(\.line) == [
            #"{"messages":[{"content":"Mail [email]","role":"user"},{"content":"Call [phone]","role":"assistant"}]}"#,
            #"{"messages":[{"content":"Rome?","role":"user"},{"content":null,"role":"assistant","tool_calls":[{"function":{"arguments":"{}","name":"weather"},"id":"call_9","type":"function"}]}]}"#,
        ])
    }
}
