/// A calendar month (`2026-11`), the period of the finance report.
public struct CalendarMonth: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int

    public init(containing date: UTCDate) {
        self.year = date.year
        self.month = date.month
    }

    /// Parses `YYYY-MM`.
    public init?(_ text: some StringProtocol) {
        guard text.count == 7, let first = UTCDate(iso: text + "-01") else { return nil }
        self.init(containing: first)
    }

    public var days: DayRange { DayRange(monthOf: UTCDate(year: year, month: month, day: 1)!) }

    public var description: String { "\(UTCDate.pad(year, 4))-\(UTCDate.pad(month, 2))" }

    public static func < (lhs: CalendarMonth, rhs: CalendarMonth) -> Bool {
        (lhs.year, lhs.month) < (rhs.year, rhs.month)
    }
}
