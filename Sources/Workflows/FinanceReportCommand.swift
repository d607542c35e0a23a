import Reports
import Store

/// `distill-roi report finance`: the month by cost centre, computed beside billed.
package enum FinanceReportCommand {
    /// Builds the month from the store at `databasePath`; returns the paths written.
    package static func run(
        databasePath: String, options: FinanceReportOptions, pricing: [String], output: ReportOutput
    ) throws -> [String] {
        let database = try StoreFile.openExisting(databasePath)
        let report = try FinanceReportBuilder(
            database: database, catalog: try PricingLocation.catalog(extra: pricing), options: options
        ).build()
        return try output.writer().write(report, formats: output.formats)
    }
}
