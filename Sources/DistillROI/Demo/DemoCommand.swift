import DistillCore
import Foundation

/// `distill-roi demo`: a realistic synthetic history, as files (`--emit`) or loaded into a fresh
/// database through the same readers users' files go through.
public enum DemoCommand {
    public struct Options: Sendable {
        public var requests: Int
        public var seed: UInt64
        public var start: UTCDate
        public var weeks: Int
        public var databasePath: String
        public var outputDirectory: String
        public var emitDirectory: String?

        public static let defaultRequests = 20_000
        public static let defaultSeed: UInt64 = 42
        /// A fixed start (Monday 2026-10-05) keeps the committed demo reports reproducible.
        public static let defaultStart = UTCDate(year: 2026, month: 10, day: 5)!
        public static let defaultDatabase = "distill-roi-demo.sqlite"

        public init(
            requests: Int = defaultRequests, seed: UInt64 = defaultSeed, start: UTCDate = defaultStart,
            weeks: Int = 8, databasePath: String = defaultDatabase, outputDirectory: String = "reports/demo",
            emitDirectory: String? = nil
        ) {
            self.requests = requests
            self.seed = seed
            self.start = start
            self.weeks = weeks
            self.databasePath = databasePath
            self.outputDirectory = outputDirectory
            self.emitDirectory = emitDirectory
        }
    }

    /// Writes the history's files into `directory` and returns their paths, in ingest order.
    public static func emit(_ options: Options, to directory: String) throws -> [String] {
        guard options.requests > 0, options.weeks >= 2 else {
            throw ApplicationError("--requests must be positive and --weeks at least 2.")
        }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let scenario = DemoScenario(requests: options.requests, seed: options.seed, start: options.start, weeks: options.weeks)
        return try DemoHistoryWriter(scenario: scenario).emit(to: directory).all
    }
}
