import Reports
import Store

/// `distill-roi report weekly`: one report value, rendered in each requested format.
package enum WeeklyReportCommand {
    /// Builds the report from the store at `databasePath`; returns the paths written.
    package static func run(
        databasePath: String, options: WeeklyReportOptions, pricing: [String], output: ReportOutput
    ) throws -> [String] {
        let database = try StoreFile.openExisting(databasePath)
        let report = try WeeklyReportBuilder(
            database: database, catalog: try PricingLocation.catalog(extra: pricing), options: options
        ).build()
        return try output.writer().write(report, formats: output.formats)
    }
}
