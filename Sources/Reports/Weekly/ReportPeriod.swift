import DistillCore

/// The days a weekly report covers: an ISO week, a run of whole days, or a week chosen from the
/// data and today's date.
package enum ReportPeriod: Sendable, Equatable {
    /// The default, made for a weekly cron job: the latest week with data, but never the week
    /// still under way while an earlier week has data (a Monday run reports the week just ended).
    case latestWeek
    /// `--week last`: the ISO week before the one holding today, whatever the data holds.
    case lastCompleteWeek
    case week(ISOWeek)
    /// From `first` to `last`, both included.
    case days(first: UTCDate, last: UTCDate)

    /// The half-open day range and the label the report shows, given the store's usage span and
    /// today's date.
    func resolved(history: DayRange, today: UTCDate) -> (range: DayRange, label: String) {
        switch self {
        case .latestWeek:
            let current = ISOWeek(containing: today)
            var week = ISOWeek(containing: history.end.adding(days: -1))
            if week >= current, history.start < current.monday { week = current.previous }
            return (DayRange(week: week), week.description)
        case .lastCompleteWeek:
            let week = ISOWeek(containing: today).previous
            return (DayRange(week: week), week.description)
        case .week(let week):
            return (DayRange(week: week), week.description)
        case .days(let first, let last):
            return (DayRange(start: first, end: last.adding(days: 1)), "\(first)..\(last)")
        }
    }
}
