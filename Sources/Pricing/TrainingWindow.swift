import DistillCore

/// A dated step in a provider's fine-tuning availability (top-level `training_windows:`): from
/// `from` on, no new fine-tuning jobs for `closedTo`. OpenAI's self-serve wind-down closed it in
/// three steps (2026-05-07, 2026-07-02, 2027-01-06); the estimate asks whether a candidate
/// student can still be trained.
public struct TrainingWindow: Hashable, Sendable {
    public let provider: String
    public let from: UTCDate
    /// Who can no longer start jobs; nil means everyone.
    public let closedTo: String?
    public let source: String
    public let location: SourceLocation
}

/// Whether a base model can be fine-tuned on a day, and why not.
public enum TrainingAvailability: Hashable, Sendable {
    /// Anyone can start a job (a training price is in force and no window closes it).
    case available
    /// Some organizations can: each string names who cannot, with its date and source.
    case restricted(excluded: [String])
    /// No one can; the reason says why (no training price, shut down, closed to everyone).
    case unavailable(reason: String)
}
