import DistillCore
import Foundation
import Pricing
import Reports
import Store
import TestSupport

/// The first week of a real team: teacher traffic only, no fine-tune yet, and one model the
/// catalog does not price. Worked out by hand at the shipped catalog's gpt-4o-2024-08-06 prices
/// ($2.50 in / $10.00 out per 1M tokens), week 2026-W48 (2026-11-23 to 2026-11-29):
///
/// - support: 10 requests of 1,000 in / 100 out = 0.0025 + 0.001 = $0.0035 each → $0.035,
///   plus 1 failed request (no tokens, $0) → 11 requests, $0.0035 per successful request.
/// - triage: 6 requests of 2,000 in / 200 out = 0.005 + 0.002 = $0.007 each → $0.042.
/// - acme-internal-llm (no price): 4 requests of 1,000 in / 100 out → 4 unpriced requests,
///   4,400 tokens ("4.4K"), left out of the spend.
/// - Spend = 0.035 + 0.042 = $0.077 (display $0.08); requests = 11 + 6 + 4 = 21.
/// - Shares of spend: triage 0.042 / 0.077 = 54.5%, support 0.035 / 0.077 = 45.5%.
/// - Per day (7 days): support 11 / 7 = 1.6, triage 6 / 7 = 0.9, acme 4 / 7 = 0.6.
/// - W47 holds 2 support requests of gpt-4o ($0.007): the previous period's spend.
enum BaselineScenario {
    static let teacher = "gpt-4o-2024-08-06"
    static let unpricedModel = "acme-internal-llm"

    static func database(in folder: TemporaryDirectory) throws -> Database {
        let database = try Database(path: folder.path("baseline.sqlite"))
        let writer = try RecordWriter(database: database, source: "baseline")
        var sequence = 0
        func requests(
            _ count: Int, model: String, day: String, input: Int64, output: Int64, useCase: String, failed: Bool = false
        ) throws {
            let start = UTCDate(iso: day)!.unixSeconds + 9 * 3_600
            for index in 0..<count {
                sequence += 1
                try writer.write(RequestRecord(
                    key: "base-\(sequence)", model: model, createdAt: start + Int64(index) * 60,
                    failedCount: failed ? 1 : 0,
                    tokens: failed ? TokenUsage(input: 0, output: 0) : TokenUsage(input: input, output: output),
                    latencyMs: 800 + Double(index), status: failed ? "failed" : "ok", tags: ["use_case": useCase]))
            }
        }
        try database.transaction {
            try requests(2, model: teacher, day: "2026-11-18", input: 1_000, output: 100, useCase: "support")
            try requests(10, model: teacher, day: "2026-11-24", input: 1_000, output: 100, useCase: "support")
            try requests(1, model: teacher, day: "2026-11-24", input: 0, output: 0, useCase: "support", failed: true)
            try requests(6, model: teacher, day: "2026-11-26", input: 2_000, output: 200, useCase: "triage")
            try requests(4, model: unpricedModel, day: "2026-11-27", input: 1_000, output: 100, useCase: "triage")
            try writer.refreshDailyRollups()
        }
        return database
    }

    static func weeklyReport(_ database: Database, options: WeeklyReportOptions = WeeklyReportOptions(period: .week(ISOWeek("2026-W48")!))) throws -> WeeklyReport {
        try WeeklyReportBuilder(database: database, catalog: try HandWorkedScenario.catalog(), options: options).build()
    }
}
