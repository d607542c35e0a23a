import DistillCore
import Store

/// `--tag key=value`: keep only requests whose metadata has this pair.
package typealias TagFilter = KeyValuePair

extension TagFilter {
    /// SQL restricting a `tag_set_id` column to sets holding every filter's pair (or, negated, none
    /// of them); one bound parameter pair per filter, appended to `parameters`.
    static func sql(
        _ filters: [TagFilter], column: String, negated: Bool = false, parameters: inout [any SQLBindable]
    ) -> String {
        filters.map { filter in
            parameters.append(filter.key)
            parameters.append(filter.value)
            let operation = negated ? "NOT IN" : "IN"
            return " AND coalesce(\(column), 0) \(operation) (SELECT tag_set_id FROM tags WHERE key = ? AND value = ?)"
        }.joined()
    }
}
