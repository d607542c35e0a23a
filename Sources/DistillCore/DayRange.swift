/// Whole UTC days from `start` up to but not including `end`: a week is Monday..<next Monday.
public struct DayRange: Sendable, Hashable, CustomStringConvertible {
    public let start: UTCDate
    public let end: UTCDate

    public init(start: UTCDate, end: UTCDate) {
        self.start = start
        self.end = max(start, end)
    }

    public init(week: ISOWeek) {
        self.init(start: week.monday, end: week.monday.adding(days: 7))
    }

    /// The calendar month containing `date`.
    public init(monthOf date: UTCDate) {
        let first = UTCDate(year: date.year, month: date.month, day: 1)!
        self.init(start: first, end: first.adding(days: UTCDate.daysInMonth(year: date.year, month: date.month)))
    }

    public var dayCount: Int { end.daysSinceEpoch - start.daysSinceEpoch }
    public var days: [UTCDate] { (0..<dayCount).map { start.adding(days: $0) } }
    public var startSeconds: Int64 { start.unixSeconds }
    public var endSeconds: Int64 { end.unixSeconds }

    public func contains(_ date: UTCDate) -> Bool { date >= start && date < end }

    /// `2026-11-23 – 2026-11-29` (the last day included).
    public var description: String { "\(start) – \(end.adding(days: -1))" }
}
