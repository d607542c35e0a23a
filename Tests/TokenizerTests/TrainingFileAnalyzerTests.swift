import Foundation
import Testing
import TestSupport
import Tokenizer

@Suite struct TrainingFileAnalyzerTests {
    /// The cookbook's own counts for `training-sample.jsonl`, written by
    /// `scripts/generate-tokenizer-fixtures.py` with tiktoken and the notebook's functions.
    struct CookbookCounts: Decodable {
        let tokens: [Int]
        let assistant_tokens: [Int]
        let messages: [Int]
    }

    static func cookbook(_ encoding: TokenEncoding) throws -> CookbookCounts {
        let all = try JSONDecoder().decode(
            [String: CookbookCounts].self, from: TestData.fixture("training-sample-cookbook.json"))
        return try #require(all[encoding.rawValue])
    }

    static let samplePath = TestData.fixtures.appendingPathComponent("training-sample.jsonl").path

    @Test(arguments: TokenEncoding.allCases)
    func perExampleTokensMatchTheCookbook(_ encoding: TokenEncoding) throws {
        let expected = try Self.cookbook(encoding)
        let analyzer = TrainingFileAnalyzer(counting: .exact(try TestData.tokenizer(encoding)))
        let analysis = try analyzer.analyze(fileAt: Self.samplePath)

        #expect(analysis.exampleTokens == expected.tokens)
        #expect(analysis.exampleCount == 30 && analysis.invalidExampleCount == 0 && analysis.issues.isEmpty)
        #expect(analysis.totalTokens == expected.tokens.reduce(0, +))
        #expect(analysis.tokensPerExample == CountDistribution(expected.tokens))
        #expect(analysis.assistantTokensPerExample == CountDistribution(expected.assistant_tokens))
        #expect(analysis.messagesPerExample == CountDistribution(expected.messages))
        #expect(analysis.encoding == encoding && !analysis.isApproximate)
        #expect(analysis.countingLabel == "\(encoding) (exact)")
        #expect(analysis.isValid)
    }

    /// With a limit of 100, every example over it is cut to 100: billed per epoch = Σ min(t, 100);
    /// 30 examples make 90 passes at 3 epochs, under 100, so the default is min(25, 100 // 30) = 3.
    @Test func truncationAndBillingFollowTheLimit() throws {
        let tokens = try Self.cookbook(.o200kBase).tokens
        let analyzer = TrainingFileAnalyzer(counting: .exact(try TestData.tokenizer(.o200kBase)), contextLimit: 100)
        let analysis = try analyzer.analyze(fileAt: Self.samplePath)

        let over = tokens.filter { $0 > 100 }
        #expect(!over.isEmpty && over.count < tokens.count)
        #expect(analysis.examplesOverLimit == over.count)
        #expect(analysis.tokensLostToTruncation == over.reduce(0) { $0 + $1 - 100 })
        #expect(analysis.billableTokensPerEpoch == tokens.reduce(0) { $0 + min($1, 100) })
        #expect(analysis.defaultEpochs == 3)
        #expect(analysis.billedTrainingTokens(epochs: analysis.defaultEpochs) == 3 * analysis.billableTokensPerEpoch)
    }

    @Test func defaultLimitTruncatesNothingSmall() throws {
        let analysis = try TrainingFileAnalyzer(counting: .exact(try TestData.tokenizer(.o200kBase)))
            .analyze(fileAt: Self.samplePath)
        #expect(analysis.contextLimit == 65_536)
        #expect(analysis.examplesOverLimit == 0 && analysis.tokensLostToTruncation == 0)
        #expect(analysis.billableTokensPerEpoch == analysis.totalTokens)
    }

