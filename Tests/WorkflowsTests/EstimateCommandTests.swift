import Analytics
import CostModel
import DistillCore
import Foundation
import Pricing
import Reports
import Testing
import TestSupport
import Tokenizer

@testable import Workflows

/// `distill-roi estimate` end to end through the application service: a tiny training file
/// counted exactly and worked by hand, the approximate label, the tokenizer's message when the
/// rank files are missing, and the demo's estimate in every format.
@Suite struct EstimateCommandTests {
    static let tokenizerData = TokenizerDataDirectory.resolve(currentDirectory: PackageRoot.path).path

    /// Four identical examples, `user: Hi` / `assistant: Hello`. The cookbook counts 3 per message
    /// plus each value's tokens (`user`, `Hi`, `assistant`, `Hello` are one token each in
    /// o200k_base), plus 3 for the reply: 2 × (3 + 1 + 1) + 3 = 13 tokens an example, 52 a file.
    static let tinyExample = #"{"messages":[{"role":"user","content":"Hi"},{"role":"assistant","content":"Hello"}]}"#

    private func options(_ folder: TemporaryDirectory, students: [String] = ["gpt-4o-mini-2024-07-18"]) throws -> EstimateCommand.Options {
        let file = try folder.write("train.jsonl", Array(repeating: Self.tinyExample, count: 4).joined(separator: "\n") + "\n")
        var options = EstimateCommand.Options(
            trainingFile: file, teacher: "gpt-4o-2024-08-06", students: students, databasePath: folder.path("none.sqlite"))
        options.dailyRequests = 1
        options.inputTokens = 100
        options.outputTokens = 10
        options.horizonDays = [30]
        options.goLive = UTCDate(iso: "2026-12-01")
        options.output.directory = folder.path("out")
        options.environment = [TokenizerDataDirectory.environmentVariable: Self.tokenizerData]
        return options
    }

    private func catalog() throws -> PriceCatalog {
        try PriceCatalog.load(directories: [PackageRoot.appending("pricing")])
    }

    /// - Epochs auto for 4 examples: 4 × 3 < 100 passes → min(25, 100 / 4) = 25 epochs.
    /// - Training: 52 × 25 = 1,300 tokens × $3.00 / 1M = $0.0039.
    /// - Teacher gpt-4o: 100 × 2.50 / 1M + 10 × 10.00 / 1M = $0.00035 per request.
    /// - Default ratios 0.35 / 1.0: student 35 in, 10 out at the gpt-4o-mini fine-tune's
    ///   $0.30 / $1.20 = 0.0000105 + 0.000012 = $0.0000225; savings $0.0003275 per request.
    /// - Break-even ceil(0.0039 / 0.0003275) = ceil(11.9) = 12 requests = 12 days at 1 a day.
    /// - ROI(30) = (0.0003275 × 30 − 0.0039) / 0.0039 = 0.005925 / 0.0039 = 79 / 52 ≈ 151.9%.
    @Test func tinyTrainingFileWorkedByHand() throws {
        let folder = try TemporaryDirectory()
        let estimate = try EstimateCommand.build(try options(folder), catalog: catalog())
        let file = try #require(estimate.trainingFiles.first)
        #expect(file.counting == "o200k_base (exact)")
        #expect(file.examples == 4)
        #expect(file.billableTokensPerEpoch == 52)
        #expect(estimate.epochs == 25)
        #expect(estimate.epochsBasis.hasPrefix("auto"))
        #expect(estimate.ratios.source.hasPrefix("DEFAULT (input 0.35, output 1.0)"))
        let projection = try #require(estimate.candidates.first?.projection)
        #expect(projection.training.cost == Money(decimalText: "0.0039"))
        #expect(projection.expected.teacherCostPerRequest.rounded == Money(decimalText: "0.00035"))
        #expect(projection.expected.studentUsage == TokenUsage(input: 35, output: 10))
        #expect(projection.expected.studentCostPerRequest.rounded == Money(decimalText: "0.0000225"))
        #expect(projection.expected.savingsPerRequest.rounded == Money(decimalText: "0.0003275"))
        #expect(projection.expected.breakEvenRequests == .after(12))
        #expect(projection.expected.payback.days == 12)
        #expect(projection.roi.first?.roi == Ratio(79, 52))
        #expect(!estimate.approximateTokens)
        #expect(estimate.notes.contains { $0.contains("no database at") })
    }

