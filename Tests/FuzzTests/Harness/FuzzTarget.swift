import Foundation
import Ingest

/// Every parser a file from outside reaches, with the fixtures its inputs are mutated from.
///
/// Ingest kinds are fuzzed with `--kind` given, so a damaged file reaches the kind's reader instead
/// of stopping at format detection; `auto` fuzzes the detection itself over every ingest seed.
package enum FuzzTarget: String, CaseIterable, Sendable, CustomStringConvertible {
    case completions
    case batchOutput = "batch-output"
    case requestsCSV = "requests-csv"
    case requestsJSONL = "requests-jsonl"
    case scores
    case otel
    case fineTuneJobs = "fine-tune-jobs"
    case evalRuns = "eval-runs"
    case usageBuckets = "usage-buckets"
    case billedCosts = "billed-costs"
    case autoDetect = "auto"
    case gzip
    case pricingCatalog = "pricing-catalog"
    case litellmImport = "litellm-import"
    case genAIPricesImport = "genai-prices-import"
    case trainingFile = "training-file"

    package var description: String { rawValue }

    /// The package root, found from this file's path (Tests/FuzzTests/Harness/FuzzTarget.swift).
    package static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    /// Committed inputs that once broke a parser: `Tests/FuzzTests/Crashers/<target>/`.
    package var crashersDirectory: String { Self.packageRoot + "/Tests/FuzzTests/Crashers/" + rawValue }

    /// Seed files, relative to the package root.
    package var seedPaths: [String] {
        let ingest = "Tests/IngestTests/Fixtures/"
        switch self {
        case .completions: return [ingest + "completions.jsonl", ingest + "stored-completions-page.json"]
        case .batchOutput: return [ingest + "batch-output.jsonl"]
        case .requestsCSV:
            return ["requests.csv", "aggregates.csv", "quirks.csv", "langfuse-observations.csv", "litellm-spend-logs.csv"]
                .map { ingest + $0 }
        case .requestsJSONL: return [ingest + "requests-log.jsonl"]
        case .scores: return [ingest + "eval-scores.jsonl", ingest + "scores-1-to-5.csv"]
        case .otel: return [ingest + "otel-trace.json"]
        case .fineTuneJobs: return [ingest + "fine-tuning-jobs.json"]
        case .evalRuns: return [ingest + "eval-run-export.json"]
        case .usageBuckets: return [ingest + "usage-page.json"]
        case .billedCosts: return [ingest + "costs-page.json"]
        case .autoDetect:
            return Self.allCases.filter { $0.ingestKind != nil && $0 != .gzip }.flatMap(\.seedPaths)
        case .gzip: return [ingest + "completions.jsonl.gz", ingest + "completions-two-members.jsonl.gz"]
        case .pricingCatalog:
            return [
                "pricing/openai.yaml", "pricing/anthropic.yaml", "pricing/google.yaml", "pricing/together.yaml", "pricing/fireworks.yaml",
                "pricing/examples/self-hosted-vllm.example.yaml", "pricing/examples/currency-rates.example.yaml",
            ]
        case .litellmImport:
            return ["Tests/PricingTests/Fixtures/litellm-1.55.6.excerpt.json", "Tests/PricingTests/Fixtures/litellm-1.110.2.excerpt.json"]
        case .genAIPricesImport:
            return ["Tests/PricingTests/Fixtures/genai-prices-openai.excerpt.yml", "Tests/PricingTests/Fixtures/genai-prices-data-v2.excerpt.json"]
        case .trainingFile: return ["Tests/TokenizerTests/Fixtures/training-sample.jsonl"]
        }
    }

    /// The kind `FileIngester` is told, nil for auto-detection; nil too for the non-ingest targets
    /// (see `isIngest`).
    package var ingestKind: FileKind? {
        switch self {
        case .completions, .gzip: return .completions
        case .batchOutput: return .batchOutput
        case .requestsCSV, .requestsJSONL: return .requests
        case .scores: return .scores
        case .otel: return .otel
        case .fineTuneJobs: return .fineTuneJobs
        case .evalRuns: return .evalRuns
        case .usageBuckets: return .usageBuckets
        case .billedCosts: return .billedCosts
        case .autoDetect, .pricingCatalog, .litellmImport, .genAIPricesImport, .trainingFile: return nil
        }
    }

    package var isIngest: Bool { ingestKind != nil || self == .autoDetect }

    /// The name the input is written under: the extension decides nothing but the `.gz` a user
    /// would see, and the pricing loader reads only `.yaml` files.
    package var inputFileName: String {
        switch self {
        case .requestsCSV: return "input.csv"
        case .gzip: return "input.jsonl.gz"
        case .pricingCatalog: return "input.yaml"
        case .genAIPricesImport: return "input.yml"
        default: return "input.jsonl"
        }
    }

    package func seeds() throws -> [[UInt8]] {
        try seedPaths.map { Array(try Data(contentsOf: URL(fileURLWithPath: Self.packageRoot + "/" + $0))) }
    }

    /// The committed crashers of this target, by file name.
    package func crashers() throws -> [(name: String, bytes: [UInt8])] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: crashersDirectory)) ?? []
        return try names.sorted().filter { !$0.hasPrefix(".") }.map {
            ($0, Array(try Data(contentsOf: URL(fileURLWithPath: crashersDirectory + "/" + $0))))
        }
    }
}
