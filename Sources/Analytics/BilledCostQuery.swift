import DistillCore
import Store

/// Billed cost lines from the Costs API in a range; amounts stay exact decimal text for the
/// report to sum exactly.
package struct BilledCostQuery {
    package let database: Database

    package init(database: Database) {
        self.database = database
    }

    package struct Line: Sendable, Equatable {
        package var day: UTCDate
        package var lineItem: String
        package var project: String
        package var amount: String
        package var currency: String
    }

    package func lines(in range: DayRange) throws -> [Line] {
        try database.query(
            """
            SELECT start_time / 86400, line_item, project, amount, currency FROM billed_costs
            WHERE start_time >= ? AND start_time < ? ORDER BY start_time, line_item, project
            """, [range.startSeconds, range.endSeconds]
        ) {
            Line(
                day: UTCDate(daysSinceEpoch: $0.int(0)), lineItem: $0.string(1), project: $0.string(2),
                amount: $0.string(3), currency: $0.string(4))
        }
    }
}
