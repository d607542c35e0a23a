import ArgumentParser
import Foundation
import Workflows

/// `--db`, shared by every command that reads or writes the store.
struct DatabaseOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp("The SQLite database (default: $DISTILL_ROI_DB, else ./distill-roi.sqlite).", valueName: "path"))
    var db: String?

    var path: String {
        DatabaseLocation.resolve(option: db, environment: ProcessInfo.processInfo.environment)
    }
}
