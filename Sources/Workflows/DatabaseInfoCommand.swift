import DistillCore
import Foundation
import Store

/// `distill-roi db info`: the store's vital signs, as text for people or JSON for scripts.
package enum DatabaseInfoCommand {
    package static func run(databasePath: String, json: Bool) throws -> String {
        let database = try StoreFile.openExisting(databasePath)
        let info = try DatabaseInfo.read(from: database)
        return json ? jsonText(info) : text(info)
    }

    static func text(_ info: DatabaseInfo) -> String {
        var lines = [
            "database        \(info.path)",
            "schema version  \(info.schemaVersion)",
            "size            \(info.sizeBytes) bytes",
            "first record    \(info.firstTimestamp.map(Timestamp.iso8601) ?? "-")",
            "last record     \(info.lastTimestamp.map(Timestamp.iso8601) ?? "-")",
            "",
            "table                 rows",
        ]
        for table in info.tables {
            lines.append(table.table.padding(toLength: 20, withPad: " ", startingAt: 0) + String(table.rows).leftPadded(to: 7))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Members sorted by name, a time span's ends only when the store holds records.
    static func jsonText(_ info: DatabaseInfo) -> String {
        var members: [(key: String, value: JSONValue)] = [
            ("path", .string(info.path)), ("schema_version", .integer(info.schemaVersion)),
            ("tables", .object(JSONObject(info.tables.map { (key: $0.table, value: .integer($0.rows)) }))),
            ("size_bytes", .integer(info.sizeBytes)),
        ]
        if let first = info.firstTimestamp { members.append(("first_timestamp", .string(Timestamp.iso8601(first)))) }
        if let last = info.lastTimestamp { members.append(("last_timestamp", .string(Timestamp.iso8601(last)))) }
        return JSONValue.object(JSONObject(members)).text(.command) + "\n"
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
