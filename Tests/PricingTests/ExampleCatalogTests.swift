import CostModel
import DistillCore
import Testing
import TestSupport

@testable import Pricing

/// The documented examples in `pricing/examples/`, loaded on their own as `--pricing
/// pricing/examples` would load them.
@Suite struct ExampleCatalogTests {
    static let at = Timestamp.parse("2026-11-02")!

    /// One rented H100 at 2.49 an hour, 2,400 tokens/s assumed, for a week (168 hours):
    /// - rent 168 × 2.49 = 418.32;
    /// - 120,000 requests of 1,200 tokens = 144,000,000 tokens served;
    /// - capacity 2,400 × 3,600 × 168 = 1,451,520,000 tokens, so utilisation = 144,000,000 /
    ///   1,451,520,000 = 25/252 ≈ 9.92%;
    /// - per request 418.32 / 120,000 = 0.003486;
    /// - at full utilisation 2.49 / (2,400 × 3,600) × 1M = 0.288194444… per 1M tokens, and
    ///   0.288194444… / (25/252) = 2.905 per 1M at this traffic = 418.32 / 144 (cross-check);
    /// - one GPU already carries the average load.
    @Test func pricesASelfHostedStudentRequestAtItsUtilisation() throws {
        let catalog = try PriceCatalog.load(directories: [PackageRoot.examples])
        let deployment = try #require(catalog.deploymentPrice(model: "support-student-v3", at: Self.at))
        let throughput = try #require(deployment.throughput)
        #expect(throughput == GPUThroughput(tokensPerSecond: 2_400, basis: .assumed))
        #expect(deployment.gpus == 1 && deployment.hourlyRate == ExactDecimal("2.49")!)
        let week = try SelfHostedServing(
            hourlyRatePerGPU: deployment.perHour, gpus: deployment.gpus, hours: ExactDecimal(168), throughput: throughput,
            requests: 120_000, tokens: 144_000_000)
        #expect(week.total.exactDecimalString == "418.32")
        #expect(week.perRequest?.rounded.exactDecimalString == "0.003486")
        #expect(week.utilisation == Ratio(25, 252))
        #expect(week.utilisation?.percentText(places: 2) == "9.92")
        #expect(week.costPerMillionTokensAtFullUtilisation.exactDecimalString == "0.288194444444444")
        #expect(week.gpusNeededAtAverageLoad == 1)
        // The token rates are zero on purpose: a quote of the tokens alone costs nothing.
        let price = try #require(catalog.resolve(model: "support-student-v3", at: Self.at, tier: .default).price)
        #expect(try cost(of: TokenUsage(input: 1_000, output: 200), at: price.rates).isZero)
    }

    /// The same traffic on two GPUs: rent 2 × 418.32 = 836.64, per request 0.006972, utilisation
    /// halves to 25/504, and the average load still needs only one of them.
    @Test func moreGPUsRaiseTheRentAndLowerTheUtilisation() throws {
        let throughput = try #require(GPUThroughput(tokensPerSecond: 2_400, basis: .measured))
        let week = try SelfHostedServing(
            hourlyRatePerGPU: ExactDecimal("2.49")!, gpus: 2, hours: ExactDecimal(168), throughput: throughput,
            requests: 120_000, tokens: 144_000_000)
        #expect(week.total.exactDecimalString == "836.64")
        #expect(week.perRequest?.rounded.exactDecimalString == "0.006972")
        #expect(week.utilisation == Ratio(25, 504))
        #expect(week.gpusNeededAtAverageLoad == 1)
        #expect(throws: CostModelError.self) {
            try SelfHostedServing(
                hourlyRatePerGPU: ExactDecimal("2.49")!, gpus: 0, hours: ExactDecimal(1), throughput: throughput, requests: 1, tokens: 1)
        }
    }

    /// Training on the rented GPU is billed by the hour: 6.5 hours × 2.49 = 16.185.
    @Test func trainsOnTheRentedGPUByTheHour() throws {
        let catalog = try PriceCatalog.load(directories: [PackageRoot.examples])
        let training = try #require(catalog.trainingPrice(forBaseModel: "support-student-v3", at: Self.at, method: .sftLoRA))
        #expect(try training.price.cost(of: .hours(ExactDecimal("6.5")!)).exactDecimalString == "16.185")
        #expect(catalog.trainingPrice(forBaseModel: "support-student-v3", at: Self.at, method: .dpoLoRA) == nil)
    }

    @Test func convertsWithTheExampleCurrencyRates() throws {
        let catalog = try PriceCatalog.load(directories: [PackageRoot.examples])
        // 1072.80 USD in August at 0.87 = 933.336 EUR.
        let converted = try catalog.convert(Money(decimalText: "1072.8")!, from: "USD", to: "EUR", on: UTCDate(year: 2026, month: 8, day: 1)!)
        #expect(converted.amount.exactDecimalString == "933.336")
    }
}
