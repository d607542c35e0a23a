import Foundation
import Testing
import TestSupport
import Tokenizer

@Suite struct TokenizerDataTests {
    @Test func environmentVariableWins() {
        let directory = TokenizerDataDirectory.resolve(
            environment: ["DISTILL_ROI_TOKENIZER_DATA": "/data/tiktoken"], currentDirectory: "/work")
        #expect(directory.path == "/data/tiktoken")
        #expect(directory.rankFilePath(for: .cl100kBase) == "/data/tiktoken/cl100k_base.tiktoken")
    }

    @Test func defaultIsTheCacheUnderTheWorkingFolder() {
        let directory = TokenizerDataDirectory.resolve(environment: [:], currentDirectory: "/work/repo")
        #expect(directory.rankFilePath(for: .o200kBase) == "/work/repo/.cache/tiktoken/o200k_base.tiktoken")
    }

    @Test func missingRankFileSaysHowToGetIt() throws {
        let folder = try TemporaryDirectory("tokenizer-missing")
        let error = #expect(throws: TokenizerError.self) {
            try BPETokenizer(encoding: .o200kBase, dataDirectory: TokenizerDataDirectory(path: folder.url.path))
        }
        let description = try #require(error).description
        #expect(description.contains("make tokenizer-data"))
        #expect(description.contains(folder.path("o200k_base.tiktoken")))
        #expect(description.contains("DISTILL_ROI_TOKENIZER_DATA"))
    }

    @Test(arguments: [
        ("IQ== 0\nIg== 2\n", 2, "rank 2 where 1 was expected"),
        ("IQ==0\n", 1, "no space"),
        ("I*== 0\n", 1, "not standard base64"),
        ("IQ== 0\nIg== x\n", 2, "not a number"),
    ])
    func malformedRankFilesNameTheLine(contents: String, line: Int, reason: String) throws {
        let folder = try TemporaryDirectory("tokenizer-malformed")
        let path = try folder.write("cl100k_base.tiktoken", contents)
        let error = #expect(throws: TokenizerError.self) {
            try BPETokenizer(encoding: .cl100kBase, rankFilePath: path)
        }
        guard case .rankFileMalformed(_, _, let reportedLine, let reportedReason)? = error else {
            Issue.record("expected rankFileMalformed, got \(String(describing: error))")
            return
        }
        #expect(reportedLine == line)
        #expect(reportedReason.contains(reason))
    }

    @Test func truncatedRankFileIsRejected() throws {
        let folder = try TemporaryDirectory("tokenizer-truncated")
        let path = try folder.write("o200k_base.tiktoken", "IQ== 0\nIg== 1\n")
        #expect(throws: TokenizerError.rankFileIncomplete(encoding: .o200kBase, path: path, expected: 199_998, found: 2)) {
            try BPETokenizer(encoding: .o200kBase, rankFilePath: path)
        }
    }

    @Test func unknownIDsAreNotDecoded() throws {
        let tokenizer = try TestData.tokenizer(.cl100kBase)
        #expect(throws: TokenizerError.unknownTokenID(100_256, encoding: .cl100kBase)) {
            try tokenizer.decode([100_256])
        }
        #expect(try tokenizer.decode([100_255]).isEmpty == false)
    }
}
