/// Exact token counts and ids for o200k_base and cl100k_base, equal to tiktoken's
/// `encode_ordinary` (no special tokens, no normalisation).
///
/// Text is split into pieces by the encoding's pattern, each piece is looked up whole, and a
/// piece that is not a token is merged byte by byte as tiktoken's `byte_pair_merge` does. Loading
/// reads the rank file from the tokenizer data folder and never touches the network.
package struct BPETokenizer: Sendable {
    package let encoding: TokenEncoding
    private let ranks: RankTable
    /// The token id of each single byte; every byte is a token in both encodings, and loading
    /// checks it, so merging never meets a byte it cannot name.
    private let byteTokens: [UInt32]

    /// Loads the encoding's rank file from the data folder.
    package init(encoding: TokenEncoding, dataDirectory: TokenizerDataDirectory) throws {
        try self.init(encoding: encoding, rankFilePath: dataDirectory.rankFilePath(for: encoding))
    }

    /// Loads the encoding from a rank file in tiktoken's format.
    package init(encoding: TokenEncoding, rankFilePath: String) throws {
        let ranks = try RankTable.load(encoding, from: rankFilePath)
        var byteTokens = [UInt32](repeating: 0, count: 256)
        for byte in 0...255 {
            let token = withUnsafePointer(to: UInt8(byte)) { ranks.rank(of: $0, count: 1) }
            guard let token else {
                throw TokenizerError.rankFileLacksByte(encoding: encoding, path: rankFilePath, byte: UInt8(byte))
            }
            byteTokens[byte] = token
        }
        self.encoding = encoding
        self.ranks = ranks
        self.byteTokens = byteTokens
    }

    /// The token ids of `text`.
    package func encode(_ text: String) -> [Int] {
        var ids: [Int] = []
        ids.reserveCapacity(text.utf8.count / 3)
        forEachToken(in: text) { ids.append(Int($0)) }
        return ids
    }

    /// The number of tokens in `text`, without materialising the ids.
    package func count(_ text: String) -> Int {
        var count = 0
        forEachToken(in: text) { _ in count += 1 }
        return count
    }

    /// The token ids of raw bytes; invalid UTF-8 is first replaced as described at
    /// ``text(decodingBytes:)``.
    package func encode(bytes: some Sequence<UInt8>) -> [Int] {
        encode(Self.text(decodingBytes: bytes))
    }

    /// The number of tokens in raw bytes; invalid UTF-8 is replaced as for ``encode(bytes:)``.
    package func count(bytes: some Sequence<UInt8>) -> Int {
        count(Self.text(decodingBytes: bytes))
    }

    /// The bytes a list of ids stands for: the inverse of ``encode(_:)`` for valid UTF-8.
    package func decode(_ ids: [Int]) throws -> [UInt8] {
        var bytes: [UInt8] = []
        for id in ids {
            guard let token = ranks.bytes(ofRank: id) else {
                throw TokenizerError.unknownTokenID(id, encoding: encoding)
            }
            bytes.append(contentsOf: token)
        }
        return bytes
    }

    /// Raw bytes as text: each maximal invalid UTF-8 subpart becomes one U+FFFD.
    ///
    /// tiktoken encodes `str`, so a byte string has to become text first; this is Python's
    /// `bytes.decode("utf-8", errors="replace")` (the Unicode Standard's "maximal subparts"
    /// practice, which Swift's decoder follows too), so our count for any file equals
    /// `len(enc.encode_ordinary(data.decode("utf-8", "replace")))`. Valid UTF-8 passes unchanged.
    package static func text(decodingBytes bytes: some Sequence<UInt8>) -> String {
        String(decoding: Array(bytes), as: UTF8.self)
    }

    private func forEachToken(in text: String, _ emit: (UInt32) -> Void) {
        var text = text
        ScalarClass.table.withUnsafeBufferPointer { classTable in
            text.withUTF8 { buffer in
                guard buffer.count > 0, let base = buffer.baseAddress else { return }
                encodePieces(UTF8Text(bytes: buffer, classTable: classTable), base: base, emit)
            }
        }
    }

    @inline(__always)
    private func encodePieces(_ utf8: UTF8Text, base: UnsafePointer<UInt8>, _ emit: (UInt32) -> Void) {
        let pretokenizer = encoding.pretokenizer
        var merger = BytePairMerger()
        var start = 0
        while start < utf8.count {
            let end = pretokenizer.pieceEnd(in: utf8, from: start)
            let length = end - start
            if let token = ranks.rank(of: base + start, count: length) {
                emit(token)
            } else if length == 1 {
                emit(byteTokens[Int(base[start])])
            } else {
                merger.merge(base + start, count: length, ranks: ranks, byteTokens: byteTokens, emit: emit)
            }
            start = end
        }
    }
}
