import Foundation
import Tokenizer

/// Where the tests find their fixtures and the rank files, and the tokenizers loaded once for all.
///
/// The rank files are not in git: `make test` fetches them first (`make tokenizer-data`). When
/// they are absent, loading throws `TokenizerError.rankFileMissing`, whose message says exactly
/// that, and every test that needs them fails; none is skipped silently.
enum TestData {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    /// `$DISTILL_ROI_TOKENIZER_DATA`, else the repository's `.cache/tiktoken`, wherever the tests run from.
    static let dataDirectory = TokenizerDataDirectory.resolve(currentDirectory: packageRoot.path)

    private static let o200k = Result { try BPETokenizer(encoding: .o200kBase, dataDirectory: dataDirectory) }
    private static let cl100k = Result { try BPETokenizer(encoding: .cl100kBase, dataDirectory: dataDirectory) }

    static func tokenizer(_ encoding: TokenEncoding) throws -> BPETokenizer {
        switch encoding {
        case .o200kBase: try o200k.get()
        case .cl100kBase: try cl100k.get()
        }
    }

    static func fixture(_ name: String) throws -> Data {
        try Data(contentsOf: fixtures.appendingPathComponent(name))
    }
}
