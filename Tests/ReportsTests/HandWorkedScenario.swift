import DistillCore
import Foundation
import Pricing
import Reports
import Store
import TestSupport

/// A small history whose weekly figures are worked out by hand below, at the shipped catalog's
/// prices: gpt-4o-2024-08-06 $2.50 in / $10.00 out per 1M; the gpt-4o-mini fine-tune $0.30 /
/// $1.20; gpt-4o-mini training $3.00 per 1M tokens; the fine-tune shuts down with its base on
/// 2027-01-14.
///
/// - Teacher request (1,000 in, 100 out): 0.0025 + 0.001 = $0.0035.
/// - Student request (500 in, 100 out): 0.00015 + 0.00012 = $0.00027.
/// - W47 (go-live Monday 2026-11-16): 10 teacher + 20 student support requests.
///   Savings = 20 × 0.0035 − 20 × 0.00027 = 0.07 − 0.0054 = $0.0646.
/// - W48: 10 teacher + 40 student support requests; spend = 0.035 + 0.0108 = $0.0458;
///   savings = 40 × 0.0035 − 0.0108 = $0.1292; teacher-only cost = 0.0458 − 0.0108 + 0.14 = $0.175.
/// - One-time: training 1,000,000 × $3/1M = $3.00; 20 distillation requests on 2026-11-02
///   = $0.07; no evaluation calls. Total $3.07.
/// - Since go-live to the end of W48: 0.0646 + 0.1292 = $0.1938.
/// - Projection: s = 0.0035 − 0.00027 = $0.00323; volume = floor(40 / 7) = 5 a day; still to
///   recover 3.07 − 0.1938 = 2.8762 → ceil(2.8762 / 0.00323) = 891 requests → ceil(891 / 5) = 179
///   days after 2026-11-30 = 2027-05-28, after the shutdown on 2027-01-14.
/// - ROI at 3 months: 91 days capped at 59 (2026-11-16 → 2027-01-14):
///   (0.00323 × 5 × 59 − 3.07) / 3.07 = (0.95285 − 3.07) / 3.07 = −0.689625...
enum HandWorkedScenario {
    static let teacher = "gpt-4o-2024-08-06"
    static let student = "ft:gpt-4o-mini-2024-07-18:acme:support:Xyz789"

    static func database(in folder: TemporaryDirectory) throws -> Database {
        let database = try Database(path: folder.path("scenario.sqlite"))
        let writer = try RecordWriter(database: database, source: "scenario")
        var sequence = 0
        func requests(_ count: Int, model: String, day: String, input: Int64, tags: [String: String]) throws {
            let start = UTCDate(iso: day)!.unixSeconds
            for index in 0..<count {
                sequence += 1
                try writer.write(RequestRecord(
                    key: "req-\(sequence)", model: model, createdAt: start + Int64(index) * 60,
                    tokens: TokenUsage(input: input, output: 100), latencyMs: model == teacher ? 1_000 + Double(index) : 300,
                    status: "ok", tags: tags))
            }
        }
        try database.transaction {
            try requests(20, model: teacher, day: "2026-11-02", input: 1_000, tags: ["use_case": "support", "purpose": "distillation"])
            try writer.write(FineTuningJobRecord(
                id: "ftjob-1", baseModel: "gpt-4o-mini-2024-07-18", fineTunedModel: student, status: "succeeded",
                trainedTokens: 1_000_000, epochs: 3, createdAt: UTCDate(iso: "2026-11-09")!.unixSeconds,
                finishedAt: UTCDate(iso: "2026-11-09")!.unixSeconds + 3_600))
            try requests(10, model: teacher, day: "2026-11-17", input: 1_000, tags: ["use_case": "support"])
            try requests(20, model: student, day: "2026-11-16", input: 500, tags: ["use_case": "support"])
            try requests(10, model: teacher, day: "2026-11-24", input: 1_000, tags: ["use_case": "support"])
            try requests(40, model: student, day: "2026-11-25", input: 500, tags: ["use_case": "support"])
            try writer.refreshDailyRollups()
        }
        return database
    }

    /// Adds one request carrying `tags` (a hostile value, a formula) to the scenario, rolled up.
    static func addRequest(
        _ key: String, model: String = teacher, day: String, tokens: TokenUsage = TokenUsage(input: 10, output: 1),
        tags: [String: String], to database: Database
    ) throws {
        let writer = try RecordWriter(database: database, source: "extra")
        try database.transaction {
            try writer.write(RequestRecord(
                key: key, model: model, createdAt: UTCDate(iso: day)!.unixSeconds, tokens: tokens, status: "ok", tags: tags))
            try writer.refreshDailyRollups()
        }
    }

    /// The weekly report of `week` over the scenario's store at the shipped prices.
    static func weeklyReport(_ database: Database, week: String = "2026-W48") throws -> WeeklyReport {
        let isoWeek = ISOWeek(week)!
        return try WeeklyReportBuilder(
            database: database, catalog: try catalog(),
            options: WeeklyReportOptions(period: .week(isoWeek))
        ).build()
    }

    static func catalog() throws -> PriceCatalog {
        try PriceCatalog.load(directories: [PackageRoot.appending("pricing")])
    }
}
