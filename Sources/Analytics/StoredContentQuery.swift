import DistillCore
import Store

/// Requests with their stored message content (`ingest file --store-content`), the raw material of
/// `dataset build`. The content table is read only here, so cost queries never touch it.
package struct StoredContentQuery {
    package let database: Database

    package init(database: Database) {
        self.database = database
    }

    /// One stored request: its content as the ingest kept it (JSON text), and the value of the
    /// metadata key the caller groups by (nil when the request has no such key).
    package struct Row: Sendable, Equatable {
        package var requestKey: String
        package var model: String
        package var createdAt: Int64
        package var failed: Bool
        package var messages: String?
        package var response: String?
        package var groupValue: String?

        package init(
            requestKey: String, model: String, createdAt: Int64, failed: Bool, messages: String?, response: String?,
            groupValue: String? = nil
        ) {
            self.requestKey = requestKey
            self.model = model
            self.createdAt = createdAt
            self.failed = failed
            self.messages = messages
            self.response = response
            self.groupValue = groupValue
        }
    }

    /// What to read: every filter must hold; times are Unix seconds, `until` exclusive.
    package struct Filter: Sendable {
        package var tags: [TagFilter]
        package var since: Int64?
        package var until: Int64?
        package var model: String?
        package var groupKey: String?

        package init(tags: [TagFilter] = [], since: Int64? = nil, until: Int64? = nil, model: String? = nil, groupKey: String? = nil) {
            self.tags = tags
            self.since = since
            self.until = until
            self.model = model
            self.groupKey = groupKey
        }
    }

    /// Matching requests that have a content row, oldest first (ties by key), so the first of two
    /// equal prompts is the one kept, whatever order the files were ingested in.
    package func rows(_ filter: Filter) throws -> [Row] {
        var parameters: [any SQLBindable] = [filter.groupKey ?? ""]
        var sql = """
            SELECT r.request_key, m.name, r.created_at, r.failed_count > 0 OR r.status <> 'ok', c.messages, c.response,
                (SELECT t.value FROM tags t WHERE t.tag_set_id = r.tag_set_id AND t.key = ?)
            FROM requests r JOIN request_content c ON c.request_id = r.id JOIN models m ON m.id = r.model_id
            WHERE 1 = 1
            """
        if let since = filter.since {
            sql += " AND r.created_at >= ?"
            parameters.append(since)
        }
        if let until = filter.until {
            sql += " AND r.created_at < ?"
            parameters.append(until)
        }
        if let model = filter.model {
            sql += " AND m.name = ?"
            parameters.append(model)
        }
        sql += TagFilter.sql(filter.tags, column: "r.tag_set_id", parameters: &parameters)
        sql += " ORDER BY r.created_at, r.request_key"
        return try database.query(sql, parameters) { row in
            Row(
                requestKey: row.string(0), model: row.string(1), createdAt: row.int64(2), failed: row.int64(3) != 0,
                messages: row.optionalString(4), response: row.optionalString(5),
                groupValue: filter.groupKey == nil ? nil : row.optionalString(6))
        }
    }
}
