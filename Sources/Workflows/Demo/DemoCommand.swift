import DistillCore
import Foundation

/// `distill-roi demo`: a realistic synthetic history, as files (`--emit`) or loaded into a fresh
/// database through the same readers users' files go through.
package enum DemoCommand {
    package struct Options: Sendable {
        package var requests: Int
        package var seed: UInt64
        package var start: UTCDate
        package var weeks: Int
        package var databasePath: String
        package var outputDirectory: String
        package var emitDirectory: String?
        /// `--pricing` folders read after the catalog, as for the report commands.
        package var pricing: [String]
        /// `--templates`: overrides of the shipped templates, file by file.
        package var templatesDirectory: String?

        package static let defaultRequests = 20_000
        package static let defaultSeed: UInt64 = 42
        /// The demo's present is fixed at Monday 2026-12-07, not the wall clock, so the committed
        /// reports never change: 8 weeks of history from Monday 2026-10-12 end with the last
        /// complete ISO week before it (2026-W49).
        package static let today = UTCDate(year: 2026, month: 12, day: 7)!
        package static let defaultStart = UTCDate(year: 2026, month: 10, day: 12)!
        package static let defaultDatabase = "distill-roi-demo.sqlite"

        package init(
            requests: Int = defaultRequests, seed: UInt64 = defaultSeed, start: UTCDate = defaultStart,
            weeks: Int = 8, databasePath: String = defaultDatabase, outputDirectory: String = "reports/demo",
            emitDirectory: String? = nil, pricing: [String] = [], templatesDirectory: String? = nil
        ) {
            self.requests = requests
            self.seed = seed
            self.start = start
            self.weeks = weeks
            self.databasePath = databasePath
            self.outputDirectory = outputDirectory
            self.emitDirectory = emitDirectory
            self.pricing = pricing
            self.templatesDirectory = templatesDirectory
        }
    }

    /// Writes the history's files into `directory` and returns their paths, in ingest order.
    package static func emit(_ options: Options, to directory: String) throws -> [String] {
        guard options.requests > 0, options.weeks >= 2 else {
            throw ApplicationError("--requests must be positive and --weeks at least 2.")
        }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let scenario = DemoScenario(requests: options.requests, seed: options.seed, start: options.start, weeks: options.weeks)
        return try DemoHistoryWriter(scenario: scenario).emit(to: directory).all
    }
}
