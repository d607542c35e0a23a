import Testing

@testable import CostModel

@Suite struct TrainingAndDeploymentTests {
    @Test func pricesTrainedTokens() throws {
        // gpt-4o-mini SFT: 2.5M trained tokens × 3.00 per 1M = 7.50.
        #expect(try TrainingPrice.perMillionTokens(ExactDecimal(3)).cost(of: .tokens(2_500_000)).exactDecimalString == "7.5")
    }

    @Test func estimatesFromFileTokensAndEpochs() throws {
        // 500K tokens in the file × 3 epochs = 1.5M trained tokens × 25.00 = 37.50.
        let quantity = try TrainingQuantity.estimated(fileTokens: 500_000, epochs: 3)
        #expect(quantity == .tokens(1_500_000))
        #expect(try TrainingPrice.perMillionTokens(ExactDecimal(25)).cost(of: quantity).exactDecimalString == "37.5")
    }

    @Test func pricesHoursAndProratedSeconds() throws {
        let rft = TrainingPrice.perHour(ExactDecimal(100))
        // 1.5 h × 100 = 150; 5400 s = 1.5 h → 150.
        #expect(try rft.cost(of: .hours(ExactDecimal("1.5")!)).exactDecimalString == "150")
        #expect(try rft.cost(of: .seconds(5400)).exactDecimalString == "150")
        // 1 s = 100 / 3600 = 0.02777…: rounded half to even at the 15th digit → …778.
        #expect(try rft.cost(of: .seconds(1)).exactDecimalString == "0.027777777777778")
    }

    @Test func refusesToMixTokensAndHours() {
        #expect(throws: CostModelError.self) { try TrainingPrice.perHour(ExactDecimal(100)).cost(of: .tokens(10)) }
        #expect(throws: CostModelError.self) { try TrainingPrice.perMillionTokens(ExactDecimal(3)).cost(of: .seconds(10)) }
        #expect(throws: CostModelError.self) { try TrainingQuantity.estimated(fileTokens: -1, epochs: 3) }
    }

    @Test func allocatesADedicatedDeploymentPerRequest() throws {
        // 1.20 per hour for 7 days = 168 h × 1.20 = 201.60; over 1000 requests = 0.2016 each.
        let deployment = DeploymentCost(hourlyRate: ExactDecimal("1.20")!, days: 7)
        #expect(deployment.total.exactDecimalString == "201.6")
        #expect(deployment.perRequest(requests: 1000)?.rounded.exactDecimalString == "0.2016")
        // Over 3 requests the share stays an exact fraction: 201.6 / 3 = 67.2.
        #expect(deployment.perRequest(requests: 3)?.times(3) == deployment.total)
        #expect(deployment.perRequest(requests: 0) == nil)
    }
}
