import Store

/// The lines of one-time costs files, oldest first: what a program paid once, outside API calls.
package struct OneTimeCostQuery {
    package let database: Database

    package init(database: Database) {
        self.database = database
    }

    /// Every line dated before `end` (Unix seconds), in day, kind and note order.
    package func costs(before end: Int64) throws -> [OneTimeCostRecord] {
        try database.query(
            """
            SELECT day, kind, amount, currency, note, tags FROM one_time_costs
            WHERE day < ?1 ORDER BY day, kind, note, tags
            """, [end]
        ) {
            OneTimeCostRecord(
                day: $0.int64(0), kind: $0.string(1), amount: $0.string(2), currency: $0.string(3), note: $0.string(4),
                tags: $0.string(5))
        }
    }
}