    @Test func givenEpochsRatiosAndMalformedExamples() throws {
        let folder = try TemporaryDirectory()
        var options = try options(folder)
        let lines = [Self.tinyExample, "{not json", #"{"messages":[{"role":"user","content":"Hi"}]}"#, Self.tinyExample]
        options.trainingFile = try folder.write("mixed.jsonl", lines.joined(separator: "\n") + "\n")
        options.epochs = .fixed(2)
        options.studentInputRatio = ExactDecimal("0.5")
        let estimate = try EstimateCommand.build(options, catalog: catalog())
        let file = try #require(estimate.trainingFiles.first)
        #expect(file.examples == 2 && file.invalidExamples == 2)
        #expect(file.issues.contains { $0.contains("mixed.jsonl:2:") })
        #expect(file.issues.contains { $0.contains("mixed.jsonl:3:") })
        #expect(estimate.notes.contains { $0.contains("2 malformed example(s)") })
        #expect(estimate.epochs == 2)
        // Input ratio given, output from the default.
        #expect(estimate.ratios.input == ExactDecimal("0.5"))
        #expect(estimate.ratios.output == ExactDecimal(1))
        #expect(estimate.ratios.source.hasPrefix("input given on the command line"))
        // 26 billable tokens × 2 epochs = 52 tokens × $3 / 1M.
        #expect(estimate.candidates.first?.projection?.training.cost == Money(decimalText: "0.000156"))
    }

    @Test func approximateCountsAreLabelled() throws {
        let folder = try TemporaryDirectory()
        var options = try options(folder)
        options.approximateTokens = true
        options.environment = [TokenizerDataDirectory.environmentVariable: folder.path("no-rank-files")]
        let paths = try EstimateCommand.run(options)
        #expect(paths.count >= 4)
        for path in paths where path.hasSuffix(".html") || path.hasSuffix(".md") || path.hasSuffix(".json") {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            #expect(text.contains("approximate") || text.contains("APPROXIMATE"), "\(path)")
        }
    }

    @Test func missingRankFilesGiveTheTokenizersMessage() throws {
        let folder = try TemporaryDirectory()
        var options = try options(folder)
        options.environment = [TokenizerDataDirectory.environmentVariable: folder.path("no-rank-files")]
        do {
            _ = try EstimateCommand.build(options, catalog: catalog())
            Issue.record("expected the missing rank file to stop the estimate")
        } catch let error as TokenizerError {
            #expect(error.description.contains("make tokenizer-data"))
        }
    }

    @Test func trafficMustBeGivenOrMeasured() throws {
        let folder = try TemporaryDirectory()
        var options = try options(folder)
        options.dailyRequests = nil
        #expect(throws: EstimateTrafficError.missing) { try EstimateCommand.build(options, catalog: catalog()) }
        options.volumeFromDB = true
        #expect(throws: EstimateTrafficError.noDatabase(path: options.databasePath)) {
            try EstimateCommand.build(options, catalog: catalog())
        }
    }

    @Test func demoTrainingFileIsDeterministicAndValid() throws {
        let folder = try TemporaryDirectory()
        let first = try DemoTrainingFile(seed: 42).write(to: folder.path("a.jsonl"))
        let second = try DemoTrainingFile(seed: 42).write(to: folder.path("b.jsonl"))
        let other = try DemoTrainingFile(seed: 7).write(to: folder.path("c.jsonl"))
        #expect(FileManager.default.contents(atPath: first) == FileManager.default.contents(atPath: second))
        #expect(FileManager.default.contents(atPath: first) != FileManager.default.contents(atPath: other))
        let analysis = try TrainingFileAnalyzer(
            counting: .exact(BPETokenizer(encoding: .o200kBase, dataDirectory: TokenizerDataDirectory(path: Self.tokenizerData)))
        ).analyze(fileAt: first)
        #expect(analysis.exampleCount == 300)
        #expect(analysis.isValid)
        #expect((analysis.tokensPerExample?.mean ?? 0) > 100)
    }