    @Test func malformedExamplesAreReportedWithFileAndLine() throws {
        let folder = try TemporaryDirectory("training-malformed")
        let lines = [
            #"{"messages": [{"role": "user", "content": "Hi"}, {"role": "assistant", "content": "Hello"}]}"#,
            #"{"messages": [{"role": "user", "content": "Hi"}"#,
            #"[1, 2, 3]"#,
            #"{"prompt": "old format", "completion": "no"}"#,
            #"{"messages": []}"#,
            #"{"messages": [{"role": "robot", "content": "beep"}, {"role": "assistant", "content": "ok"}]}"#,
            #"{"messages": [{"role": "user", "content": "Hi"}]}"#,
            #"{"messages": [{"role": "user", "content": ""}, {"role": "assistant", "content": "ok"}]}"#,
            #"{"messages": [{"content": "who am I"}, {"role": "assistant", "content": "ok"}]}"#,
            #"{"messages": [{"role": "user", "content": "Hi", "mood": "happy"}, {"role": "assistant", "content": "ok"}]}"#,
            #"{"messages": [{"role": "user", "content": "Hi", "weight": 1}, {"role": "assistant", "content": "ok", "weight": 2}]}"#,
        ]
        let path = try folder.write("train.jsonl", lines.joined(separator: "\n") + "\n")
        let analysis = try TrainingFileAnalyzer(counting: .exact(try TestData.tokenizer(.o200kBase)))
            .analyze(fileAt: path)

        let expected: [(TrainingIssueKind, Int)] = [
            (.invalidJSON, 2), (.notAnObject, 3), (.missingMessages, 4), (.missingMessages, 5), (.unknownRole, 6),
            (.noAssistantMessage, 7), (.missingContent, 8), (.messageMissingKey, 9), (.unrecognizedKey, 10),
            (.invalidWeight, 11), (.invalidWeight, 11),
        ]
        #expect(analysis.issues.compactMap(\.trainingIssueKind) == expected.map(\.0))
        #expect(analysis.issues.compactMap(\.line) == expected.map(\.1))
        #expect(analysis.issueCounts[.invalidWeight] == 2 && analysis.issueCounts[.missingMessages] == 2)
        #expect(analysis.issues.allSatisfy { $0.file == path })
        #expect(analysis.issues[0].description.hasPrefix("\(path):2: "))
        #expect(analysis.lineCount == 11 && analysis.exampleCount == 1 && analysis.invalidExampleCount == 10)
        #expect(!analysis.isValid)
    }

