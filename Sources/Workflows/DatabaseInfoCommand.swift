import DistillCore
import Foundation
import Store

/// `distill-roi db info`: the store's vital signs, as text for people or JSON for scripts.
package enum DatabaseInfoCommand {
    package static func run(databasePath: String, json: Bool) throws -> String {
        let database = try StoreFile.openExisting(databasePath)
        let info = try DatabaseInfo.read(from: database)
        return json ? try jsonText(info) : text(info)
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

    static func jsonText(_ info: DatabaseInfo) throws -> String {
        struct Output: Encodable {
            let path: String
            let schema_version: Int
            let tables: [String: Int]
            let first_timestamp: String?
            let last_timestamp: String?
            let size_bytes: Int64
        }
        let output = Output(
            path: info.path, schema_version: info.schemaVersion,
            tables: Dictionary(uniqueKeysWithValues: info.tables.map { ($0.table, $0.rows) }),
            first_timestamp: info.firstTimestamp.map(Timestamp.iso8601),
            last_timestamp: info.lastTimestamp.map(Timestamp.iso8601), size_bytes: info.sizeBytes)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(output), as: UTF8.self) + "\n"
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
