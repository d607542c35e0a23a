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

@Suite struct SelfHostedServingTests {
    /// A Together-style job: 1,000 × 3 training + 200 × 4 evaluation = 3,800 tokens; an overflow
    /// in either product or the sum is an error, not a wrapped count.
    @Test func countsEvaluationPassesAndRejectsOverflow() throws {
        #expect(try TrainingQuantity.estimatedTokens(fileTokens: 1_000, epochs: 3, validationTokens: 200, evaluations: 4) == 3_800)
        #expect(throws: CostModelError.self) {
            try TrainingQuantity.estimatedTokens(fileTokens: .max / 2, epochs: 1, validationTokens: .max / 2 + 2, evaluations: 1)
        }
        #expect(throws: CostModelError.self) {
            try TrainingQuantity.estimatedTokens(fileTokens: 1, epochs: 1, validationTokens: -1, evaluations: 1)
        }
    }

    /// 10 hours of one GPU at 1.50 = 15 of rent whatever the traffic. 3,600,000 tokens against a
    /// capacity of 1,000 × 3,600 × 10 = 36,000,000 is 1/10 utilisation; 50,000,000 tokens is more
    /// than the stated throughput allows (25/18), said as it is, and needs ceil(1.39) = 2 GPUs.
    /// No requests: no cost per request. Zero hours: no utilisation.
    @Test func utilisationIsTokensOverCapacity() throws {
        let throughput = try #require(GPUThroughput(tokensPerSecond: 1_000, basis: .measured))
        let rate = try #require(ExactDecimal("1.5"))
        let light = try SelfHostedServing(
            hourlyRatePerGPU: rate, gpus: 1, hours: ExactDecimal(10), throughput: throughput, requests: 3_000, tokens: 3_600_000)
        #expect(light.total.exactDecimalString == "15")
        #expect(light.utilisation == Ratio(1, 10))
        #expect(light.perRequest?.rounded.exactDecimalString == "0.005")
        let over = try SelfHostedServing(
            hourlyRatePerGPU: rate, gpus: 1, hours: ExactDecimal(10), throughput: throughput, requests: 1, tokens: 50_000_000)
        #expect(over.utilisation == Ratio(25, 18))
        #expect(over.gpusNeededAtAverageLoad == 2)
        let idle = try SelfHostedServing(
            hourlyRatePerGPU: rate, gpus: 1, hours: .zero, throughput: throughput, requests: 0, tokens: 0)
        #expect(idle.perRequest == nil && idle.utilisation == nil && idle.gpusNeededAtAverageLoad == nil)
        #expect(GPUThroughput(tokensPerSecond: 0, basis: .assumed) == nil)
    }
}
