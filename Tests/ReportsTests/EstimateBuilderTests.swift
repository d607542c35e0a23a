import Analytics
import CostModel
import DistillCore
import Pricing
import Statistics
import Testing
import TestSupport

@testable import Render
@testable import Reports

/// The estimate's projection, worked by hand at the shipped catalog's prices (and the example
/// catalog's for open-weight students), go-live 2026-12-01:
///
/// - Training file: 1,000,000 billable tokens per epoch, 3 epochs → 3,000,000 trained tokens.
/// - Traffic: 1,000 requests a day, 1,000 input (none cached) and 200 output tokens on the teacher;
///   student ratios 0.5 (input) and 1.0 (output) → 500 and 200 student tokens.
/// - Teacher gpt-4o-2024-08-06 ($2.50 / $10.00 per 1M): 0.0025 + 0.002 = $0.0045 per request.
/// - gpt-4o-mini-2024-07-18, priced as its fine-tune ($0.30 / $1.20; training $3.00 per 1M):
///   training 3,000,000 × 3 / 1M = $9.00; student 500 × 0.30 / 1M + 200 × 1.20 / 1M
///   = 0.00015 + 0.00024 = $0.00039; savings s = 0.0045 − 0.00039 = $0.00411 per request;
///   monthly 0.00411 × 1,000 × 30 = $123.30; break-even ceil(9 / 0.00411) = ceil(2,189.78) = 2,190
///   requests = ceil(2,190 / 1,000) = 3 days (2026-12-04).
///   Shutdown 2027-01-14 = 44 days after go-live. ROI(30) = (0.00411 × 30,000 − 9) / 9 = 12.7;
///   ROI(90) is cut at 44 days: (0.00411 × 44,000 − 9) / 9 = (180.84 − 9) / 9 = 19.0933…;
///   recovered by shutdown = 180.84 / 9 = 20.0933….
///   Low case (−25% tokens and volume, +25% ratios): teacher 750 / 150 tokens → $0.003375; student
///   round(750 × 0.625) = round(468.75) = 469 and round(150 × 1.25) = round(187.5) = 188 (half up)
///   → 469 × 0.30 + 188 × 1.20 = 140.7 + 225.6 → $0.0003663; s = $0.0030087; break-even
///   ceil(9 / 0.0030087) = 2,992 requests; at 750 a day ceil(3.99) = 4 days.
/// - gpt-4.1-mini-2025-04-14 (fine-tuned $0.80 / $3.20; training $5.00): training $15.00; student
///   0.0004 + 0.00064 = $0.00104; s = $0.00346; break-even ceil(4,335.26) = 4,336 requests, 5 days.
/// - meta-llama/Meta-Llama-3.1-8B-Instruct-Reference (Together, pricing/together.yaml: $0.18 / $0.18; 8B, so the
///   "up to 16B" SFT LoRA rate $0.48 per 1M): training 3,000,000 × 0.48 / 1M = $1.44; student
///   700 × 0.18 / 1M = $0.000126; s = $0.004374; break-even ceil(329.2) = 330 requests, 1 day; no
///   shutdown date.
/// - support-student-v3 (pricing/examples/self-hosted-vllm.example.yaml): training 3 hours (assumed
///   1 per epoch) × $2.49 = $7.47; one GPU rented 24 × $2.49 = $59.76 a day ÷ 1,000 = $0.05976 per
///   request > the teacher's: never.
@Suite struct EstimateBuilderTests {
    static let goLive = UTCDate(year: 2026, month: 12, day: 1)!

    static func catalog(examples: Bool = true) throws -> PriceCatalog {
        try PriceCatalog.load(
            directories: [PackageRoot.appending("pricing")] + (examples ? [PackageRoot.appending("pricing/examples")] : []))
    }

    static func inputs(
        _ students: [String], daily: Int64 = 1_000, goLive: UTCDate = goLive, quality: [String: PairedComparison] = [:]
    ) -> EstimateInputs {
        EstimateInputs(
            teacher: "gpt-4o-2024-08-06", candidates: students.map { EstimateInputs.CandidateInput(model: $0) },
            trainingFiles: [
                TrainingFileFigures(
                    path: "train.jsonl", counting: "o200k_base (exact)", isApproximate: false, examples: 1_000,
                    contextLimit: 65_536, totalTokens: 1_000_000, billableTokensPerEpoch: 1_000_000)
            ],
            epochs: 3, epochsBasis: "given with --epochs",
            traffic: EstimateInputs.Traffic(dailyRequests: daily, inputTokens: 1_000, outputTokens: 200, source: "given"),
            ratios: EstimateInputs.StudentRatios(input: ExactDecimal("0.5")!, output: ExactDecimal(1), source: "given"),
            horizonDays: [30, 90], goLive: goLive, quality: quality)
    }

