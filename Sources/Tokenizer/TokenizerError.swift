/// Why the tokenizer could not be set up or could not do what was asked.
///
/// Every description is a full sentence saying what happened and what to do, because these reach
/// people through the command line unchanged.
package enum TokenizerError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The rank file is not in the tokenizer data folder.
    case rankFileMissing(encoding: TokenEncoding, path: String)
    /// The rank file exists but could not be read.
    case rankFileUnreadable(encoding: TokenEncoding, path: String, reason: String)
    /// A line of the rank file is not `base64 SPACE rank`, or ranks are not 0, 1, 2… in order.
    case rankFileMalformed(encoding: TokenEncoding, path: String, line: Int, reason: String)
    /// A single byte is not a token, so some text could not be encoded at all.
    case rankFileLacksByte(encoding: TokenEncoding, path: String, byte: UInt8)
    /// The rank file parsed but holds another number of tokens than the encoding has.
    case rankFileIncomplete(encoding: TokenEncoding, path: String, expected: Int, found: Int)
    /// An encoding name that is not o200k_base or cl100k_base.
    case unknownEncoding(String)
    /// A token id that is not in the encoding, met while decoding ids back to text.
    case unknownTokenID(Int, encoding: TokenEncoding)

    package var description: String {
        switch self {
        case .rankFileMissing(let encoding, let path):
            "The \(encoding) rank file is not at \(path). Run `make tokenizer-data-user` (your cache) or "
                + "`make install` in the distill-roi source folder to fetch and verify it (no network is used "
                + "at run time), or set \(TokenizerDataDirectory.environmentVariable) to a folder holding "
                + "\(encoding.rankFileName)."
        case .rankFileUnreadable(let encoding, let path, let reason):
            "The \(encoding) rank file at \(path) could not be read (\(reason)); check its permissions, "
                + "or delete it and run `make tokenizer-data`."
        case .rankFileMalformed(let encoding, let path, let line, let reason):
            "The \(encoding) rank file at \(path) is not in tiktoken's format at line \(line) (\(reason)); "
                + "delete it and run `make tokenizer-data` to fetch a verified copy."
        case .rankFileLacksByte(let encoding, let path, let byte):
            "The \(encoding) rank file at \(path) has no token for the byte \(byte), which every byte-level "
                + "encoding has; delete it and run `make tokenizer-data` to fetch a verified copy."
        case .rankFileIncomplete(let encoding, let path, let expected, let found):
            "The \(encoding) rank file at \(path) holds \(found) tokens where \(expected) are expected, so "
                + "counts would be wrong; delete it and run `make tokenizer-data` to fetch a verified copy "
                + "(sha256 \(encoding.expectedSHA256))."
        case .unknownEncoding(let name):
            "There is no encoding named \"\(name)\"; use one of "
                + TokenEncoding.allCases.map(\.rawValue).joined(separator: ", ") + "."
        case .unknownTokenID(let id, let encoding):
            "Token id \(id) is not in \(encoding), so it cannot be decoded; check that the ids came from "
                + "the same encoding."
        }
    }
}
