import Foundation

extension RankTable {
    /// Reads a tiktoken rank file: one `base64(token) SPACE rank` line per token, ranks 0, 1, 2…
    ///
    /// Ranks must be contiguous and in order, since they are used as ids by position; the token
    /// count must be the encoding's, so a truncated download fails here instead of miscounting.
    static func load(_ encoding: TokenEncoding, from path: String) throws -> RankTable {
        guard FileManager.default.fileExists(atPath: path) else {
            throw TokenizerError.rankFileMissing(encoding: encoding, path: path)
        }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw TokenizerError.rankFileUnreadable(encoding: encoding, path: path, reason: "\(error)")
        }
        var tokenBytes: [UInt8] = []
        var tokenStarts: [Int32] = [0]
        try data.withUnsafeBytes { raw in
            try parse(
                raw.bindMemory(to: UInt8.self), encoding: encoding, path: path, into: &tokenBytes,
                starts: &tokenStarts)
        }
        let found = tokenStarts.count - 1
        guard found == encoding.expectedTokenCount else {
            throw TokenizerError.rankFileIncomplete(
                encoding: encoding, path: path, expected: encoding.expectedTokenCount, found: found)
        }
        return RankTable(tokenBytes: tokenBytes, tokenStarts: tokenStarts)
    }

    private static func parse(
        _ text: UnsafeBufferPointer<UInt8>, encoding: TokenEncoding, path: String, into tokenBytes: inout [UInt8],
        starts tokenStarts: inout [Int32]
    ) throws {
        tokenBytes.reserveCapacity(text.count / 2)
        tokenStarts.reserveCapacity(encoding.expectedTokenCount + 1)
        var lineStart = 0
        var lineNumber = 0
        while lineStart < text.count {
            lineNumber += 1
            var lineEnd = lineStart
            while lineEnd < text.count, text[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
            let line = UnsafeBufferPointer(rebasing: text[lineStart..<lineEnd])
            lineStart = lineEnd + 1
            if line.isEmpty { continue }
            func malformed(_ reason: String) -> TokenizerError {
                .rankFileMalformed(encoding: encoding, path: path, line: lineNumber, reason: reason)
            }
            guard let space = line.firstIndex(of: UInt8(ascii: " ")) else {
                throw malformed("no space between token and rank")
            }
            guard Base64.decode(UnsafeBufferPointer(rebasing: line[..<space]), appendingTo: &tokenBytes) else {
                throw malformed("the token is not standard base64")
            }
            var rank = 0
            let digits = line[(space + 1)...]
            guard !digits.isEmpty, digits.count < 10 else { throw malformed("the rank is not a number") }
            for digit in digits {
                guard digit >= UInt8(ascii: "0"), digit <= UInt8(ascii: "9") else {
                    throw malformed("the rank is not a number")
                }
                rank = rank * 10 + Int(digit - UInt8(ascii: "0"))
            }
            guard rank == tokenStarts.count - 1 else {
                throw malformed(
                    "rank \(rank) where \(tokenStarts.count - 1) was expected; ranks must be 0, 1, 2… in order")
            }
            tokenStarts.append(Int32(tokenBytes.count))
        }
    }
}
