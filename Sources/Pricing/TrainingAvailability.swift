import DistillCore

/// A dated change in who may start fine-tuning jobs on a provider (OpenAI's wind-down of
/// self-serve fine-tuning: first some organizations, then everyone). A file's rules apply to every
/// model of that file that has a training price.
public struct TrainingAvailabilityRule: Sendable {
    public enum Accepts: String, Sendable {
        /// Some organizations may still start jobs, others may not: `note` says which.
        case some
        /// No new jobs for anyone.
        case none
    }

    public let effectiveFrom: UTCDate
    public let accepts: Accepts
    /// Who is excluded, in the provider's words.
    public let note: String
    public let source: String
    public let asOf: String
    public let location: SourceLocation
}

/// Whether a model can be fine-tuned on a day, and if not (or not for everyone) why, with dates.
public enum TrainingAvailability: Sendable, Equatable {
    case open
    /// Jobs are accepted, but not for every organization: each reason starts with its date.
    case restricted([String])
    /// No new jobs since the date; the reason says why and cites the source.
    case closed(since: UTCDate, reason: String)

    public var isOpen: Bool {
        if case .closed = self { return false }
        return true
    }
}
