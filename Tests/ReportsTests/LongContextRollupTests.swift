import Analytics
import CostModel
import DistillCore
import Pricing
import Store
import Testing
import TestSupport

@testable import Reports

/// The weekly report prices from the daily roll-up; a long-context request (more than 272K input
/// tokens on gpt-5.4) must still cost its long-context rate there, because the roll-up keeps each
/// request above 128K input tokens in its own input band (schema version 7).
@Suite struct LongContextRollupTests {
    static func at(_ text: String) -> Int64 { Timestamp.parse(text) ?? 0 }

    @Test func pricesALongRequestExactlyFromTheRollUpAndSaysWhenSizesAreHidden() throws {
        let folder = try TemporaryDirectory("long-context")
        let database = try Database(path: folder.path("store.sqlite"))
        let writer = try RecordWriter(database: database, source: "test")
        try database.transaction {
            let usages = [
                TokenUsage(input: 100_000, cachedInput: 20_000, output: 10_000),
                TokenUsage(input: 100_000, cachedInput: 20_000, output: 10_000),
                TokenUsage(input: 300_000, cachedInput: 100_000, output: 20_000),
                TokenUsage(input: 200_000, output: 0),
            ]
            for (index, usage) in usages.enumerated() {
                _ = try writer.write(
                    RequestRecord(key: "r\(index)", model: "gpt-5.4", createdAt: Self.at("2026-11-02T10:00:00Z"), tokens: usage))
            }
            // A warehouse row of two requests, and a usage-API bucket: neither tells request sizes.
            _ = try writer.write(
                RequestRecord(
                    key: "agg", model: "gpt-5.4", createdAt: Self.at("2026-11-03T00:00:00Z"), requestCount: 2,
                    tokens: TokenUsage(input: 600_000, output: 0)))
            _ = try writer.write(
                UsageBucketRecord(
                    startTime: Self.at("2026-11-04T00:00:00Z"), endTime: Self.at("2026-11-05T00:00:00Z"), model: "gpt-5.4",
                    requestCount: 3, inputTokens: 600_000, outputTokens: 0))
            try writer.refreshDailyRollups()
        }
        #expect(try DailyRollup(database: database).dirtyDayCount() == 0)
        let bands = try database.query("SELECT input_band FROM request_daily ORDER BY day, input_band") { $0.int64(0) }
        #expect(bands == [0, 200_000, 300_000, -1])

        let catalog = try PriceCatalog.load(directories: [PackageRoot.appending("pricing")])
        let week = DayRange(start: UTCDate(iso: "2026-11-02")!, end: UTCDate(iso: "2026-11-09")!)
        let priced = try PricedUsage.price(UsageQuery(database: database).usage(in: week), with: catalog)
        let monday = priced.filter { $0.row.day == UTCDate(iso: "2026-11-02") }.compactMap(\.cost).sum()
        // gpt-5.4 2.50 / 0.25 / 15, above 272K 5 / 0.5 / 22.5 (pricing/openai.yaml):
        // two short requests 80,000 × 2.5 + 20,000 × 0.25 + 10,000 × 15 = 0.355 each;
        // the long one 200,000 × 5 + 100,000 × 0.5 + 20,000 × 22.5 = 1.5;
        // the 200K one is above the band floor but not the threshold: 200,000 × 2.5 = 0.5.
        // Total 2.71; the summed tokens at the short rates alone would give 1.81.
        #expect(monday.exactDecimalString == "2.71")
        // The aggregate row and the bucket: 600,000 × 2.5 = 1.5 each, at the short rates, with a note.
        #expect(priced.filter { $0.row.inputBand == -1 }.compactMap { $0.cost?.exactDecimalString } == ["1.5", "1.5"])
        let notes = PricedUsage.sizeNotes(priced)
        #expect(notes.count == 1)
        #expect(notes.first?.hasPrefix("5 request(s) of gpt-5.4 come from usage buckets or aggregate rows") == true)
    }
}
