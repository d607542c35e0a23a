import CostModel
import DistillCore
import Testing

@testable import Pricing

/// Training prices by model size and method (`training_by_size`, `parameters_billion`, `method`)
/// and deployment throughput, as pricing/README.md describes them.
@Suite struct TrainingBySizeCatalogTests {
    static let at = Timestamp.parse("2026-03-01") ?? 0

    static let buckets = """
        training_by_size:
          - { effective_from: 2026-01-01, up_to_billion_parameters: 16, method: sft-lora, per_million_tokens: 0.48, source: s, as_of: x }
          - { effective_from: 2026-01-01, up_to_billion_parameters: 16, method: dpo-lora, per_million_tokens: 1.20, source: s, as_of: x }
          - { effective_from: 2026-01-01, above_billion_parameters: 16, up_to_billion_parameters: 69, method: sft-lora, per_million_tokens: 1.50, source: s, as_of: x }
        """

    static func model(_ id: String, parameters: String) -> String {
        """
          - id: \(id)
            parameters_billion: \(parameters)
            prices:
              - { effective_from: 2026-01-01, source: s, as_of: x, default: { input: 0.2, output: 0.2 } }
        """
    }

    /// 16 is in "up to 16B" (inclusive); 16.5 and 69 are in "above 16B up to 69B". Each model
    /// gets only its own bucket's methods: the 16B model both SFT and DPO, the 69B one SFT only.
    @Test func aModelTakesTheBucketsCoveringItsSize() throws {
        let text = Self.buckets + "\nmodels:\n" + [("small", "16"), ("mid", "16.5"), ("edge", "69")]
            .map { Self.model($0.0, parameters: $0.1) }.joined(separator: "\n")
        let (catalog, diagnostics) = PriceCatalog.parse(files: [("p.yaml", text)])
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let small = try #require(catalog.trainingPrice(forBaseModel: "small", at: Self.at, method: .dpoLoRA))
        #expect(small.price == .perMillionTokens(ExactDecimal("1.2")!) && small.sizeBucket == "up to 16B")
        let mid = try #require(catalog.trainingPrice(forBaseModel: "mid", at: Self.at))
        #expect(mid.price == .perMillionTokens(ExactDecimal("1.5")!) && mid.sizeBucket == "above 16B up to 69B")
        #expect(catalog.trainingPrice(forBaseModel: "edge", at: Self.at, method: .sftLoRA) != nil)
        #expect(catalog.trainingPrice(forBaseModel: "edge", at: Self.at, method: .dpoLoRA) == nil)
    }

    /// A size no bucket covers is an error naming the model's line, not a model without training.
    @Test func aSizeNoBucketCoversIsAnError() throws {
        let text = Self.buckets + "\nmodels:\n" + Self.model("huge", parameters: "120")
        let (_, diagnostics) = PriceCatalog.parse(files: [("p.yaml", text)])
        let error = try #require(diagnostics.first)
        #expect(diagnostics.count == 1)
        #expect(error.description.contains("p.yaml:6") && error.description.contains("120B parameters"), "\(error)")
    }

    /// SFT and DPO prices in force on the same day are two prices, not an overlap; two SFT prices
    /// sharing a day are; an unknown method names the allowed ones.
    @Test func methodsAreSequencedApart() throws {
        let text = """
            models:
              - id: m
                prices:
                  - { effective_from: 2026-01-01, source: s, as_of: x, default: { input: 1, output: 1 } }
                training:
                  - { effective_from: 2026-01-01, method: sft-lora, per_million_tokens: 1, source: s, as_of: x }
                  - { effective_from: 2026-01-01, method: dpo-lora, per_million_tokens: 2, source: s, as_of: x }
                  - { effective_from: 2026-02-01, method: sft-lora, per_million_tokens: 3, source: s, as_of: x }
            """
        let (catalog, diagnostics) = PriceCatalog.parse(files: [("p.yaml", text)])
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        // On 2026-03-01 SFT is the February price (3); DPO is still 2.
        #expect(catalog.trainingPrice(forBaseModel: "m", at: Self.at, method: .sftLoRA)?.price == .perMillionTokens(ExactDecimal(3)))
        #expect(catalog.trainingPrice(forBaseModel: "m", at: Self.at, method: .dpoLoRA)?.price == .perMillionTokens(ExactDecimal(2)))

        let clash = text.replacingOccurrences(of: "effective_from: 2026-02-01, method: sft-lora", with: "effective_from: 2026-01-01, method: sft-lora")
        let (_, clashDiagnostics) = PriceCatalog.parse(files: [("p.yaml", clash)])
        #expect(clashDiagnostics.contains { $0.description.contains("overlaps") && $0.description.contains("sft-lora") }, "\(clashDiagnostics)")

        let unknown = text.replacingOccurrences(of: "method: dpo-lora", with: "method: rlhf")
        let (_, unknownDiagnostics) = PriceCatalog.parse(files: [("p.yaml", unknown)])
        #expect(unknownDiagnostics.contains { $0.description.contains("p.yaml:7") && $0.description.contains("sft-lora, sft-full, dpo-lora, dpo-full") }, "\(unknownDiagnostics)")
    }

    /// A deployment of 2 GPUs at 2.49 each costs 4.98 an hour; its throughput needs a basis.
    @Test func deploymentsCarryGPUsAndThroughput() throws {
        let text = """
            models:
              - id: d
                prices:
                  - { effective_from: 2026-01-01, source: s, as_of: x, default: { input: 0, output: 0 } }
                deployment:
                  - { effective_from: 2026-01-01, per_hour: 2.49, gpus: 2, throughput: { tokens_per_second: 1800, basis: measured }, source: s, as_of: x }
            """
        let (catalog, diagnostics) = PriceCatalog.parse(files: [("p.yaml", text)])
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let deployment = try #require(catalog.deploymentPrice(model: "d", at: Self.at))
        #expect(deployment.hourlyRate == ExactDecimal("4.98")! && deployment.throughput?.basis == .measured)

        let (_, missing) = PriceCatalog.parse(files: [("p.yaml", text.replacingOccurrences(of: ", basis: measured", with: ""))])
        #expect(missing.contains { $0.description.contains("p.yaml:6") && $0.description.contains("basis") }, "\(missing)")
        let (_, zero) = PriceCatalog.parse(files: [("p.yaml", text.replacingOccurrences(of: "gpus: 2", with: "gpus: 0"))])
        #expect(zero.contains { $0.description.contains("`gpus` must be a whole number of at least 1") }, "\(zero)")
    }
}
