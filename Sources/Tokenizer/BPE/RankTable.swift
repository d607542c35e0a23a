import Foundation

/// The mergeable ranks of an encoding: token bytes → rank, and rank → token bytes.
///
/// An open-addressing table over one contiguous byte buffer, because the merge loop looks up
/// millions of short byte slices and a `Dictionary<[UInt8], …>` would allocate an array per
/// lookup. Ranks are the token ids (tiktoken's files are 0-based and contiguous).
struct RankTable: Sendable {
    /// Every token's bytes, concatenated in rank order.
    private let tokenBytes: [UInt8]
    /// `tokenStarts[rank] ..< tokenStarts[rank + 1]` is that token's slice of `tokenBytes`.
    private let tokenStarts: [Int32]
    /// Slot → rank + 1, 0 for empty; the capacity is a power of two at least twice the count.
    private let slots: [UInt32]
    private let slotMask: Int

    var count: Int { tokenStarts.count - 1 }

    /// Builds the table from tokens given in rank order.
    init(tokensInRankOrder tokens: [[UInt8]]) {
        var bytes: [UInt8] = []
        var starts: [Int32] = [0]
        starts.reserveCapacity(tokens.count + 1)
        for token in tokens {
            bytes.append(contentsOf: token)
            starts.append(Int32(bytes.count))
        }
        self.init(tokenBytes: bytes, tokenStarts: starts)
    }

    private init(tokenBytes: [UInt8], tokenStarts: [Int32]) {
        var capacity = 1
        while capacity < 2 * max(tokenStarts.count - 1, 1) { capacity <<= 1 }
        var slots = [UInt32](repeating: 0, count: capacity)
        let mask = capacity - 1
        tokenBytes.withUnsafeBufferPointer { all in
            for rank in 0..<(tokenStarts.count - 1) {
                let start = Int(tokenStarts[rank])
                let length = Int(tokenStarts[rank + 1]) - start
                var slot = Self.hash(all.baseAddress.map { $0 + start }, length) & mask
                while slots[slot] != 0 {
                    // A duplicate token keeps its first (lowest) rank, as tiktoken's dict load would
                    // keep the last; the files have none, and the count check catches a bad file.
                    if Self.equal(all, slots[slot] - 1, tokenStarts, all.baseAddress.map { $0 + start }, length) {
                        break
                    }
                    slot = (slot + 1) & mask
                }
                if slots[slot] == 0 { slots[slot] = UInt32(rank + 1) }
            }
        }
        self.tokenBytes = tokenBytes
        self.tokenStarts = tokenStarts
        self.slots = slots
        self.slotMask = mask
    }

    /// The rank of a byte slice, or nil when it is not a token.
    @inline(__always)
    func rank(of bytes: UnsafePointer<UInt8>, count length: Int) -> UInt32? {
        tokenBytes.withUnsafeBufferPointer { all in
            slots.withUnsafeBufferPointer { slots in
                var slot = Self.hash(bytes, length) & slotMask
                while true {
                    let entry = slots[slot]
                    if entry == 0 { return nil }
                    if Self.equal(all, entry - 1, tokenStarts, bytes, length) { return entry - 1 }
                    slot = (slot + 1) & slotMask
                }
            }
        }
    }

    /// The bytes of a token, or nil for an id outside the table.
    func bytes(ofRank rank: Int) -> ArraySlice<UInt8>? {
        guard rank >= 0, rank < count else { return nil }
        return tokenBytes[Int(tokenStarts[rank])..<Int(tokenStarts[rank + 1])]
    }

    /// FNV-1a over the bytes, mixed at the end so short keys spread over the low bits.
    @inline(__always)
    private static func hash(_ bytes: UnsafePointer<UInt8>?, _ length: Int) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        if let bytes {
            for index in 0..<length {
                hash = (hash ^ UInt64(bytes[index])) &* 0x100_0000_01b3
            }
        }
        hash ^= hash >> 29
        hash = hash &* 0xbf58_476d_1ce4_e5b9
        hash ^= hash >> 32
        return Int(truncatingIfNeeded: hash)
    }

    @inline(__always)
    private static func equal(
        _ all: UnsafeBufferPointer<UInt8>, _ rank: UInt32, _ starts: [Int32],
        _ bytes: UnsafePointer<UInt8>?, _ length: Int
    ) -> Bool {
        let start = Int(starts[Int(rank)])
        guard Int(starts[Int(rank) + 1]) - start == length else { return false }
        guard length > 0, let base = all.baseAddress, let bytes else { return length == 0 }
        return memcmp(base + start, bytes, length) == 0
    }
}
