import Analytics
import ArgumentParser

/// `--tag key=value`, shared by every command that reads usage from the store.
struct TagFilterOptions: ParsableArguments {
    @Option(
        name: .customLong("tag"),
        help: ArgumentHelp("Only requests with this metadata pair (repeatable).", valueName: "key=value"))
    var filters: [TagFilter] = []
}
