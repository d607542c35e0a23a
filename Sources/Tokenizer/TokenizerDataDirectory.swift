import Foundation

/// The folder holding the `.tiktoken` rank files, the first of: `$DISTILL_ROI_TOKENIZER_DATA`;
/// `.cache/tiktoken` under the working folder (the repository's, where `make tokenizer-data` puts
/// them); the per-user cache `$XDG_CACHE_HOME/distill-roi/tiktoken` (default
/// `~/.cache/distill-roi/tiktoken`, filled by `make tokenizer-data-user`); then the folders the
/// tool ships, given by the caller (the installed `share/distill-roi/tiktoken`, the source
/// package's `.cache/tiktoken`). When none exists the per-user cache is named, so the error says
/// where to put the files.
///
/// The files are data fetched once, never downloaded at run time: the machines this runs on reach
/// no model host, and a count must not depend on the network.
package struct TokenizerDataDirectory: Sendable, Equatable {
    package static let environmentVariable = "DISTILL_ROI_TOKENIZER_DATA"
    package static let defaultRelativePath = ".cache/tiktoken"
    /// Below `$XDG_CACHE_HOME` (or `~/.cache`).
    package static let userCacheRelativePath = "distill-roi/tiktoken"

    package let path: String

    package init(path: String) {
        self.path = path
    }

    package static func resolve(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        currentDirectory: String = FileManager.default.currentDirectoryPath,
        shippedDirectories: [String] = []
    ) -> TokenizerDataDirectory {
        if let value = environment[environmentVariable], !value.isEmpty {
            return TokenizerDataDirectory(path: value)
        }
        let local = URL(fileURLWithPath: currentDirectory).appendingPathComponent(defaultRelativePath).path
        let userCache = userCacheDirectory(environment: environment)
        let found = ([local] + [userCache].compactMap { $0 } + shippedDirectories).first { isDirectory($0) }
        return TokenizerDataDirectory(path: found ?? userCache ?? local)
    }

    /// `$XDG_CACHE_HOME/distill-roi/tiktoken`, else `$HOME/.cache/distill-roi/tiktoken`, as the XDG
    /// Base Directory specification says; nil when neither variable is set.
    package static func userCacheDirectory(environment: [String: String]) -> String? {
        let base: String
        if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") {
            base = cache
        } else if let home = environment["HOME"], !home.isEmpty {
            base = (home as NSString).appendingPathComponent(".cache")
        } else {
            return nil
        }
        return (base as NSString).appendingPathComponent(userCacheRelativePath)
    }

    package func rankFilePath(for encoding: TokenEncoding) -> String {
        URL(fileURLWithPath: path).appendingPathComponent(encoding.rankFileName).path
    }

    private static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
