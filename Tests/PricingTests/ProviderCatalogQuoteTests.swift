import CostModel
import DistillCore
import Testing
import TestSupport

@testable import Pricing

/// Hand-worked quotes on the shipped provider files (anthropic, google, together, fireworks), each
/// reached by a name as logs write it. Every total is worked out in the comment above it.
@Suite struct ProviderCatalogQuoteTests {
    static let catalog: PriceCatalog? = try? PriceCatalog.load(directories: [PackageRoot.pricing])
    static let at = Timestamp.parse("2026-11-02")!

    static func price(_ model: String, _ tier: ServiceTier = .default) throws -> ResolvedPrice {
        let catalog = try #require(Self.catalog)
        return try #require(catalog.resolve(model: model, at: Self.at, tier: tier).price, "\(model) is unpriced")
    }

    /// Claude Sonnet 5.5 through its Bedrock id: 50,000 prompt tokens = 10,000 uncached + 30,000
    /// cache reads + 6,000 five-minute writes + 4,000 one-hour writes, and 1,000 output tokens:
    ///   10,000 × 2.00 = 0.020; 30,000 × 0.10 = 0.003; 6,000 × 2.50 = 0.015; 4,000 × 4.00 = 0.016;
    ///   1,000 × 10.00 = 0.010 (all per 1M) → 0.064. Batch halves every rate → 0.032.
    @Test(arguments: [(ServiceTier.default, "0.064"), (.batch, "0.032")])
    func claudeWithCacheReadsAndBothCacheWrites(tier: ServiceTier, total: String) throws {
        let price = try Self.price("anthropic.claude-sonnet-5-5", tier)
        #expect(price.model == "claude-sonnet-5-5")
        let usage = TokenUsage(
            input: 50_000, cachedInput: 30_000, cacheWrite: 10_000, output: 1_000, cacheWriteOneHour: 4_000)
        #expect(try cost(of: usage, at: price.rates).exactDecimalString == total)
    }

    /// The same names resolve from OpenRouter, Vertex and dotted spellings.
    @Test(arguments: [
        ("anthropic/claude-sonnet-5.5", "claude-sonnet-5-5"), ("claude-sonnet-4-5@20250929", "claude-sonnet-4-5"),
        ("anthropic.claude-haiku-4-5-20251001-v1:0", "claude-haiku-4-5"), ("gemini-flash-latest", "gemini-3.8-flash"),
        ("together_ai/meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo", "meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo"),
        ("fireworks_ai/accounts/fireworks/models/gpt-oss-20b", "accounts/fireworks/models/gpt-oss-20b"),
    ])
    func namesAsLogsWriteThem(name: String, model: String) throws {
        #expect(try Self.price(name).model == model)
    }

    /// Gemini 2.5 Pro, 250,000 prompt tokens (50,000 cached) and 2,000 output: above 200K the
    /// whole request is priced at 2.50 / 0.25 / 15.00:
    ///   200,000 × 2.50 = 0.5; 50,000 × 0.25 = 0.0125; 2,000 × 15.00 = 0.03 → 0.5425.
    /// At exactly 200,000 prompt tokens (150,000 uncached) the short rates 1.25 / 0.125 / 10.00
    /// apply: 0.1875 + 0.00625 + 0.02 = 0.21375.
    @Test func geminiAbove200KPromptTokens() throws {
        let price = try Self.price("gemini-2.5-pro")
        let long = TokenUsage(input: 250_000, cachedInput: 50_000, output: 2_000)
        let longRates = try #require(price.rates(forInputTokens: long.input))
        #expect(try cost(of: long, at: longRates).exactDecimalString == "0.5425")
        let atThreshold = TokenUsage(input: 200_000, cachedInput: 50_000, output: 2_000)
        let shortRates = try #require(price.rates(forInputTokens: atThreshold.input))
        #expect(try cost(of: atThreshold, at: shortRates).exactDecimalString == "0.21375")
    }

    /// Gemini 3.1 Pro in batch above 200K: input 2.00, output 9.00, and cached content at the
    /// standard long-context cached rate 0.40: 200,000 × 2 + 50,000 × 0.40 + 2,000 × 9
    ///   = 0.4 + 0.02 + 0.018 = 0.438.
    @Test func geminiBatchAbove200KKeepsTheStandardCachedRate() throws {
        let price = try Self.price("gemini-3.1-pro-preview", .batch)
        let usage = TokenUsage(input: 250_000, cachedInput: 50_000, output: 2_000)
        let rates = try #require(price.rates(forInputTokens: usage.input))
        #expect(try cost(of: usage, at: rates).exactDecimalString == "0.438")
    }

