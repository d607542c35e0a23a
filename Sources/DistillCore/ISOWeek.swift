/// An ISO 8601 week (`2026-W48`): Monday to Sunday, week 1 holds the year's first Thursday.
public struct ISOWeek: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let week: Int

    public init?(year: Int, week: Int) {
        guard week >= 1, week <= ISOWeek.weeksIn(year: year) else { return nil }
        self.year = year
        self.week = week
    }

    /// The week containing a day.
    public init(containing date: UTCDate) {
        let thursday = date.adding(days: 4 - date.isoWeekday)
        let firstOfYear = UTCDate(year: thursday.year, month: 1, day: 1)!
        self.year = thursday.year
        self.week = (thursday.daysSinceEpoch - firstOfYear.daysSinceEpoch) / 7 + 1
    }

    /// Parses `YYYY-Www`.
    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 3, parts[1].first == "W",
            let year = Int(parts[0]), let week = Int(parts[1].dropFirst())
        else { return nil }
        self.init(year: year, week: week)
    }

    /// The Monday that starts this week.
    public var monday: UTCDate {
        let january4 = UTCDate(year: year, month: 1, day: 4)!
        return january4.adding(days: 1 - january4.isoWeekday + (week - 1) * 7)
    }

    public var sunday: UTCDate { monday.adding(days: 6) }

    public var previous: ISOWeek { ISOWeek(containing: monday.adding(days: -7)) }

    public var description: String { "\(UTCDate.pad(year, 4))-W\(UTCDate.pad(week, 2))" }

    public static func < (lhs: ISOWeek, rhs: ISOWeek) -> Bool { lhs.monday < rhs.monday }

    /// 53 when 1 January or 31 December is a Thursday, 52 otherwise.
    public static func weeksIn(year: Int) -> Int {
        let first = UTCDate(year: year, month: 1, day: 1)!.isoWeekday
        let last = UTCDate(year: year, month: 12, day: 31)!.isoWeekday
        return first == 4 || last == 4 ? 53 : 52
    }
}