    /// The demo's database and training file give an estimate in every format, with the ratios,
    /// data-generation and evaluation costs measured in the store.
    @Test func demoEstimateRendersInAllFormats() throws {
        let folder = try TemporaryDirectory()
        let demo = DemoCommand.Options(
            requests: 3_000, databasePath: folder.path("demo.sqlite"), outputDirectory: folder.path("demo"))
        _ = try DemoCommand.run(demo)
        let paths = try DemoCommand.renderEstimate(demo, scratchDirectory: folder.path("scratch"), tokenizerData: Self.tokenizerData)
        for suffix in [".html", ".md", ".xlsx", ".json"] {
            #expect(paths.contains { $0.hasSuffix("estimate-2026-12-07" + suffix) }, "no \(suffix)")
        }
        #expect(paths.contains { $0.hasSuffix(".svg") })
        let jsonPath = try #require(paths.first { $0.hasSuffix(".json") })
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: jsonPath))) as? [String: Any])
        let ratios = try #require(json["student_ratios"] as? [String: Any])
        #expect((ratios["source"] as? String)?.hasPrefix("measured from evaluation calls") == true)
        let candidates = try #require(json["candidates"] as? [[String: Any]])
        let mini = try #require(candidates.first { $0["model"] as? String == "gpt-4o-mini-2024-07-18" })
        let oneTime = try #require(mini["one_time_cost"] as? [String: Any])
        #expect(Double(oneTime["teacher_data_generation"] as? String ?? "0") ?? 0 > 0)
        #expect(Double(oneTime["evaluation"] as? String ?? "0") ?? 0 > 0)
        // The demo evaluated a gpt-4o-mini fine-tune against the teacher on the same items.
        #expect((mini["quality_gate"] as? String) != "no quality data")
        let recommendation = try #require(json["recommendation"] as? [String: Any])
        #expect(recommendation["headline"] as? String != nil)

        // The same store measures the teacher's traffic for --volume-from-db.
        var measured = EstimateCommand.Options(
            trainingFile: folder.path("scratch/training.jsonl"), teacher: "gpt-5.2-2025-12-11", students: ["gpt-4o-mini-2024-07-18"],
            databasePath: demo.databasePath)
        measured.volumeFromDB = true
        measured.filters = [TagFilter(key: "use_case", value: "support")]
        measured.goLive = UTCDate(iso: "2026-12-07")
        measured.environment = [TokenizerDataDirectory.environmentVariable: Self.tokenizerData]
        let estimate = try EstimateCommand.build(measured, catalog: catalog())
        #expect(estimate.traffic.source.hasPrefix("measured: gpt-5.2-2025-12-11's"))
        #expect(estimate.traffic.dailyRequests > 0)
        #expect(estimate.spreads.volume == 10)
    }

    /// The built executable: paths on stdout and exit 0; the tokenizer's message and exit 1 when
    /// the rank files are missing; exit 64 without a candidate.
    @Test func executableWritesTheEstimateAndReportsErrors() throws {
        let folder = try TemporaryDirectory()
        let file = try folder.write("train.jsonl", Self.tinyExample + "\n")
        let common = [
            "estimate", "--training-file", file, "--teacher", "gpt-4o-2024-08-06", "--daily-requests", "10",
            "--input-tokens", "100", "--output-tokens", "10", "--go-live", "2026-12-01", "--db", folder.path("none.sqlite"),
            "--out", folder.path("out"), "--format", "json,md",
        ]
        var environment = ProcessInfo.processInfo.environment
        environment[TokenizerDataDirectory.environmentVariable] = Self.tokenizerData
        let ok = try ExternalProgram.run(
            PackageRoot.executable, common + ["--student", "gpt-4o-mini-2024-07-18,gpt-4.1-mini"], environment: environment,
            currentDirectory: PackageRoot.path)
        #expect(ok.status == 0, "\(ok.standardError)")
        #expect(ok.standardOutput.contains("estimate-2026-12-01.json"))
        #expect(ok.standardOutput.contains("estimate-2026-12-01.md"))

        environment[TokenizerDataDirectory.environmentVariable] = folder.path("no-rank-files")
        let missing = try ExternalProgram.run(
            PackageRoot.executable, common + ["--student", "gpt-4o-mini-2024-07-18"], environment: environment,
            currentDirectory: PackageRoot.path)
        #expect(missing.status == 1)
        #expect(missing.standardError.contains("make tokenizer-data"))

        let none = try ExternalProgram.run(PackageRoot.executable, common, environment: environment, currentDirectory: PackageRoot.path)
        #expect(none.status == 64)
        #expect(none.standardError.contains("--student"))
    }
}
