import DistillCore
import Store

/// The failed lines of a batch results file, held back until the file's end.
///
/// A failed line names neither a model nor a time, so it takes those of the file's successful lines
/// (a batch runs one model; its latest time), or `unknown` and the file's modification time when
/// every line failed. Each is one request with status `failed`, `failed_count` 1 and zero tokens:
/// counted, never usage.
struct FailedBatchRequests {
    /// The model of failed lines when no line of the file succeeded.
    static let unknownModel = "unknown"

    private var keys: [String] = []
    private var batchModel: String?
    private var latestCreated: Int64?
    /// The file's modification time: the time of failed lines when no line succeeded, and of the
    /// readers' successful lines that carry no time of their own.
    let fallbackTime: Int64

    init(fallbackTime: Int64) {
        self.fallbackTime = fallbackTime
    }

    /// Notes a successful line's model and time, for the failed lines.
    mutating func succeeded(_ record: RequestRecord) {
        batchModel = record.model
        latestCreated = max(latestCreated ?? .min, record.createdAt)
    }

    mutating func failed(key: String) {
        keys.append(key)
    }

    /// Emits the failed lines, now that the batch's model and time are known.
    mutating func finish(emit: Emit) throws {
        for key in keys {
            try emit(
                .request(
                    RequestRecord(
                        key: key, model: batchModel ?? Self.unknownModel, createdAt: latestCreated ?? fallbackTime,
                        isBatch: true, requestCount: 1, failedCount: 1, tokens: .zero, status: "failed"),
                    content: nil))
        }
        keys.removeAll()
    }
}
