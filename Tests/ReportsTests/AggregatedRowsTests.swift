import CostModel
import DistillCore
import Foundation
import Ingest
import Pricing
import Reports
import Store
import Testing
import TestSupport
import Workflows

/// A weekly report built from aggregated rows (a warehouse's `GROUP BY day, model, tags` with a
/// `request_count` column and summed tokens) equals the report built from the same requests row by
/// row, except for latency percentiles, which need the per-request rows (docs/scale.md).
///
/// Both databases are built through the real `FileIngester`: the per-request one from the demo's
/// files, the aggregated one from a CSV roll-up of those same requests (the SQL below, the SQLite
/// spelling of the warehouse queries in docs/scale.md) plus the same eval scores and fine-tuning job.
@Suite struct AggregatedRowsTests {
    /// The demo stores two metadata keys; the roll-up keeps each as a column, so the tag sets survive.
    static let tagKeys = ["use_case", "purpose"]

    /// Per UTC day, model, project, batch flag, service tier and tag set: request and failure
    /// counts and the five token sums. No status, latency or request id: an aggregate has none.
    static let rollUpSQL = """
        SELECT strftime('%Y-%m-%d', r.created_at, 'unixepoch') AS day, m.name AS model, r.project AS project,
               r.is_batch AS is_batch, r.service_tier AS service_tier,
               sum(r.request_count) AS request_count, sum(r.failed_count) AS failed_count,
               sum(r.input_tokens) AS input_tokens, sum(r.cached_input_tokens) AS cached_tokens,
               sum(r.cache_write_tokens) AS cache_write_tokens, sum(r.output_tokens) AS output_tokens,
               sum(r.reasoning_tokens) AS reasoning_tokens,
               json_extract(t.canonical, '$.use_case') AS use_case, json_extract(t.canonical, '$.purpose') AS purpose
        FROM requests r JOIN models m ON m.id = r.model_id LEFT JOIN tag_sets t ON t.id = r.tag_set_id
        GROUP BY day, model, project, is_batch, service_tier, use_case, purpose
        ORDER BY day, model, project, is_batch, service_tier, use_case, purpose
        """

    struct Built {
        var rowByRow: WeeklyReport
        var aggregated: WeeklyReport
        var requestRows: Int64
        var aggregateRows: Int64
    }

    private func build() throws -> Built {
        let folder = try TemporaryDirectory("aggregated")
        let files = try DemoCommand.emit(DemoCommand.Options(requests: 6_000), to: folder.path("demo"))
        let perRequest = try Database(path: folder.path("rows.sqlite"))
        let ingester = FileIngester(database: perRequest, options: FileIngestOptions())
        for file in files { _ = try ingester.ingest(path: file) }

        let keys = try perRequest.query("SELECT DISTINCT key FROM tags ORDER BY key") { $0.string(0) }
        try #require(Set(keys).isSubset(of: Set(Self.tagKeys)), "a tag key the roll-up would drop: \(keys)")

        var csv = "day,model,project,is_batch,service_tier,request_count,failed_count,input_tokens,cached_tokens,"
            + "cache_write_tokens,output_tokens,reasoning_tokens,use_case,purpose\n"
        let rollUp = try perRequest.query(Self.rollUpSQL) { row in
            (0..<row.columnCount).map { row.isNull($0) ? "" : row.string($0) }.joined(separator: ",")
        }
        csv += rollUp.joined(separator: "\n") + "\n"
        let rollUpPath = try folder.write("daily-rollup.csv", csv)

        let aggregated = try Database(path: folder.path("aggregated.sqlite"))
        let aggregatedIngester = FileIngester(database: aggregated, options: FileIngestOptions(kind: .requests))
        let summary = try aggregatedIngester.ingest(path: rollUpPath)
        #expect(summary.skipped == 0 && summary.problems.isEmpty)
        let otherFiles = FileIngester(database: aggregated, options: FileIngestOptions())
        for file in files where file.hasSuffix("eval-scores.jsonl") || file.hasSuffix("fine-tuning-jobs.json") {
            _ = try otherFiles.ingest(path: file)
        }

        let catalog = try PriceCatalog.load(directories: [PackageRoot.appending("pricing")])
        let week = try #require(ISOWeek("2026-W48"))
        let options = WeeklyReportOptions(period: .week(week))
        func count(_ database: Database) throws -> Int64 {
            try database.query("SELECT count(*) FROM requests") { $0.int64(0) }.first ?? 0
        }
        return Built(
            rowByRow: try WeeklyReportBuilder(database: perRequest, catalog: catalog, options: options).build(),
            aggregated: try WeeklyReportBuilder(database: aggregated, catalog: catalog, options: options).build(),
            requestRows: try count(perRequest), aggregateRows: try count(aggregated))
    }

