import DistillCore
import Store

/// What ingesting one file did: the format recognised, rows per table and model, the time span,
/// and the records skipped.
package struct FileIngestSummary: Sendable, Equatable, CustomStringConvertible {
    package var path: String
    package var kind: FileKind
    /// The recognised format in words, e.g. "JSON Lines of chat.completion objects".
    package var format: String
    package var source: String
    package var rows: [RowCounts]
    /// Earliest and latest record time (Unix seconds), when the records have times.
    package var firstTime: Int64?
    package var lastTime: Int64?
    /// Invalid records left out (only with `skipInvalid`).
    package var skipped: Int
    /// The first few invalid records' diagnostics.
    package var problems: [Diagnostic]
    /// Records that are not model calls and were passed over (OTel spans without GenAI attributes,
    /// tracing-export rows with neither model nor tokens).
    package var ignored: Int
    /// Model calls stored with zero input and zero output tokens (or no token counts at all): a
    /// source that lost its usage, never to pass as free traffic without a word.
    package var zeroTokenCalls: Int = 0
    /// With `--batch-input`: how many lines got their request's messages, and what did not match.
    package var batchJoin: BatchJoin?

    /// Write outcomes for one table and model (or line item, for billed costs).
    package struct RowCounts: Sendable, Equatable {
        package var table: String
        package var model: String
        package var counts: WriteCounts
    }

    package var totals: WriteCounts { rows.reduce(WriteCounts()) { $0 + $1.counts } }

    package var description: String {
        var lines = ["\(path): \(kind.rawValue) (\(format))"]
        for row in rows {
            lines.append(
                "  \(row.table) \(row.model): \(row.counts.inserted) inserted, \(row.counts.updated) updated, "
                    + "\(row.counts.unchanged) unchanged")
        }
        if rows.isEmpty { lines.append("  no records") }
        if let firstTime, let lastTime {
            lines.append("  from \(Timestamp.iso8601(firstTime)) to \(Timestamp.iso8601(lastTime))")
        }
        if let batchJoin { lines.append(batchJoin.description) }
        if ignored > 0 {
            lines.append("  \(ignored) records ignored (spans and observations that are not model calls)")
        }
        if zeroTokenCalls > 0 {
            lines.append(
                "  warning: \(zeroTokenCalls) model \(zeroTokenCalls == 1 ? "call has" : "calls have") 0 input and "
                    + "0 output tokens: the source lost their usage, or --map is missing the token columns")
        }
        if skipped > 0 {
            lines.append("  \(skipped) invalid \(skipped == 1 ? "record" : "records") skipped:")
            lines += problems.map { "    \($0)" }
            if skipped > problems.count { lines.append("    ... and \(skipped - problems.count) more") }
        }
        return lines.joined(separator: "\n")
    }
}

/// Progress of a running ingest, for a progress line.
package struct FileIngestProgress: Sendable {
    package var path: String
    package var records: Int
    package var bytesRead: Int64
    package var elapsedSeconds: Double
}
