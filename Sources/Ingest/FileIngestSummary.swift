import DistillCore
import Store

/// What ingesting one file did: the format recognised, rows per table and model, the time span,
/// and the records skipped.
public struct FileIngestSummary: Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var kind: FileKind
    /// The recognised format in words, e.g. "JSON Lines of chat.completion objects".
    public var format: String
    public var source: String
    public var rows: [RowCounts]
    /// Earliest and latest record time (Unix seconds), when the records have times.
    public var firstTime: Int64?
    public var lastTime: Int64?
    /// Invalid records left out (only with `skipInvalid`).
    public var skipped: Int
    /// The first few invalid records' diagnostics.
    public var problems: [IngestDiagnostic]
    /// Records that are not model calls and were passed over (OTel spans without GenAI attributes,
    /// tracing-export rows with neither model nor tokens).
    public var ignored: Int

    /// Write outcomes for one table and model (or line item, for billed costs).
    public struct RowCounts: Sendable, Equatable {
        public var table: String
        public var model: String
        public var counts: WriteCounts
    }

    public var totals: WriteCounts { rows.reduce(WriteCounts()) { $0 + $1.counts } }

    public var description: String {
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
        if ignored > 0 { lines.append("  \(ignored) records ignored (spans that are not model calls)") }
        if skipped > 0 {
            lines.append("  \(skipped) invalid \(skipped == 1 ? "record" : "records") skipped:")
            lines += problems.map { "    \($0)" }
            if skipped > problems.count { lines.append("    ... and \(skipped - problems.count) more") }
        }
        return lines.joined(separator: "\n")
    }
}

/// Progress of a running ingest, for a progress line.
public struct FileIngestProgress: Sendable {
    public var path: String
    public var records: Int
    public var bytesRead: Int64
    public var elapsedSeconds: Double
}