    @Test func aReportFromDailyAggregatesEqualsTheReportFromEachRequest() throws {
        let built = try build()
        let rows = built.rowByRow
        let sums = built.aggregated
        // The roll-up really aggregates: many requests per row (6,800 requests in 356 rows).
        #expect(built.aggregateRows * 15 < built.requestRows)

        #expect(sums.roles.teacher == rows.roles.teacher)
        #expect(sums.roles.student == rows.roles.student)
        #expect(sums.roles.goLive == rows.roles.goLive)

        for (figures, expected) in [(sums.headline, rows.headline), (sums.previousHeadline, rows.previousHeadline)] {
            #expect(figures.spend == expected.spend)
            #expect(figures.teacherOnlyCost == expected.teacherOnlyCost)
            #expect(figures.savings == expected.savings)
            #expect(figures.savingsSinceGoLive == expected.savingsSinceGoLive)
            #expect(figures.requests == expected.requests)
            #expect(figures.studentRequests == expected.studentRequests)
            #expect(figures.oneTimeCost.training == expected.oneTimeCost.training)
            #expect(figures.oneTimeCost.teacherDataGeneration == expected.oneTimeCost.teacherDataGeneration)
            #expect(figures.oneTimeCost.evaluation == expected.oneTimeCost.evaluation)
            #expect(figures.oneTimeCost.total == expected.oneTimeCost.total)
            #expect(figures.recoupedShare == expected.recoupedShare)
            #expect(figures.breakEven == expected.breakEven)
            #expect(figures.savingsPerStudentRequest == expected.savingsPerStudentRequest)
            #expect(figures.dailyStudentVolume == expected.dailyStudentVolume)
            #expect(figures.roi.map(\.roi) == expected.roi.map(\.roi))
        }
        // The demo's W48 has real money in it: a vacuous equality would prove nothing.
        #expect(rows.headline.spend > Money.zero)
        #expect(rows.headline.savings > Money.zero)
        #expect(rows.headline.oneTimeCost.teacherDataGeneration > Money.zero)
        #expect(rows.headline.oneTimeCost.evaluation > Money.zero)

        #expect(sums.models.map(\.model) == rows.models.map(\.model))
        for (model, expected) in zip(sums.models, rows.models) {
            #expect(model.role == expected.role, "\(model.model)")
            #expect(model.requests == expected.requests, "\(model.model)")
            #expect(model.failedRequests == expected.failedRequests, "\(model.model)")
            #expect(model.tokens == expected.tokens, "\(model.model)")
            #expect(model.cost == expected.cost, "\(model.model)")
            #expect(model.costPerRequest == expected.costPerRequest, "\(model.model)")
            #expect(model.passRate == expected.passRate, "\(model.model)")
            #expect(model.evalScore == expected.evalScore, "\(model.model)")
        }

        #expect(sums.daily.map { "\($0.day) \($0.model) \($0.requests) \($0.cost.map(\.exactDecimalString) ?? "-")" }
            == rows.daily.map { "\($0.day) \($0.model) \($0.requests) \($0.cost.map(\.exactDecimalString) ?? "-")" })
        #expect(sums.cumulative.map(\.cumulativeSavings) == rows.cumulative.map(\.cumulativeSavings))
        #expect(sums.tagBreakdowns.map(\.key) == rows.tagBreakdowns.map(\.key))
        for (breakdown, expected) in zip(sums.tagBreakdowns, rows.tagBreakdowns) {
            #expect(breakdown.rows.map { "\($0.value) \($0.requests) \($0.cost.exactDecimalString)" }
                == expected.rows.map { "\($0.value) \($0.requests) \($0.cost.exactDecimalString)" })
        }
    }

    @Test func latencyPercentilesNeedPerRequestRows() throws {
        let built = try build()
        #expect(built.rowByRow.models.contains { $0.latency != nil })
        #expect(built.aggregated.models.allSatisfy { $0.latency == nil })
    }
}