    /// 3 per message + role + content, 1 + its tokens for a name, 3 for the reply; `weight` is not
    /// text; tools count their compact JSON.
    @Test func chatOverheadNamesWeightsAndTools() throws {
        let tokenizer = try TestData.tokenizer(.o200kBase)
        let folder = try TemporaryDirectory("training-overhead")
        let tools = #"[{"function":{"name":"get_weather","parameters":{"type":"object"}},"type":"function"}]"#
        let path = try folder.write(
            "train.jsonl",
            #"{"messages": [{"role": "user", "name": "ann", "content": "Weather in Oslo?"}, "#
                + #"{"role": "assistant", "content": "Cold.", "weight": 0}], "tools": "# + tools + "}\n")
        let analysis = try TrainingFileAnalyzer(counting: .exact(tokenizer)).analyze(fileAt: path)

        let expected = 3 + (3 + tokenizer.count("user") + tokenizer.count("ann") + 1 + tokenizer.count("Weather in Oslo?"))
            + (3 + tokenizer.count("assistant") + tokenizer.count("Cold.")) + tokenizer.count(tools)
        #expect(analysis.issues.isEmpty)
        #expect(analysis.exampleTokens == [expected])
        #expect(analysis.assistantTokensPerExample?.maximum == tokenizer.count("Cold."))
    }

    @Test func toolCallsWithoutContentAreValid() throws {
        let folder = try TemporaryDirectory("training-tool-calls")
        let path = try folder.write(
            "train.jsonl",
            #"{"messages": [{"role": "user", "content": "Weather?"}, {"role": "assistant", "content": null, "#
                + #""tool_calls": [{"id": "c1", "type": "function", "function": {"name": "w", "arguments": "{}"}}]}, "#
                + #"{"role": "tool", "tool_call_id": "c1", "content": "5 C"}, {"role": "assistant", "content": "5 °C."}]}"#
                + "\n")
        let analysis = try TrainingFileAnalyzer(counting: .exact(try TestData.tokenizer(.o200kBase))).analyze(fileAt: path)
        #expect(analysis.issues.isEmpty)
        #expect(analysis.exampleCount == 1)
    }

    @Test func approximateCountsAreLabelledAndUseBytesOverFour() throws {
        let folder = try TemporaryDirectory("training-approximate")
        // "user" 4 bytes → 1, "abcdefghi" 9 bytes → 3, "assistant" 9 bytes → 3, "é!" 3 bytes → 1.
        let path = try folder.write(
            "train.jsonl",
            #"{"messages": [{"role": "user", "content": "abcdefghi"}, {"role": "assistant", "content": "é!"}]}"#)
        let analysis = try TrainingFileAnalyzer(counting: .approximate).analyze(fileAt: path)
        #expect(analysis.isApproximate && analysis.encoding == nil)
        #expect(analysis.countingLabel.hasPrefix("approximate"))
        #expect(analysis.exampleTokens == [3 + (3 + 1 + 3) + (3 + 3 + 1)])
    }

    @Test func crlfBlankLinesAndAFinalLineWithoutNewline() throws {
        let folder = try TemporaryDirectory("training-line-endings")
        let example = #"{"messages": [{"role": "user", "content": "a"}, {"role": "assistant", "content": "b"}]}"#
        let path = try folder.write("train.jsonl", example + "\r\n\r\n" + example + "\r\n  \n" + example)
        let analysis = try TrainingFileAnalyzer(counting: .exact(try TestData.tokenizer(.o200kBase))).analyze(fileAt: path)
        #expect(analysis.exampleCount == 3 && analysis.lineCount == 3 && analysis.issues.isEmpty)
    }

    /// More than one 1 MiB read chunk (1,100 lines of about 1.2 KB), so a line straddles the boundary.
    @Test func largeFilesStreamAcrossChunks() throws {
        let folder = try TemporaryDirectory("training-large")
        let tokenizer = try TestData.tokenizer(.cl100kBase)
        let filler = String(repeating: "lorem ipsum dolor sit amet ", count: 40)
        let example = #"{"messages": [{"role": "user", "content": "\#(filler)"}, {"role": "assistant", "content": "ok"}]}"#
        let count = 1_100
        let path = try folder.write("train.jsonl", Array(repeating: example, count: count).joined(separator: "\n"))
        let analysis = try TrainingFileAnalyzer(counting: .exact(tokenizer)).analyze(fileAt: path)
        let perExample = 3 + 3 + tokenizer.count("user") + tokenizer.count(filler) + 3 + tokenizer.count("assistant")
            + tokenizer.count("ok")
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0 > 1 << 20)
        #expect(analysis.exampleCount == count)
        #expect(analysis.exampleTokens.allSatisfy { $0 == perExample })
        #expect(analysis.defaultEpochs == 3)
    }

    @Test func missingFileIsAnError() throws {
        let folder = try TemporaryDirectory("training-missing")
        let path = folder.path("absent.jsonl")
        #expect(throws: TrainingFileError.missing(path: path)) {
            try TrainingFileAnalyzer(counting: .approximate).analyze(fileAt: path)
        }
    }

    @Test func analyzerForAModelPicksEncodingAndLimit() throws {
        let analyzer = try TrainingFileAnalyzer(model: "gpt-3.5-turbo-0125", dataDirectory: TestData.dataDirectory)
        #expect(analyzer.counting.encoding == .cl100kBase && analyzer.contextLimit == 16_385)
        let approximate = try TrainingFileAnalyzer(
            model: "gpt-4o-mini", dataDirectory: TokenizerDataDirectory(path: "/nonexistent"), approximate: true)
        #expect(approximate.counting.isApproximate && approximate.contextLimit == 65_536)
    }
}
