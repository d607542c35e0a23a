import Analytics
import DistillCore
import Foundation
import Reports
import Store

/// `distill-roi report finance`: the month by cost centre, computed beside billed.
package enum FinanceReportCommand {
    package struct Options: Sendable {
        package var databasePath: String
        package var month: String?
        package var groupBy = "project"
        package var tags: [String] = []
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

    static func build(_ options: Options, database: Database) throws -> FinanceReport {
        let month: UTCDate
        if let text = options.month {
            guard text.count == 7, let first = UTCDate(iso: text + "-01") else {
                throw ApplicationError("--month must be a month like 2026-11, not \"\(text)\".")
            }
            month = first
        } else {
            guard let span = try UsageQuery(database: database).span() else {
                throw ApplicationError("the database holds no usage yet: ingest files or run `distill-roi demo` first.")
            }
            month = span.end.adding(days: -1)
        }
        let range = DayRange(monthOf: month)
        let label = String(range.start.description.prefix(7))
        return try FinanceReportBuilder(
            database: database, catalog: try options.output.catalog(),
            options: FinanceReportOptions(
                month: range, label: label, groupBy: options.groupBy,
                filters: try options.tags.map(WeeklyReportCommand.parseTag))
        ).build()
    }
}