    static func money(_ text: String) -> Money { Money(decimalText: text)! }

    @Test func oneCandidateWorkedByHand() throws {
        let estimate = try EstimateBuilder(catalog: Self.catalog(), inputs: Self.inputs(["gpt-4o-mini-2024-07-18"])).build()
        #expect(estimate.teacher.costPerRequest == Self.money("0.0045"))
        let candidate = try #require(estimate.candidates.first)
        #expect(candidate.pricedAs == "fine-tuned gpt-4o-mini rates")
        let projection = try #require(candidate.projection)
        #expect(projection.training.cost == Self.money("9"))
        #expect(projection.oneTimeCost.total == Self.money("9"))
        let expected = projection.expected
        #expect(expected.studentUsage == TokenUsage(input: 500, output: 200))
        #expect(expected.studentCostPerRequest.rounded == Self.money("0.00039"))
        #expect(expected.savingsPerRequest.rounded == Self.money("0.00411"))
        #expect(expected.monthlySavings == Self.money("123.3"))
        #expect(expected.breakEvenRequests == .after(2_190))
        #expect(expected.payback.days == 3)
        guard case .reached(let point) = expected.payback else { Issue.record("no payback"); return }
        #expect(point.date == UTCDate(year: 2026, month: 12, day: 4))
        #expect(!point.isAfterShutdown)
        #expect(projection.shutdown == UTCDate(year: 2027, month: 1, day: 14))
        #expect(projection.roi[0].roi == Ratio(127, 10))
        #expect(projection.roi[0].cappedAt == nil)
        // (180.84 − 9) / 9 = 171.84 / 9
        #expect(projection.roi[1].roi == Ratio(17_184, 900))
        #expect(projection.roi[1].cappedAt == UTCDate(year: 2027, month: 1, day: 14))
        #expect(projection.recoveredByShutdown == Ratio(18_084, 900))
        #expect(projection.paysBack)

        let low = projection.ranges[0]
        #expect(low.name == "low" && low.dailyRequests == 750)
        #expect(low.teacherUsage == TokenUsage(input: 750, output: 150))
        #expect(low.studentUsage == TokenUsage(input: 469, output: 188))
        #expect(low.savingsPerRequest.rounded == Self.money("0.0030087"))
        #expect(low.breakEvenRequests == .after(2_992))
        #expect(low.payback.days == 4)
        #expect(projection.ranges[2].name == "high")
        #expect(try #require(projection.ranges[2].payback.days) <= 3)

        // Sensitivity: CostModel's table; volume −50% → 500 a day → ceil(2,190 / 500) = 5 days.
        let volume = try #require(projection.sensitivity.first { $0.parameter == "daily volume" })
        #expect(volume.cases.map(\.changePercent) == [-50, -25, -10, 10, 25, 50])
        #expect(volume.cases[0].paybackDays == 5)
        #expect(!projection.sensitivity.contains { $0.parameter.contains("cache write") })
        #expect(projection.sensitivity.contains { $0.parameter == "teacher output price" })
        // The no-store defaults are stated, not hidden.
        #expect(estimate.notes.contains { $0.hasPrefix("Teacher data-generation cost is 0") })
        #expect(estimate.recommendation.verdict == .fineTune("gpt-4o-mini-2024-07-18"))
        #expect(estimate.recommendation.headline.contains("no quality data"))
    }

