import DistillCore

/// The days a weekly report covers: an ISO week, a run of whole days, or the latest week with data.
package enum ReportPeriod: Sendable, Equatable {
    case latestWeek
    case week(ISOWeek)
    /// From `first` to `last`, both included.
    case days(first: UTCDate, last: UTCDate)

    /// The half-open day range and the label the report shows, given the store's usage span.
    func resolved(history: DayRange) -> (range: DayRange, label: String) {
        switch self {
        case .latestWeek:
            let week = ISOWeek(containing: history.end.adding(days: -1))
            return (DayRange(week: week), week.description)
        case .week(let week):
            return (DayRange(week: week), week.description)
        case .days(let first, let last):
            return (DayRange(start: first, end: last.adding(days: 1)), "\(first)..\(last)")
        }
    }
}
