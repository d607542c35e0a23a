import ArgumentParser
import Workflows

/// `--pricing DIR`, shared by every command that reads the price catalog.
struct PricingOptions: ParsableArguments {
    @Option(
        name: .customLong("pricing"),
        help: ArgumentHelp("A directory of extra price files, read after the default catalog (repeatable).", valueName: "dir"))
    var directories: [String] = []
}