    @Test func candidatesComparedAndTheShortestPaybackRecommended() throws {
        let estimate = try EstimateBuilder(
            catalog: Self.catalog(),
            inputs: Self.inputs([
                "gpt-4o-mini-2024-07-18", "gpt-4.1-mini-2025-04-14", "gpt-4.1-nano-2025-04-14",
                "meta-llama/Meta-Llama-3.1-8B-Instruct-Reference", "support-student-v3",
            ])
        ).build()
        let byModel = Dictionary(uniqueKeysWithValues: estimate.candidates.map { ($0.model, $0) })
        let mini41 = try #require(byModel["gpt-4.1-mini-2025-04-14"]?.projection)
        #expect(mini41.training.cost == Self.money("15"))
        #expect(mini41.expected.studentCostPerRequest.rounded == Self.money("0.00104"))
        #expect(mini41.expected.breakEvenRequests == .after(4_336))
        #expect(mini41.expected.payback.days == 5)

        // gpt-4.1-nano shut down on 2026-10-23, before go-live: not an option, so no projection
        // (no negative days to shutdown, no payback after it).
        let nano = try #require(byModel["gpt-4.1-nano-2025-04-14"])
        #expect(nano.projection == nil && nano.status == "not an option")
        #expect(nano.unavailableReason?.contains("shuts down on 2026-10-23, on or before go-live (2026-12-01)") == true)

        let llama = try #require(byModel["meta-llama/Meta-Llama-3.1-8B-Instruct-Reference"]?.projection)
        #expect(llama.training.cost == Self.money("1.44"))
        #expect(llama.expected.studentCostPerRequest.rounded == Self.money("0.000126"))
        #expect(llama.expected.breakEvenRequests == .after(330))
        #expect(llama.expected.payback.days == 1)
        #expect(llama.shutdown == nil && llama.recoveredByShutdown == nil)

        let selfHosted = try #require(byModel["support-student-v3"]?.projection)
        #expect(selfHosted.training.cost == Self.money("7.47"))
        #expect(selfHosted.deploymentPerDay == Self.money("59.76"))
        #expect(selfHosted.expected.studentCostPerRequest.rounded == Self.money("0.05976"))
        #expect(selfHosted.expected.payback == .never(.noSavings))
        #expect(selfHosted.sensitivity.contains { $0.parameter == "student deployment cost" })

        #expect(estimate.recommendation.verdict == .fineTune("meta-llama/Meta-Llama-3.1-8B-Instruct-Reference"))
        #expect(estimate.recommendation.reasons.contains { $0.hasPrefix("Not an option: gpt-4.1-nano-2025-04-14 shuts down") })
        #expect(estimate.recommendation.reasons.contains { $0.contains("support-student-v3") && $0.contains("never pays back") })
    }

    @Test func aCandidateFailingTheQualityGateIsPassedOver() throws {
        // The llama student scores 20 points below the teacher on the same items: inferior.
        var teacher: [String: (score: Double?, passed: Bool?)] = [:]
        var weak: [String: (score: Double?, passed: Bool?)] = [:]
        var good: [String: (score: Double?, passed: Bool?)] = [:]
        for item in 0..<40 {
            let base = 0.7 + Double(item % 5) * 0.05
            teacher["i\(item)"] = (base, true)
            weak["i\(item)"] = (base - 0.2 - Double(item % 3) * 0.01, false)
            good["i\(item)"] = (base + Double(item % 3) * 0.01, true)
        }
        let quality = [
            "meta-llama/Meta-Llama-3.1-8B-Instruct-Reference": PairedComparison.compare(
                candidate: ("meta-llama/Meta-Llama-3.1-8B-Instruct-Reference", weak), reference: ("gpt-4o-2024-08-06", teacher), marginPoints: 2),
            "gpt-4o-mini-2024-07-18": PairedComparison.compare(
                candidate: ("ft:gpt-4o-mini-2024-07-18:acme::x", good), reference: ("gpt-4o-2024-08-06", teacher), marginPoints: 2),
        ]
        let estimate = try EstimateBuilder(
            catalog: Self.catalog(),
            inputs: Self.inputs(["meta-llama/Meta-Llama-3.1-8B-Instruct-Reference", "gpt-4o-mini-2024-07-18"], quality: quality)
        ).build()
        #expect(estimate.candidates[0].qualityGate == .notPassed("inferior"))
        #expect(estimate.candidates[1].qualityGate == .passed)
        #expect(estimate.recommendation.verdict == .fineTune("gpt-4o-mini-2024-07-18"))
        #expect(estimate.recommendation.headline.contains("quality gate passed"))
        #expect(estimate.recommendation.reasons.contains { $0.contains("fails the quality gate") })
    }

