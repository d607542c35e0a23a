import CostModel
import DistillCore
import Testing
import TestSupport

@testable import Pricing

@Suite struct ExampleCatalogTests {
    static let at = Timestamp.parse("2026-06-01")!

    @Test func expressesAnOpenWeightStudentTrainedPerToken() throws {
        let catalog = try PriceCatalog.load(directories: [PackageRoot.examples])
        let price = try #require(catalog.resolve(model: "example/llama-3.1-8b-triage-student", at: Self.at, tier: .default).price)
        // 1M input + 1M output at 0.18 each = 0.36.
        #expect(try cost(of: TokenUsage(input: 1_000_000, output: 1_000_000), at: price.rates).exactDecimalString == "0.36")
        let training = try #require(catalog.trainingPrice(forBaseModel: "example/Meta-Llama-3.1-8B-Instruct-Reference", at: Self.at))
        // 2M file tokens × 3 epochs × 0.48 per 1M = 2.88.
        #expect(try training.price.cost(of: .estimated(fileTokens: 2_000_000, epochs: 3)).exactDecimalString == "2.88")
    }

    @Test func expressesRentedGPUTrainingAndADedicatedDeployment() throws {
        let catalog = try PriceCatalog.load(directories: [PackageRoot.examples])
        let model = "example/qwen2.5-7b-triage-dedicated"
        let training = try #require(catalog.trainingPrice(forBaseModel: model, at: Self.at))
        // 6.5 hours × 19.92 = 129.48.
        #expect(try training.price.cost(of: .hours(ExactDecimal("6.5")!)).exactDecimalString == "129.48")
        let deployment = try #require(catalog.deploymentPrice(model: model, at: Self.at))
        // 30 days × 24 h × 1.49 = 1072.80, over 100 000 requests = 0.010728 each.
        let cost = DeploymentCost(hourlyRate: deployment.perHour, days: 30)
        #expect(cost.total.exactDecimalString == "1072.8")
        #expect(cost.perRequest(requests: 100_000)?.rounded.exactDecimalString == "0.010728")
    }

    @Test func convertsWithTheExampleCurrencyRates() throws {
        let catalog = try PriceCatalog.load(directories: [PackageRoot.examples])
        // 1072.80 USD in August at 0.87 = 933.336 EUR.
        let converted = try catalog.convert(Money(decimalText: "1072.8")!, from: "USD", to: "EUR", on: UTCDate(year: 2026, month: 8, day: 1)!)
        #expect(converted.amount.exactDecimalString == "933.336")
    }
}
