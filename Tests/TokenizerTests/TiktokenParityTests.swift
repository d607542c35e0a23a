import Foundation
import Testing
import Tokenizer

/// Token ids equal tiktoken's for every case of the corpus, in both encodings.
///
/// `scripts/generate-tokenizer-fixtures.py` produced `tiktoken-ids.jsonl` with tiktoken's own
/// encoding definitions over the same rank files; cases given as raw bytes were decoded with
/// `errors="replace"`, the rule `BPETokenizer.encode(bytes:)` states.
@Suite struct TiktokenParityTests {
    struct Case {
        let name: String
        let bytes: [UInt8]
        let expected: [TokenEncoding: [Int]]
    }

    /// One line of `corpus.jsonl` / `corpus-random.jsonl`.
    private struct Input: Decodable {
        let name: String
        let text: String?
        let bytes_base64: String?
    }

    /// One line of `tiktoken-ids.jsonl`.
    private struct Expected: Decodable {
        let name: String
        let o200k_base: [Int]
        let cl100k_base: [Int]
    }

    /// Read with `JSONDecoder`: Foundation's `JSONSerialization` on Linux drops a U+FEFF that starts
    /// a string or follows an escape, which would silently change the corpus.
    static func corpus() throws -> [Case] {
        var inputs: [String: [UInt8]] = [:]
        for file in ["corpus.jsonl", "corpus-random.jsonl"] {
            for input in try jsonLines(Input.self, TestData.fixture(file)) {
                if let text = input.text {
                    inputs[input.name] = Array(text.utf8)
                } else {
                    let encoded = try #require(input.bytes_base64, "case \(input.name) has no text")
                    inputs[input.name] = Array(try #require(Data(base64Encoded: encoded)))
                }
            }
        }
        return try jsonLines(Expected.self, TestData.fixture("tiktoken-ids.jsonl")).map { line in
            Case(
                name: line.name, bytes: try #require(inputs[line.name], "no input for \(line.name)"),
                expected: [.o200kBase: line.o200k_base, .cl100kBase: line.cl100k_base])
        }
    }

    private static func jsonLines<T: Decodable>(_ type: T.Type, _ data: Data) throws -> [T] {
        let decoder = JSONDecoder()
        return try data.split(separator: UInt8(ascii: "\n")).map { try decoder.decode(T.self, from: Data($0)) }
    }

    @Test func corpusCoversTheRequiredKinds() throws {
        let corpus = try Self.corpus()
        #expect(corpus.count > 1_500)
        let names = Set(corpus.map(\.name))
        for kind in ["python code", "emoji", "chinese", "arabic", "whitespace run long", "numbers",
                     "contractions upper", "contractions lower", "special characters", "crlf", "mixed scripts",
                     "invalid mixed"] {
            #expect(names.contains(kind), "the corpus has no \(kind) case")
        }
    }

    @Test(arguments: TokenEncoding.allCases)
    func idsEqualTiktoken(_ encoding: TokenEncoding) throws {
        let tokenizer = try TestData.tokenizer(encoding)
        var compared = 0
        for testCase in try Self.corpus() {
            let expected = try #require(testCase.expected[encoding])
            let ids = tokenizer.encode(bytes: testCase.bytes)
            #expect(ids == expected, "\(encoding) ids differ from tiktoken's for case \"\(testCase.name)\"")
            #expect(tokenizer.count(bytes: testCase.bytes) == expected.count)
            compared += 1
        }
        #expect(compared > 1_500)
    }

    @Test(arguments: TokenEncoding.allCases)
    func decodingGivesBackValidText(_ encoding: TokenEncoding) throws {
        let tokenizer = try TestData.tokenizer(encoding)
        for testCase in try Self.corpus() {
            let text = BPETokenizer.text(decodingBytes: testCase.bytes)
            #expect(try tokenizer.decode(tokenizer.encode(text)) == Array(text.utf8), "case \"\(testCase.name)\"")
        }
    }
}
