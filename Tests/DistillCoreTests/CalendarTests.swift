import DistillCore
import Testing

@Suite struct CalendarTests {
    @Test(arguments: [
        // (unix seconds, date): 1970-01-01 is day 0; 2024-02-29 is a leap day; before 1970 floors.
        (Int64(0), "1970-01-01"), (Int64(1_709_164_800), "2024-02-29"), (Int64(-1), "1969-12-31"),
        (Int64(1_795_910_400), "2026-11-29"),
    ])
    func daysFromUnixSeconds(seconds: Int64, expected: String) {
        #expect(UTCDate(unixSeconds: seconds).description == expected)
    }

    @Test func roundTripsEveryDayOfFourHundredYears() {
        for day in stride(from: -200_000, to: 200_000, by: 37) {
            let date = UTCDate(daysSinceEpoch: day)
            #expect(date.daysSinceEpoch == day)
            #expect(UTCDate(iso: date.description) == date)
        }
    }

    @Test(arguments: [
        // ISO weeks worked out from a calendar: 2026-11-23 is a Monday in week 48; 2021-01-03 is a
        // Sunday still in 2020-W53; 2024-12-30 is a Monday in 2025-W01.
        ("2026-11-23", "2026-W48"), ("2026-11-29", "2026-W48"), ("2021-01-03", "2020-W53"),
        ("2024-12-30", "2025-W01"),
    ])
    func isoWeeks(date: String, week: String) throws {
        let day = try #require(UTCDate(iso: date))
        #expect(ISOWeek(containing: day).description == week)
        #expect(ISOWeek(week) == ISOWeek(containing: day))
    }

    @Test func weekStartsOnMonday() throws {
        let week = try #require(ISOWeek("2026-W48"))
        #expect(week.monday.description == "2026-11-23")
        #expect(week.sunday.description == "2026-11-29")
        #expect(week.previous.description == "2026-W47")
        #expect(ISOWeek("2026-W54") == nil)
    }

    @Test(arguments: [
        ("2026-11-23T14:05:09Z", Int64(1_795_442_709)),
        ("2026-11-23 14:05:09.250+01:00", Int64(1_795_439_109)),
        ("2026-11-23T14:05:09", Int64(1_795_442_709)),
        ("2026-11-23", Int64(1_795_392_000)),
    ])
    func parsesTimestamps(text: String, expected: Int64) {
        #expect(Timestamp.parse(text) == expected)
    }

    @Test(arguments: ["", "2026-13-01", "2026-11-23T25:00:00Z", "2026-11-23T14:05:09Q", "yesterday"])
    func rejectsMalformedTimestamps(text: String) {
        #expect(Timestamp.parse(text) == nil)
    }

    @Test func printsISO8601() {
        #expect(Timestamp.iso8601(1_795_442_709) == "2026-11-23T14:05:09Z")
    }
}
