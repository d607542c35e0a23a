import ArgumentParser
import Workflows

struct DB: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "Inspect the database: schema version, rows per table, time span, size.",
        subcommands: [Info.self])

    struct Info: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show the schema version, row count per table, first and last timestamp, and size.")

        @OptionGroup var database: DatabaseOptions

        @Flag(help: "Print one JSON object (schema_version, tables, first/last timestamp, size_bytes).")
        var json = false

        func run() throws {
            try reportingErrors {
                print(try DatabaseInfoCommand.run(databasePath: database.path, json: json), terminator: "")
            }
        }
    }
}