    @Test func doNotFineTuneWhenNothingPaysBackBeforeItsShutdown() throws {
        // Go-live 2027-01-05 (OpenAI still trains, for some organizations) at 100 requests a day:
        // gpt-4o-mini needs ceil(2,190 / 100) = 22 days, to 2027-01-27, after its shutdown on
        // 2027-01-14.
        let estimate = try EstimateBuilder(
            catalog: Self.catalog(examples: false),
            inputs: Self.inputs(["gpt-4o-mini-2024-07-18"], daily: 100, goLive: UTCDate(year: 2027, month: 1, day: 5)!)
        ).build()
        let mini = try #require(estimate.candidates[0].projection)
        #expect(mini.expected.payback.days == 22)
        guard case .reached(let point) = mini.expected.payback else { Issue.record("no payback"); return }
        #expect(point.isAfterShutdown && !mini.paysBack)
        // Recovered by shutdown: 9 days × 100 × 0.00411 = 3.699 of 9.
        #expect(mini.recoveredByShutdown == Ratio(3_699, 9_000))
        #expect(estimate.candidates[0].notes.contains { $0.contains("since 2026-07-02") })
        #expect(estimate.recommendation.verdict == .doNotFineTune)
        #expect(estimate.recommendation.reasons.contains {
            $0 == "gpt-4o-mini-2024-07-18 retires on 2027-01-14, before it would pay back (2027-01-27): not an option."
        })
        #expect(Estimate.paybackText(mini.expected.payback) == "not before its shutdown on 2027-01-14 (would take 22 days)")
    }

    /// OpenAI accepts no new fine-tuning jobs from 2027-01-06 (pricing/openai.yaml,
    /// `training_windows`): at go-live 2027-01-10 no OpenAI base can be trained, however
    /// cheap; the open-weight example student (no such rule) is recommended instead.
    @Test func goLiveAfterOpenAIStopsFineTuningRecommendsNoOpenAIFineTune() throws {
        let estimate = try EstimateBuilder(
            catalog: Self.catalog(),
            inputs: Self.inputs(
                ["gpt-4o-mini-2024-07-18", "gpt-4.1-mini-2025-04-14", "meta-llama/Meta-Llama-3.1-8B-Instruct-Reference"],
                goLive: UTCDate(year: 2027, month: 1, day: 10)!)
        ).build()
        for openAI in estimate.candidates.prefix(2) {
            #expect(openAI.projection == nil && openAI.status == "not an option")
            #expect(openAI.unavailableReason == "\(openAI.model) cannot be trained for go-live on 2027-01-10: openai accepts no new fine-tuning jobs from anyone since 2027-01-06 (DEP (2026-05-07 entry))")
            #expect(estimate.recommendation.reasons.contains { $0 == "Not an option: \(openAI.unavailableReason ?? "")." })
        }
        #expect(estimate.recommendation.verdict == .fineTune("meta-llama/Meta-Llama-3.1-8B-Instruct-Reference"))
        let json = estimate.json().rendered()
        #expect(json.contains(#""status": "not an option""#))
        let withoutOpenWeights = try EstimateBuilder(
            catalog: Self.catalog(examples: false),
            inputs: Self.inputs(["gpt-4o-mini-2024-07-18"], goLive: UTCDate(year: 2027, month: 1, day: 10)!)
        ).build()
        #expect(withoutOpenWeights.recommendation.verdict == .doNotFineTune)
        #expect(withoutOpenWeights.recommendation.headline.hasPrefix("Do not fine-tune: no candidate can be trained for go-live"))
    }

    @Test func anUnpricedCandidateIsListedAsUnpricedNeverZero() throws {
        let estimate = try EstimateBuilder(
            catalog: Self.catalog(examples: false),
            inputs: Self.inputs(["gpt-5-mini", "acme/house-model", "gpt-4o-mini-2024-07-18"])
        ).build()
        let gpt5 = estimate.candidates[0]
        #expect(gpt5.projection == nil)
        #expect(gpt5.unpricedReason?.contains("no training price") == true)
        let unknown = estimate.candidates[1]
        #expect(unknown.projection == nil)
        #expect(unknown.unpricedReason?.contains("no entry in the price catalog") == true)
        let json = estimate.json().rendered()
        #expect(json.contains(#""status": "unpriced""#))
        #expect(estimate.recommendation.verdict == .fineTune("gpt-4o-mini-2024-07-18"))
        #expect(estimate.recommendation.reasons.contains { $0.hasPrefix("acme/house-model is unpriced") })
    }

    @Test func anUnpricedTeacherStopsTheEstimate() throws {
        var inputs = Self.inputs(["gpt-4o-mini-2024-07-18"])
        inputs.teacher = "acme/unknown-teacher"
        let error = #expect(throws: ReportError.self) {
            try EstimateBuilder(catalog: Self.catalog(), inputs: inputs).build()
        }
        guard case .teacherUnpriced(let reason) = error else {
            Issue.record("expected teacherUnpriced, got \(String(describing: error))")
            return
        }
        #expect(reason.contains("acme/unknown-teacher"))
    }
}
