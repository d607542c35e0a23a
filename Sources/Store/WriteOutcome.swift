/// What writing one record did: UPSERT on natural keys makes a second write of the same row a no-op.
package enum WriteOutcome: Sendable, Equatable {
    case inserted, updated, unchanged
}

/// Counts of write outcomes, for summaries and the ingest log.
package struct WriteCounts: Sendable, Equatable {
    package var inserted = 0
    package var updated = 0
    package var unchanged = 0

    package init(inserted: Int = 0, updated: Int = 0, unchanged: Int = 0) {
        self.inserted = inserted
        self.updated = updated
        self.unchanged = unchanged
    }

    package mutating func record(_ outcome: WriteOutcome) {
        switch outcome {
        case .inserted: inserted += 1
        case .updated: updated += 1
        case .unchanged: unchanged += 1
        }
    }

    package static func + (lhs: WriteCounts, rhs: WriteCounts) -> WriteCounts {
        WriteCounts(
            inserted: lhs.inserted + rhs.inserted, updated: lhs.updated + rhs.updated,
            unchanged: lhs.unchanged + rhs.unchanged)
    }
}
