/// tiktoken's `byte_pair_merge` (`src/lib.rs`): start from single bytes and repeatedly merge the
/// adjacent pair whose joined bytes have the lowest rank, the leftmost on a tie, until no
/// adjacent pair is a token.
///
/// The same O(parts × merges) scan as tiktoken, over a buffer reused across pieces: pieces are a
/// few bytes long, where a heap loses to a linear scan.
struct BytePairMerger {
    private struct Part {
        /// Byte offset of the part in the piece.
        var start: Int
        /// Rank of this part joined with the next one, `UInt32.max` when that is not a token.
        var pairRank: UInt32
        /// The part's own token id.
        var token: UInt32
    }

    private var parts: [Part] = []

    init() {
        parts.reserveCapacity(64)
    }

    /// Calls `emit` with the token ids of a piece of at least two bytes that is not itself a token.
    @inline(__always)
    mutating func merge(
        _ piece: UnsafePointer<UInt8>, count: Int, ranks: RankTable, byteTokens: [UInt32],
        emit: (UInt32) -> Void
    ) {
        parts.removeAll(keepingCapacity: true)
        var minRank = UInt32.max
        var minIndex = 0
        for index in 0..<(count - 1) {
            let rank = ranks.rank(of: piece + index, count: 2) ?? .max
            if rank < minRank {
                minRank = rank
                minIndex = index
            }
            parts.append(Part(start: index, pairRank: rank, token: byteTokens[Int(piece[index])]))
        }
        parts.append(Part(start: count - 1, pairRank: .max, token: byteTokens[Int(piece[count - 1])]))
        parts.append(Part(start: count, pairRank: .max, token: .max))

        while minRank != .max {
            let index = minIndex
            parts[index].token = minRank
            if index > 0 {
                parts[index - 1].pairRank = pairRank(ofPartAt: index - 1, in: piece, ranks: ranks)
            }
            parts[index].pairRank = pairRank(ofPartAt: index, in: piece, ranks: ranks)
            parts.remove(at: index + 1)

            minRank = .max
            for candidate in 0..<(parts.count - 1) where parts[candidate].pairRank < minRank {
                minRank = parts[candidate].pairRank
                minIndex = candidate
            }
        }
        for index in 0..<(parts.count - 1) {
            emit(parts[index].token)
        }
    }

    /// The rank of part `index` joined with the part after the one being removed: called before
    /// `parts[index + 1]` is deleted, hence `index + 3` as tiktoken does.
    @inline(__always)
    private func pairRank(ofPartAt index: Int, in piece: UnsafePointer<UInt8>, ranks: RankTable) -> UInt32 {
        guard index + 3 < parts.count else { return .max }
        let start = parts[index].start
        return ranks.rank(of: piece + start, count: parts[index + 3].start - start) ?? .max
    }
}
