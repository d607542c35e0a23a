import Foundation

/// The folder holding the `.tiktoken` rank files: `$DISTILL_ROI_TOKENIZER_DATA`, else
/// `.cache/tiktoken` under the working folder (where `make tokenizer-data` puts them).
///
/// The files are data fetched once, never downloaded at run time: the machines this runs on reach
/// no model host, and a count must not depend on the network.
package struct TokenizerDataDirectory: Sendable, Equatable {
    package static let environmentVariable = "DISTILL_ROI_TOKENIZER_DATA"
    package static let defaultRelativePath = ".cache/tiktoken"

    package let path: String

    package init(path: String) {
        self.path = path
    }

    package static func resolve(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        currentDirectory: String = FileManager.default.currentDirectoryPath
    ) -> TokenizerDataDirectory {
        if let value = environment[environmentVariable], !value.isEmpty {
            return TokenizerDataDirectory(path: value)
        }
        return TokenizerDataDirectory(
            path: URL(fileURLWithPath: currentDirectory).appendingPathComponent(defaultRelativePath).path)
    }

    package func rankFilePath(for encoding: TokenEncoding) -> String {
        URL(fileURLWithPath: path).appendingPathComponent(encoding.rankFileName).path
    }
}
