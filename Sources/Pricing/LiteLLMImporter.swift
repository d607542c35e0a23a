import CostModel
import DistillCore
import Yams

/// Converts litellm's `model_prices_and_context_window.json` into the `pricing/` format.
///
/// The JSON is composed with Yams (JSON is YAML), so each price keeps its source text and
/// `2.5e-06` per token becomes exactly `2.5` per 1M, never via `Double`. What litellm lacks, the
/// output says: it has one current price per key and no history, so every price starts at the
/// given `effectiveFrom`; it has no training prices at all.
public struct LiteLLMImporter: Sendable {
    /// Only entries whose `litellm_provider` equals this are converted.
    public let provider: String
    /// The date the imported prices start (litellm has no history).
    public let effectiveFrom: UTCDate
    /// The date the file reflects.
    public let asOf: String

    public init(provider: String = "openai", effectiveFrom: UTCDate, asOf: String) {
        self.provider = provider
        self.effectiveFrom = effectiveFrom
        self.asOf = asOf
    }

    /// Price keys per tier: the suffix litellm appends, and our tier.
    static let tierSuffixes: [(String, ServiceTier)] = [("", .default), ("_batches", .batch), ("_flex", .flex), ("_priority", .priority)]
    static let convertedKeys: Set<String> = Set(
        tierSuffixes.flatMap { suffix, _ in
            ["input_cost_per_token", "output_cost_per_token", "cache_read_input_token_cost", "cache_creation_input_token_cost"]
                .map { $0 + suffix }
        })

    static func isConverted(_ key: String, _ entry: Node.Mapping) -> Bool {
        if convertedKeys.contains(key) { return true }
        return longContextThresholds(entry).contains { threshold in
            convertedKeys.contains(key.replacingOccurrences(of: "_above_\(threshold)k_tokens", with: ""))
        }
    }

    public func convert(_ text: String, file: String) throws(PricingError) -> ImportedCatalog {
        let root: Node?
        do {
            root = try Yams.compose(yaml: SurrogatePairs.yamlEscaped(text))
        } catch {
            throw .importFailed(location: SourceLocation(file: file, line: 1), reason: "the file is not valid JSON (\(error))")
        }
        guard let mapping = root?.mapping else {
            throw .importFailed(location: SourceLocation(file: file, line: 1), reason: "litellm's file is one JSON object keyed by model name")
        }
        var catalog = ImportedCatalog(
            provider: provider,
            header: [
                "Imported from litellm (\(file)) by `distill-roi pricing import --from litellm`.",
                "litellm keeps one current price per model and no history: every price below starts on",
                "\(effectiveFrom) (--effective-from). Set earlier dates only where you know the price applied.",
                "litellm has no training prices: add `training:` entries by hand (see pricing/openai.yaml).",
                "Prices are litellm's per-token costs × 1,000,000, converted exactly.",
            ])
        var fineTuned: [(base: String, line: Int, period: ImportedCatalog.Period)] = []
        for (keyNode, value) in mapping {
            guard let key = keyNode.scalar?.string, key != "sample_spec", let entry = value.mapping else { continue }
            let line = keyNode.mark?.line ?? 1
            guard entry["litellm_provider"]?.scalar?.string == provider else { continue }
            var comments: [String] = []
            let tiers = try rates(entry, key: key, file: file, line: line, comments: &comments)
            guard tiers[.default] != nil else {
                catalog.skipped.append("\(key) (line \(line)): no input and output price per token")
                continue
            }
            var period = ImportedCatalog.Period(
                effectiveFrom: effectiveFrom, tiers: tiers,
                source: entry["source"]?.scalar?.string ?? "litellm model_prices_and_context_window.json", asOf: asOf)
            for threshold in Self.longContextThresholds(entry) {
                let long = try rates(entry, key: key, file: file, line: line, comments: &comments, above: threshold)
                if !long.isEmpty { period.longContext[threshold * 1000] = long }
            }
            period.comments = comments
            if let base = PriceCatalog.fineTunedBase(of: key) {
                fineTuned.append((base, line, period))
                continue
            }
            var model = ImportedCatalog.Model(id: key)
            if let text = entry["deprecation_date"]?.scalar?.string, let date = UTCDate(iso: text) {
                model.shutdown = date
                model.shutdownSource = "litellm deprecation_date" + ((entry["deprecation_source"]?.scalar?.string).map { " (\($0))" } ?? "")
            }
            model.prices = [period]
            catalog.models.append(model)
        }
        for item in fineTuned {
            guard let index = catalog.models.firstIndex(where: { $0.id == item.base }) else {
                catalog.skipped.append("ft:\(item.base) (line \(item.line)): no `\(item.base)` entry in the file to attach fine-tuned prices to")
                continue
            }
            catalog.models[index].fineTuned.append(item.period)
        }
        return catalog
    }

    /// The thresholds, in thousands, of litellm's long-context keys (`input_cost_per_token_above_272k_tokens`:
    /// the whole request above 272,000 input tokens, as the catalog's `above_input_tokens`).
    static func longContextThresholds(_ entry: Node.Mapping) -> [Int64] {
        let prefix = "input_cost_per_token_above_"
        return Set(
            entry.keys.compactMap { node -> Int64? in
                guard let key = node.scalar?.string, key.hasPrefix(prefix), key.hasSuffix("k_tokens") else { return nil }
                return Int64(key.dropFirst(prefix.count).dropLast("k_tokens".count))
            }
        ).sorted()
    }

    private func rates(
        _ entry: Node.Mapping, key: String, file: String, line: Int, comments: inout [String], above threshold: Int64? = nil
    ) throws(PricingError) -> [ServiceTier: TokenRates] {
        let band = threshold.map { "_above_\($0)k_tokens" } ?? ""
        func price(_ name: String) throws(PricingError) -> ExactDecimal? {
            guard let node = entry[name] else { return nil }
            guard let text = node.scalar?.string, let value = ExactDecimal(text, timesPowerOfTen: 6), !value.isNegative else {
                throw .importFailed(
                    location: SourceLocation(file: file, line: node.mark?.line ?? line),
                    reason: "`\(name)` of `\(key)` is not a non-negative per-token price with at most 15 decimals")
            }
            return value
        }
        var tiers: [ServiceTier: TokenRates] = [:]
        for (suffix, tier) in Self.tierSuffixes {
            let input = try price("input_cost_per_token" + band + suffix)
            let output = try price("output_cost_per_token" + band + suffix)
            let cached = try price("cache_read_input_token_cost" + band + suffix)
            let write = try price("cache_creation_input_token_cost" + band + suffix)
            guard let input, let output else {
                if threshold != nil { continue }
                if input != nil || output != nil {
                    comments.append("litellm lists only part of the \(tier.rawValue) rates (it would derive the rest); not converted")
                }
                continue
            }
            tiers[tier] = TokenRates(input: input, cachedInput: cached, cacheWrite: write, output: output)
            if write != nil, cached == nil {
                comments.append("check: litellm lists a cache-creation but no cache-read price for \(tier.rawValue) (possibly mislabelled)")
            }
        }
        if threshold != nil { return tiers }
        if tiers[.batch] == nil, tiers[.default] != nil {
            comments.append("no batch keys: litellm would halve the standard rates; batch requests stay unpriced until you add them")
        }
        let unconverted = entry.keys.compactMap { $0.scalar?.string }
            .filter { ($0.contains("cost") || $0.contains("_above_")) && !Self.isConverted($0, entry) }
            .sorted()
        if !unconverted.isEmpty {
            comments.append("not converted: \(unconverted.joined(separator: ", "))")
        }
        return tiers
    }
}