    /// Claude Haiku 5.5 above 100K prompt tokens pays 5x on everything: 120,000 input and 1,000
    /// output → 120,000 × 0.50 + 1,000 × 2.50 = 0.06 + 0.0025 = 0.0625.
    @Test func claudeHaikuAbove100KPromptTokens() throws {
        let price = try Self.price("claude-haiku-5-5")
        let usage = TokenUsage(input: 120_000, output: 1_000)
        let rates = try #require(price.rates(forInputTokens: usage.input))
        #expect(try cost(of: usage, at: rates).exactDecimalString == "0.0625")
    }

    /// A Together LoRA job on Llama 3.1 8B (the "up to 16B" bucket): a 1,200,000-token training
    /// file for 3 epochs plus a 100,000-token validation file evaluated 5 times is
    /// 3,600,000 + 500,000 = 4,100,000 tokens. SFT LoRA 4.1 × 0.48 = 1.968; DPO LoRA 4.1 × 1.20
    /// = 4.92; full SFT 4.1 × 0.54 = 2.214. On the 70B model (bucket above 69B up to 100B) SFT
    /// LoRA 4.1 × 2.90 = 11.89.
    @Test(arguments: [
        ("meta-llama/Meta-Llama-3.1-8B-Instruct-Reference", TrainingMethod.sftLoRA, "1.968"),
        ("meta-llama/Meta-Llama-3.1-8B-Instruct-Reference", .dpoLoRA, "4.92"),
        ("meta-llama/Meta-Llama-3.1-8B-Instruct-Reference", .sftFull, "2.214"),
        ("meta-llama/Meta-Llama-3.1-70B-Instruct-Reference", .sftLoRA, "11.89"),
    ])
    func togetherLoRATrainingJob(base: String, method: TrainingMethod, total: String) throws {
        let catalog = try #require(Self.catalog)
        let training = try #require(catalog.trainingPrice(forBaseModel: base, at: Self.at, method: method))
        #expect(training.method == method)
        let tokens = try TrainingQuantity.estimatedTokens(
            fileTokens: 1_200_000, epochs: 3, validationTokens: 100_000, evaluations: 5)
        #expect(tokens == 4_100_000)
        #expect(try training.price.cost(of: .tokens(tokens)).exactDecimalString == total)
    }

    /// Without a method, a job is priced as supervised LoRA, the cheapest and the usual
    /// distillation run: 0.48 for the 8B model.
    @Test func anUnstatedMethodIsSupervisedLoRA() throws {
        let catalog = try #require(Self.catalog)
        let training = try #require(catalog.trainingPrice(forBaseModel: "meta-llama/Meta-Llama-3.1-8B-Instruct-Reference", at: Self.at))
        #expect(training.method == .sftLoRA && training.sizeBucket == "up to 16B")
        #expect(training.price == .perMillionTokens(ExactDecimal("0.48")!))
    }

    /// A Fireworks LoRA served serverless, called by its own name and mapped to its base in the
    /// user's aliases file, costs the base model's rate, 0.20 in and out: 1,500 prompt and 300
    /// completion tokens → 1,800 × 0.20 / 1M = 0.00036. Its training (8B, "up to 16B") is dataset
    /// tokens × epochs, no evaluation passes: 2,000,000 × 2 × 0.50 = 2.00. No DPO rate is
    /// published, so a DPO job is unpriced rather than priced at the SFT rate.
    @Test func fireworksServerlessLoRARequest() throws {
        let directory = try TemporaryDirectory("fireworks-lora-alias")
        try directory.write("aliases.yaml", """
            aliases:
              - { name: accounts/acme/models/triage-lora, model: accounts/fireworks/models/llama-v3p1-8b-instruct, provider: fireworks }
            """)
        let catalog = try PriceCatalog.load(directories: [PackageRoot.pricing, directory.url.path])
        let base = "accounts/fireworks/models/llama-v3p1-8b-instruct"
        let price = try #require(catalog.resolve(model: "accounts/acme/models/triage-lora", at: Self.at, tier: .default).price)
        #expect(price.model == base && !price.isFineTuned, "no fine-tuned markup: adapters pay the base rate")
        #expect(try cost(of: TokenUsage(input: 1_500, output: 300), at: price.rates).exactDecimalString == "0.00036")
        let training = try #require(catalog.trainingPrice(forBaseModel: base, at: Self.at))
        #expect(try training.price.cost(of: .estimated(fileTokens: 2_000_000, epochs: 2)).exactDecimalString == "2")
        #expect(catalog.trainingPrice(forBaseModel: base, at: Self.at, method: .dpoLoRA) == nil)
    }

    /// A dedicated Fireworks A100 for a 30-day month: 720 × 3.89 = 2,800.80.
    @Test func fireworksDedicatedDeploymentByTheHour() throws {
        let catalog = try #require(Self.catalog)
        let deployment = try #require(catalog.deploymentPrice(model: "fireworks/on-demand-a100-80gb", at: Self.at))
        #expect(DeploymentCost(hourlyRate: deployment.hourlyRate, days: 30).total.exactDecimalString == "2800.8")
    }
}
