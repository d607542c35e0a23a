import Foundation

/// The mergeable ranks of an encoding: token bytes → rank, and rank → token bytes.
///
/// An open-addressing table over one contiguous byte buffer, because the merge loop looks up
/// millions of short byte slices and a `Dictionary<[UInt8], …>` would allocate an array per
/// lookup; two-byte slices, the most frequent, are a direct 65,536-entry index. Ranks are the
/// token ids (tiktoken's files are 0-based and contiguous). Immutable after `init`, hence
/// `@unchecked Sendable`; the buffers are freed in `deinit`.
final class RankTable: @unchecked Sendable {
    let count: Int
    /// Every token's bytes, concatenated in rank order.
    private let tokenBytes: UnsafeMutableBufferPointer<UInt8>
    /// `tokenStarts[rank] ..< tokenStarts[rank + 1]` is that token's slice of `tokenBytes`.
    private let tokenStarts: UnsafeMutableBufferPointer<Int32>
    /// Slot → rank + 1, 0 for empty; the capacity is a power of two at least twice the count.
    private let slots: UnsafeMutableBufferPointer<UInt32>
    private let slotMask: Int
    /// `firstByte << 8 | secondByte` → rank of that two-byte token, `UInt32.max` when none.
    private let pairs: UnsafeMutableBufferPointer<UInt32>

    /// Takes tokens concatenated in rank order, `starts` holding `count + 1` offsets.
    init(tokenBytes bytes: [UInt8], tokenStarts starts: [Int32]) {
        count = starts.count - 1
        tokenBytes = .allocate(capacity: max(bytes.count, 1))
        _ = tokenBytes.initialize(from: bytes)
        tokenStarts = .allocate(capacity: starts.count)
        _ = tokenStarts.initialize(from: starts)
        var capacity = 1
        while capacity < 2 * max(count, 1) { capacity <<= 1 }
        slots = .allocate(capacity: capacity)
        slots.initialize(repeating: 0)
        slotMask = capacity - 1
        pairs = .allocate(capacity: 1 << 16)
        pairs.initialize(repeating: .max)

        for id in 0..<count {
            let start = Int(tokenStarts[id])
            let length = Int(tokenStarts[id + 1]) - start
            let token = UnsafePointer(tokenBytes.baseAddress.unsafelyUnwrapped + start)
            // A duplicate token keeps its first rank; the files have none, and loading checks
            // the count, so a different vocabulary cannot slip through this way.
            guard rank(of: token, count: length) == nil else { continue }
            var slot = Self.hash(token, length) & slotMask
            while slots[slot] != 0 { slot = (slot + 1) & slotMask }
            slots[slot] = UInt32(id + 1)
            if length == 2 { pairs[Int(token[0]) << 8 | Int(token[1])] = UInt32(id) }
        }
    }

    deinit {
        tokenBytes.deallocate()
        tokenStarts.deallocate()
        slots.deallocate()
        pairs.deallocate()
    }

    /// The rank of a byte slice, or nil when it is not a token.
    @inline(__always)
    func rank(of bytes: UnsafePointer<UInt8>, count length: Int) -> UInt32? {
        var slot = Self.hash(bytes, length) & slotMask
        while true {
            let entry = slots[slot]
            if entry == 0 { return nil }
            if hasBytes(rank: Int(entry - 1), bytes, length) { return entry - 1 }
            slot = (slot + 1) & slotMask
        }
    }

    /// The rank of a two-byte slice, `UInt32.max` when it is not a token.
    @inline(__always)
    func pairRank(_ first: UInt8, _ second: UInt8) -> UInt32 {
        pairs[Int(first) << 8 | Int(second)]
    }

    /// The bytes of a token, or nil for an id outside the table.
    func bytes(ofRank rank: Int) -> UnsafeBufferPointer<UInt8>? {
        guard rank >= 0, rank < count else { return nil }
        let start = Int(tokenStarts[rank])
        return UnsafeBufferPointer(rebasing: tokenBytes[start..<Int(tokenStarts[rank + 1])])
    }

    @inline(__always)
    private func hasBytes(rank: Int, _ bytes: UnsafePointer<UInt8>, _ length: Int) -> Bool {
        let start = Int(tokenStarts[rank])
        guard Int(tokenStarts[rank + 1]) - start == length else { return false }
        let stored = tokenBytes.baseAddress.unsafelyUnwrapped + start
        if length > 16 { return memcmp(stored, bytes, length) == 0 }
        for index in 0..<length where stored[index] != bytes[index] { return false }
        return true
    }

    /// A multiply-xorshift hash over 8-byte words; tokens are short, so one or two rounds.
    @inline(__always)
    private static func hash(_ bytes: UnsafePointer<UInt8>, _ length: Int) -> Int {
        let raw = UnsafeRawPointer(bytes)
        var hash = UInt64(truncatingIfNeeded: length) &* 0x9E37_79B9_7F4A_7C15
        var offset = 0
        while offset + 8 <= length {
            hash = (hash ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9
            hash ^= hash >> 31
            offset += 8
        }
        if offset < length {
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while offset < length {
                tail |= UInt64(bytes[offset]) << shift
                shift += 8
                offset += 1
            }
            hash = (hash ^ tail) &* 0x94D0_49BB_1331_11EB
        }
        hash ^= hash >> 32
        return Int(truncatingIfNeeded: hash)
    }
}
