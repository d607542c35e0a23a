import Foundation
import Tokenizer

/// `distill-roi tokens count`: the exact token count (or ids) of a text, so anyone can check our
/// counts against tiktoken on the same input.
///
/// The input is read as raw bytes; invalid UTF-8 is replaced as `BPETokenizer.text(decodingBytes:)`
/// states. No special tokens are recognised: `<|endoftext|>` counts as ordinary text.
package enum TokensCountCommand {
    /// The count as a bare number, or the ids space-separated on one line; newline-terminated.
    ///
    /// `path` nil or `-` reads standard input.
    package static func run(
        encoding: TokenEncoding, path: String?, printIDs: Bool,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        currentDirectory: String = FileManager.default.currentDirectoryPath
    ) throws -> String {
        let tokenizer = try BPETokenizer(
            encoding: encoding,
            dataDirectory: TokenizerDataDirectory.resolve(environment: environment, currentDirectory: currentDirectory,
                shippedDirectories: PackageResource.tokenizerDataDirectories()))
        let bytes = try readInput(path)
        if printIDs {
            return tokenizer.encode(bytes: bytes).map(String.init).joined(separator: " ") + "\n"
        }
        return "\(tokenizer.count(bytes: bytes))\n"
    }

    private static func readInput(_ path: String?) throws -> Data {
        guard let path, path != "-" else {
            return FileHandle.standardInput.readDataToEndOfFile()
        }
        guard FileManager.default.fileExists(atPath: path) else {
            throw ApplicationError("there is no file at \(path); give a readable text file, or - for standard input.")
        }
        // A FileHandle, not Data(contentsOf:), so pipes, devices and process substitutions work too.
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ApplicationError("\(path) could not be opened for reading; check its permissions.")
        }
        defer { try? handle.close() }
        return handle.readDataToEndOfFile()
    }
}
