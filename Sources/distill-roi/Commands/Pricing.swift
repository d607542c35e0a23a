import ArgumentParser
import CostModel
import DistillCore
import Foundation
import Workflows

struct Pricing: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List, show, check, quote and import the model prices in pricing/.",
        discussion: """
            The catalog is $DISTILL_ROI_PRICING (directories separated by ':'), else ./pricing, else the \
            pricing/ folder of the package the executable was built in; each --pricing DIR is read after \
            it, and a later file overrides an earlier one model by model.
            """,
        subcommands: [List.self, Show.self, Check.self, Quote.self, Import.self, Diff.self])
}

/// `--at`, else now.
private func instant(_ at: Instant?) -> Int64 {
    at?.unixSeconds ?? Int64(Date().timeIntervalSince1970)
}

/// Prints a command's output and exits with its code (non-zero codes still print, e.g. `check`).
private func emit(_ output: PricingCommandOutput) throws {
    print(output.text, terminator: "")
    if output.exitCode != 0 { throw ExitCode(output.exitCode) }
}

extension Pricing {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Every model with its current prices, fine-tuned and training prices, and shutdown date.")

        @OptionGroup var pricing: PricingOptions
        @Option(help: "Show prices in force on this date (YYYY-MM-DD) instead of today.") var at: Instant?

        func run() throws {
            try reportingErrors {
                try emit(PricingListCommand.run(catalog: PricingLocation.catalog(extra: pricing.directories), at: instant(at)))
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The price period in force for a model, every tier, and which file and entry set it.")

        @OptionGroup var pricing: PricingOptions
        @Argument(help: "A model name: id, alias, dated snapshot or ft:BASE:org:suffix:id.") var model: String
        @Option(help: "The date (YYYY-MM-DD) or time to show the price for (default: now).") var at: Instant?

        func run() throws {
            try reportingErrors {
                try emit(PricingShowCommand.run(model: model, catalog: PricingLocation.catalog(extra: pricing.directories), at: instant(at)))
            }
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate price files: unknown keys, missing or negative prices, overlapping periods, colliding aliases.",
            discussion: "Every problem is printed as file:line. Exits 1 if there is any error.")

        @OptionGroup var pricing: PricingOptions
        @Argument(help: "The directory to check (default: the catalog the other commands use).") var directory: String?

        func run() throws {
            try reportingErrors {
                let directories = try directory.map { [$0] + pricing.directories } ?? PricingLocation.directories(extra: pricing.directories)
                try emit(PricingCheckCommand.run(directories: directories))
            }
        }
    }

    struct Quote: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The exact cost of one request, each component shown.",
            discussion: """
                Token counts follow the API: --input includes --cached and --cache-write tokens; --output \
                includes --reasoning tokens. An unpriced model exits 3 (with --json it prints \
                {"unpriced": true, "reason": ...}).
                """)

        @OptionGroup var pricing: PricingOptions
        @Option(help: "The model name as the API reports it.") var model: String
        @Option(help: "Prompt tokens, cached and cache-write included.") var input: Int64
        @Option(help: "Cached prompt tokens (part of --input).") var cached: Int64 = 0
        @Option(name: .customLong("cache-write"), help: "Prompt tokens written to the cache (part of --input).") var cacheWrite: Int64 = 0
        @Option(
            name: .customLong("cache-write-1h"),
            help: "Of the cache writes, those kept one hour (Anthropic; part of --cache-write).")
        var cacheWriteOneHour: Int64 = 0
        @Option(help: "Completion tokens, reasoning included.") var output: Int64
        @Option(help: "Reasoning tokens (part of --output; shown, not added again).") var reasoning: Int64 = 0
        @Option(help: "Service tier: default, batch, flex or priority (auto and scale map to default, fast to priority).") var tier = ServiceTier.default
        @Option(help: "The request's date (YYYY-MM-DD) or time (default: now).") var at: Instant?
        @Flag(help: "Print one JSON object; `total` is the exact unrounded amount as a decimal string.") var json = false

        func run() throws {
            try reportingErrors {
                let usage = TokenUsage(
                    input: input, cachedInput: cached, cacheWrite: cacheWrite, output: output, reasoning: reasoning,
                    cacheWriteOneHour: cacheWriteOneHour)
                let request = PricingQuoteCommand.Request(model: model, usage: usage, tier: tier, at: instant(at), json: json)
                try emit(PricingQuoteCommand.run(request, catalog: PricingLocation.catalog(extra: pricing.directories)))
            }
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Convert litellm's or genai-prices' price data into pricing/ YAML for review.",
            discussion: """
                Neither source has training prices; litellm has no price history. Undated prices start at \
                --effective-from (default: today), so past requests are never repriced by an import.
                """)

        @Option(help: "The source format: litellm or genai-prices.") var from: String
        @Argument(help: "litellm's model_prices_and_context_window.json, or a genai-prices provider YAML or data.json.") var file: String
        @Option(help: "Only this provider's models (litellm_provider / genai-prices provider id).") var provider = "openai"
        @Option(name: .customLong("effective-from"), help: "Start date for undated prices (YYYY-MM-DD; default: today).") var effectiveFrom: String?
        @Option(name: .customLong("as-of"), help: "The date the source reflects, for `as_of` (default: today).") var asOf: String?
        @Option(name: [.customShort("o"), .customLong("output")], help: "Write the YAML to this file instead of standard output.") var outputFile: String?

        func validate() throws {
            guard PricingImportCommand.Source(rawValue: from) != nil else {
                throw ValidationError("--from must be litellm or genai-prices, not `\(from)`.")
            }
        }

        func run() throws {
            try reportingErrors {
                guard let source = PricingImportCommand.Source(rawValue: from) else { return }
                try emit(
                    PricingImportCommand.run(
                        from: source, file: file, provider: provider, effectiveFrom: effectiveFrom, asOf: asOf, output: outputFile))
            }
        }
    }

    struct Diff: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List every model, tier and date where the catalog and a litellm or genai-prices file differ.",
            discussion: """
                Also lists where one side has no price. litellm has no history, so it is compared on --at only; \
                genai-prices on every date either side changes a price. Exits 1 when anything differs.
                """)

        @OptionGroup var pricing: PricingOptions
        @Option(help: "litellm's model_prices_and_context_window.json, or genai-prices' data.json or provider YAML.") var against: String
        @Option(help: "Only this provider's models (litellm_provider / genai-prices provider id).") var provider = "openai"
        @Option(help: "The date (YYYY-MM-DD) to compare undated prices on (default: today).") var at: Instant?

        func run() throws {
            try reportingErrors {
                try emit(
                    PricingDiffCommand.run(
                        catalog: PricingLocation.catalog(extra: pricing.directories), against: against, provider: provider,
                        at: instant(at)))
            }
        }
    }
}
