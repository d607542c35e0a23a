/// tiktoken's `byte_pair_merge` (`src/lib.rs`): start from single bytes and repeatedly merge the
/// adjacent pair whose joined bytes have the lowest rank, the leftmost on a tie, until no
/// adjacent pair is a token.
///
/// Short pieces use tiktoken's own O(parts × merges) scan over a buffer reused across pieces.
/// Long ones (a run of CJK or Thai letters, a base64 blob, a line of `=`) would make that scan
/// quadratic, so they use a min-heap of (rank, position) over a linked list of parts: it picks
/// the same pair at every step, because a pair's position is unique and orders ties leftmost.
struct BytePairMerger {
    /// Pieces longer than this many bytes are merged with the heap.
    static let heapThreshold = 96

    private struct Part {
        /// Byte offset of the part in the piece.
        var start: Int
        /// Rank of this part joined with the next one, `UInt32.max` when that is not a token.
        var pairRank: UInt32
        /// The part's own token id.
        var token: UInt32
    }

    private var parts: [Part] = []
    /// Made on the first long piece only: most texts have none, and counting many short strings
    /// (a training file's roles and names) should not pay for it.
    private var heap: MergeHeap?

    /// Calls `emit` with the token ids of a piece of at least two bytes that is not itself a token.
    @inline(__always)
    mutating func merge(
        _ piece: UnsafePointer<UInt8>, count: Int, ranks: RankTable, byteTokens: [UInt32],
        emit: (UInt32) -> Void
    ) {
        if count > Self.heapThreshold {
            let heap = self.heap ?? MergeHeap()
            self.heap = heap
            heap.merge(piece, count: count, ranks: ranks, byteTokens: byteTokens, emit: emit)
            return
        }
        if parts.count < count + 1 {
            let blank = Part(start: 0, pairRank: 0, token: 0)
            parts.append(contentsOf: repeatElement(blank, count: count + 1 - parts.count))
        }
        parts.withUnsafeMutableBufferPointer { parts in
            var minRank = UInt32.max
            var minIndex = 0
            for index in 0..<(count - 1) {
                let rank = ranks.pairRank(piece[index], piece[index + 1])
                if rank < minRank {
                    minRank = rank
                    minIndex = index
                }
                parts[index] = Part(start: index, pairRank: rank, token: byteTokens[Int(piece[index])])
            }
            parts[count - 1] = Part(start: count - 1, pairRank: .max, token: byteTokens[Int(piece[count - 1])])
            parts[count] = Part(start: count, pairRank: .max, token: .max)
            var partCount = count + 1

            /// The rank of part `index` joined with the part after the one being removed: taken
            /// before `parts[index + 1]` is deleted, hence `index + 3`, as tiktoken does.
            func pairRank(ofPartAt index: Int) -> UInt32 {
                guard index + 3 < partCount else { return .max }
                let start = parts[index].start
                return ranks.rank(of: piece + start, count: parts[index + 3].start - start) ?? .max
            }

            while minRank != .max {
                let index = minIndex
                parts[index].token = minRank
                if index > 0 { parts[index - 1].pairRank = pairRank(ofPartAt: index - 1) }
                parts[index].pairRank = pairRank(ofPartAt: index)
                for moved in (index + 1)..<(partCount - 1) { parts[moved] = parts[moved + 1] }
                partCount -= 1

                minRank = .max
                for candidate in 0..<(partCount - 1) where parts[candidate].pairRank < minRank {
                    minRank = parts[candidate].pairRank
                    minIndex = candidate
                }
            }
            for index in 0..<(partCount - 1) {
                emit(parts[index].token)
            }
        }
    }
}
