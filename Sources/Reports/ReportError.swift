import DistillCore

/// Why a report value could not be assembled from the store and the catalog.
///
/// Each case says what is missing in the data or the inputs; which command-line flag supplies it
/// is the executable's business (`distill-roi`'s error messages add it).
package enum ReportError: Error, Sendable, Equatable {
    /// The store holds no usage at all.
    case noUsage
    /// The period holds no request (with the tag filters applied); `data` is the store's span.
    case emptyPeriod(label: String, period: DayRange, data: DayRange)
    /// The tag filters match no request anywhere in the store.
    case tagsMatchNothing(filters: [KeyValuePair])
    /// A model given as teacher or student has no traffic and no job in the store: likely a typo.
    case unknownModel(role: String, name: String, closest: [String])
    /// No teacher was named, and none can be inferred from the data.
    case teacherUnknown
    /// The estimate's daily volume is zero.
    case noDailyVolume
    /// The estimate has no candidate student.
    case noCandidates
    /// The estimate has no training-file figures.
    case noTrainingFigures
    /// The teacher has no price, so no saving can be computed.
    case teacherUnpriced(reason: String)
    /// A line of a one-time costs file cannot be counted (no exchange rate for its currency and day).
    case oneTimeCostUnusable(label: String, reason: String)
}

extension ReportError: CustomStringConvertible {
    package var description: String {
        switch self {
        case .noUsage: "the database holds no usage yet"
        case .emptyPeriod(let label, let period, let data):
            "\(label) (\(period)) holds no requests; the data runs from \(data.start) to \(data.end.adding(days: -1))"
        case .tagsMatchNothing(let filters):
            "no request in the database is tagged \(filters.map(\.description).joined(separator: " and "))"
        case .unknownModel(let role, let name, let closest):
            "the \(role) \(name) has no traffic in the database"
                + (closest.isEmpty ? "" : "; closest model names: \(closest.joined(separator: ", "))")
        case .teacherUnknown: "cannot tell which model is the teacher"
        case .noDailyVolume: "the estimate needs a daily volume of at least one request"
        case .noCandidates: "the estimate needs at least one candidate student"
        case .noTrainingFigures: "the estimate needs the training file's figures"
        case .teacherUnpriced(let reason): "the teacher cannot be priced, so nothing can be compared: \(reason)"
        case .oneTimeCostUnusable(let label, let reason):
            "the one-time cost \"\(label)\" cannot be counted in USD: \(reason)"
        }
    }
}
