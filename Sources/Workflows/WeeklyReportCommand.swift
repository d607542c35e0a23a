import Analytics
import DistillCore
import Foundation
import Reports
import Store

/// `distill-roi report weekly`: one report value, rendered in each requested format.
package enum WeeklyReportCommand {
    package struct Options: Sendable {
        package var databasePath: String
        package var week: String?
        package var from: String?
        package var to: String?
        package var teacher: String?
        package var student: String?
        package var tags: [String] = []
        package var breakdownKeys: [String] = []
        package var distillationTag = "purpose=distillation"
        package var marginPoints = 2.0
        package var output = ReportOutput()

        package init(databasePath: String) {
            self.databasePath = databasePath
        }
    }

    package static func run(_ options: Options) throws -> [String] {
        let database = try StoreFile.openExisting(options.databasePath)
        let report = try build(options, database: database)
        return try options.output.writer().write(report, formats: try options.output.parsedFormats())
    }

    static func build(_ options: Options, database: Database) throws -> WeeklyReport {
        let filters = try options.tags.map(parseTag)
        let (range, label) = try period(options, database: database)
        let catalog = try options.output.catalog()
        return try WeeklyReportBuilder(
            database: database, catalog: catalog,
            options: WeeklyReportOptions(
                range: range, label: label, teacher: options.teacher, student: options.student, filters: filters,
                distillationTag: try parseTag(options.distillationTag), breakdownKeys: options.breakdownKeys,
                marginPoints: options.marginPoints)
        ).build()
    }

    /// `--week`, or `--from`/`--to` (inclusive dates), or the latest ISO week with data.
    static func period(_ options: Options, database: Database) throws -> (DayRange, String) {
        if let week = options.week {
            guard let parsed = ISOWeek(week) else {
                throw ApplicationError("--week must be an ISO week like 2026-W48, not \"\(week)\".")
            }
            return (DayRange(week: parsed), parsed.description)
        }
        if options.from != nil || options.to != nil {
            guard let fromText = options.from, let toText = options.to, let from = UTCDate(iso: fromText),
                let to = UTCDate(iso: toText), from <= to
            else {
                throw ApplicationError("--from and --to must both be dates like 2026-11-01, with --from not after --to.")
            }
            return (DayRange(start: from, end: to.adding(days: 1)), "\(from)..\(to)")
        }
        guard let span = try UsageQuery(database: database).span() else {
            throw ApplicationError("the database holds no usage yet: ingest files or run `distill-roi demo` first.")
        }
        let week = ISOWeek(containing: span.end.adding(days: -1))
        return (DayRange(week: week), week.description)
    }

    static func parseTag(_ text: String) throws -> TagFilter {
        guard let filter = TagFilter(text) else {
            throw ApplicationError("a tag must be written key=value, not \"\(text)\".")
        }
        return filter
    }
}
