/// Byte-pair merging of a long piece in O(merges × log parts), choosing exactly the pairs
/// tiktoken's linear scan chooses.
///
/// Parts are a doubly linked list indexed by their first byte's offset. The heap holds
/// `rank << 32 | offset`, so its minimum is the lowest rank and, among equal ranks, the leftmost
/// pair. Entries go stale when a neighbour merges; an entry is still current exactly when its part
/// is alive and still has that pair rank, since a rank names one byte string and the offset fixes
/// where it lies. The buffers are raw and reused across pieces (freed in `deinit`): array
/// uniqueness checks on every heap swap cost more than the merging itself.
final class MergeHeap {
    private var capacity = 0
    private var next: UnsafeMutablePointer<Int32>
    private var previous: UnsafeMutablePointer<Int32>
    /// Rank of the part joined with the next one, `UInt32.max` when that is not a token or the
    /// part was absorbed by its left neighbour.
    private var pairRank: UnsafeMutablePointer<UInt32>
    private var token: UnsafeMutablePointer<UInt32>
    private var heap: UnsafeMutablePointer<UInt64>
    private var heapCount = 0

    init() {
        next = .allocate(capacity: 0)
        previous = .allocate(capacity: 0)
        pairRank = .allocate(capacity: 0)
        token = .allocate(capacity: 0)
        heap = .allocate(capacity: 0)
    }

    deinit { deallocate() }

    private func deallocate() {
        next.deallocate()
        previous.deallocate()
        pairRank.deallocate()
        token.deallocate()
        heap.deallocate()
    }

    private func reserve(_ count: Int) {
        guard count > capacity else { return }
        deallocate()
        capacity = max(count, 2 * capacity)
        next = .allocate(capacity: capacity)
        previous = .allocate(capacity: capacity)
        pairRank = .allocate(capacity: capacity)
        token = .allocate(capacity: capacity)
        // Each merge pushes at most two entries on top of the initial count - 1.
        heap = .allocate(capacity: 3 * capacity)
    }

    func merge(
        _ piece: UnsafePointer<UInt8>, count: Int, ranks: RankTable, byteTokens: [UInt32],
        emit: (UInt32) -> Void
    ) {
        reserve(count)
        heapCount = 0
        for offset in 0..<count {
            next[offset] = Int32(offset + 1)
            previous[offset] = Int32(offset - 1)
            token[offset] = byteTokens[Int(piece[offset])]
            pairRank[offset] = offset + 1 < count ? ranks.pairRank(piece[offset], piece[offset + 1]) : .max
            push(offset)
        }

        while heapCount > 0 {
            let entry = popMin()
            let offset = Int(entry & 0xFFFF_FFFF)
            let rank = UInt32(entry >> 32)
            guard pairRank[offset] == rank else { continue }
            let absorbed = Int(next[offset])
            let after = Int(next[absorbed])
            pairRank[absorbed] = .max
            next[offset] = Int32(after)
            if after < count { previous[after] = Int32(offset) }
            token[offset] = rank
            pairRank[offset] = after < count ? joinedRank(from: offset, to: Int(next[after]), piece, ranks) : .max
            push(offset)
            let before = Int(previous[offset])
            if before >= 0 {
                pairRank[before] = joinedRank(from: before, to: after, piece, ranks)
                push(before)
            }
        }

        var offset = 0
        while offset < count {
            emit(token[offset])
            offset = Int(next[offset])
        }
    }

    @inline(__always)
    private func joinedRank(from start: Int, to end: Int, _ piece: UnsafePointer<UInt8>, _ ranks: RankTable) -> UInt32 {
        ranks.rank(of: piece + start, count: end - start) ?? .max
    }

    @inline(__always)
    private func push(_ offset: Int) {
        guard pairRank[offset] != .max else { return }
        let entry = UInt64(pairRank[offset]) << 32 | UInt64(offset)
        var child = heapCount
        heapCount += 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard entry < heap[parent] else { break }
            heap[child] = heap[parent]
            child = parent
        }
        heap[child] = entry
    }

    @inline(__always)
    private func popMin() -> UInt64 {
        let minimum = heap[0]
        heapCount -= 1
        let last = heap[heapCount]
        var parent = 0
        while true {
            let left = 2 * parent + 1
            guard left < heapCount else { break }
            let right = left + 1
            let smaller = right < heapCount && heap[right] < heap[left] ? right : left
            guard heap[smaller] < last else { break }
            heap[parent] = heap[smaller]
            parent = smaller
        }
        heap[parent] = last
        return minimum
    }
}
