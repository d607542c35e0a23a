import CostModel
import DistillCore
import Yams

/// Converts pydantic/genai-prices data into the `pricing/` format: a provider YAML file
/// (`prices/providers/openai.yml`), the generated JSON feed (`data.json`, one provider object or
/// the list of providers), or the wheel's data re-serialised in that shape.
///
/// genai-prices has history only where a maintainer added a `start_date`, and its first price has
/// no start at all; tier variants (batch, flex, priority) start on the day they were verified; it
/// has no training prices and no fine-tuned rates beyond gpt-4o/gpt-4o-mini. The output keeps its
/// dated prices, starts undated ones at `effectiveFrom`, and says what it could not convert.
public struct GenAIPricesImporter: Sendable {
    public let provider: String
    /// Where an undated first price starts (genai-prices records none).
    public let effectiveFrom: UTCDate
    /// Used when a model has no `prices_checked` date.
    public let asOf: String

    public init(provider: String = "openai", effectiveFrom: UTCDate, asOf: String) {
        self.provider = provider
        self.effectiveFrom = effectiveFrom
        self.asOf = asOf
    }

    /// Our field for a genai-prices token price key; nil for keys we do not convert.
    static func field(for key: String) -> WritableKeyPath<PartialRates, ExactDecimal?>? {
        switch key {
        case "input_mtok": return \.input
        case "cache_read_mtok": return \.cachedInput
        case "cache_write_mtok": return \.cacheWrite
        case "output_mtok": return \.output
        default: return nil
        }
    }

    /// Token prices as genai-prices writes them: any key may be absent, and a variant overrides
    /// each key independently.
    struct PartialRates: Sendable {
        var input: ExactDecimal?
        var cachedInput: ExactDecimal?
        var cacheWrite: ExactDecimal?
        var output: ExactDecimal?
        /// Tiered prices (`{base, tiers: [{start, price}]}`): the whole request's rates once its
        /// input passes `start`, by start. genai-prices selects a tier when the count is greater
        /// than start, the catalog's `above_input_tokens`.
        var longContext: [Int64: PartialRates] = [:]

        /// A variant's own keys win, key by key, as in genai-prices. Long-context rates: a variant
        /// that re-prices input or output without tiers has none (it must not inherit the
        /// standard long rates); otherwise its tiers overlay the standard ones at each start.
        func overlaid(with other: PartialRates) -> PartialRates {
            var result = PartialRates(
                input: other.input ?? input, cachedInput: other.cachedInput ?? cachedInput,
                cacheWrite: other.cacheWrite ?? cacheWrite, output: other.output ?? output)
            if other.input == nil && other.output == nil {
                result.longContext = longContext
            } else {
                for (start, rates) in other.longContext {
                    result.longContext[start] = (longContext[start] ?? PartialRates()).overlaid(with: rates)
                }
            }
            return result
        }

        var rates: TokenRates? {
            guard let input, let output else { return nil }
            return TokenRates(input: input, cachedInput: cachedInput, cacheWrite: cacheWrite, output: output)
        }
    }

    public func convert(_ text: String, file: String) throws(PricingError) -> ImportedCatalog {
        let root: Node?
        do {
            root = try Yams.compose(yaml: SurrogatePairs.yamlEscaped(text))
        } catch {
            throw .importFailed(location: SourceLocation(file: file, line: 1), reason: "the file is neither YAML nor JSON (\(error))")
        }
        guard let providerNode = findProvider(root) else {
            throw .importFailed(
                location: SourceLocation(file: file, line: 1), reason: "no genai-prices provider `\(provider)` with a `models` list in the file")
        }
        let source = providerNode["pricing_urls"]?.sequence?.first?.scalar?.string ?? "genai-prices"
        var catalog = ImportedCatalog(
            provider: provider,
            header: [
                "Imported from genai-prices (\(file)) by `distill-roi pricing import --from genai-prices`.",
                "genai-prices records no start date for a model's first price: undated prices below start on",
                "\(effectiveFrom) (--effective-from); dated prices keep their `start_date`.",
                "Its batch/flex/priority variants start on the day genai-prices verified them; before that",
                "those tiers are unpriced here (genai-prices would silently use standard prices).",
                "genai-prices has no training prices and few fine-tuned rates: add them by hand (see pricing/openai.yaml).",
            ])
        var fineTunedPrefixes: [(prefix: String, id: String, periods: [ImportedCatalog.Period])] = []
        for modelNode in providerNode["models"]?.sequence.map(Array.init) ?? [] {
            guard let id = modelNode["id"]?.scalar?.string else { continue }
            let line = modelNode.mark?.line ?? 1
            var equals: [String] = []
            var prefixes: [String] = []
            var others: [String] = []
            if let match = modelNode["match"] { collect(match, equals: &equals, prefixes: &prefixes, others: &others) }
            var comments: [String] = []
            let periods = try self.periods(modelNode, id: id, file: file, source: source, comments: &comments)
            if periods.isEmpty {
                catalog.skipped.append("\(id) (line \(line)): no input and output token prices")
                continue
            }
            if let ftPrefix = prefixes.first(where: { $0.hasPrefix("ft:") }) {
                fineTunedPrefixes.append((String(ftPrefix.dropFirst(3)), id, periods))
                continue
            }
            if equals.isEmpty, !prefixes.isEmpty {
                catalog.skipped.append("\(id) (line \(line)): matched only by prefix \(prefixes.joined(separator: ", ")), which pricing/ does not express")
                continue
            }
            var model = ImportedCatalog.Model(id: id)
            model.aliases = equals.filter { $0 != id }
            model.comments = comments.reduce(into: []) { unique, comment in if !unique.contains(comment) { unique.append(comment) } }
            if !prefixes.isEmpty || !others.isEmpty {
                model.comments.append("match clauses not converted: \((prefixes + others).joined(separator: ", "))")
            }
            if modelNode["deprecated"]?.scalar?.string == "true" {
                model.comments.append("genai-prices marks this model deprecated (no shutdown date given)")
            }
            model.prices = periods
            catalog.models.append(model)
        }
        for fineTuned in fineTunedPrefixes {
            let bases = catalog.models.indices.filter { index in
                ([catalog.models[index].id] + catalog.models[index].aliases).contains { $0.hasPrefix(fineTuned.prefix) }
            }
            if bases.isEmpty {
                catalog.skipped.append("\(fineTuned.id): no model in the file matches its base prefix `\(fineTuned.prefix)`")
            }
            for index in bases { catalog.models[index].fineTuned = fineTuned.periods }
        }
        return catalog
    }

    /// The provider object: the root itself (a provider file or object), or the one with our id in
    /// a list of providers.
    private func findProvider(_ root: Node?) -> Node? {
        guard let root else { return nil }
        if root.mapping != nil, root["models"]?.sequence != nil { return root }
        return root.sequence?.first { $0["id"]?.scalar?.string == provider && $0["models"]?.sequence != nil }
    }

    private func collect(_ clause: Node, equals: inout [String], prefixes: inout [String], others: inout [String]) {
        guard let mapping = clause.mapping else { return }
        for (key, value) in mapping {
            switch key.scalar?.string {
            case "equals": value.scalar.map { equals.append($0.string) }
            case "starts_with": value.scalar.map { prefixes.append($0.string) }
            case "or", "and":
                for item in value.sequence.map(Array.init) ?? [] { collect(item, equals: &equals, prefixes: &prefixes, others: &others) }
            default: others.append("\(key.scalar?.string ?? "?"): \(value.scalar?.string ?? "…")")
            }
        }
    }

    private func periods(_ model: Node, id: String, file: String, source: String, comments: inout [String]) throws(PricingError)
        -> [ImportedCatalog.Period]
    {
        let asOf = model["prices_checked"]?.scalar?.string ?? self.asOf
        // Base prices: one object, or a list of {constraint?: {start_date}, prices}.
        var base: [(start: UTCDate?, rates: PartialRates)] = []
        if let prices = model["prices"] {
            if let list = prices.sequence {
                for entry in list {
                    guard let rates = entry["prices"] else { continue }
                    if let constraint = entry["constraint"], constraint["start_date"] == nil {
                        comments.append("a time-of-day price was not converted")
                        continue
                    }
                    let start = entry["constraint"]?["start_date"]?.scalar.flatMap { UTCDate(iso: $0.string) }
                    base.append((start, try partialRates(rates, id: id, file: file, comments: &comments)))
                }
            } else {
                base.append((nil, try partialRates(prices, id: id, file: file, comments: &comments)))
            }
        }
        // Tier variants.
        var variants: [(tier: ServiceTier, start: UTCDate?, rates: PartialRates)] = []
        for variant in model["price_variants"]?.sequence.map(Array.init) ?? [] {
            let when = variant["when"]
            let tier: ServiceTier?
            if when?["processing"]?.scalar?.string == "batch" {
                tier = .batch
            } else {
                switch when?["service_tier"]?.scalar?.string {
                case "flex": tier = .flex
                case "priority": tier = .priority
                case "default": continue
                default: tier = nil
                }
            }
            guard let tier, let prices = variant["prices"] else {
                comments.append("variant not converted: \(describe(when))")
                continue
            }
            let start = variant["constraint"]?["start_date"]?.scalar.flatMap { UTCDate(iso: $0.string) }
            variants.append((tier, start, try partialRates(prices, id: id, file: file, comments: &comments)))
        }
        // An undated first price starts at effectiveFrom, if that is before the first dated price.
        let firstDated = base.compactMap(\.start).min()
        var dated: [(start: UTCDate, rates: PartialRates)] = []
        for entry in base {
            if let start = entry.start {
                dated.append((start, entry.rates))
            } else if firstDated.map({ effectiveFrom < $0 }) ?? true {
                dated.append((effectiveFrom, entry.rates))
            } else {
                comments.append("undated first price (before \(firstDated.map(String.init(describing:)) ?? "")) dropped: pass an earlier --effective-from to keep it")
            }
        }
        guard let first = dated.map(\.start).min() else { return [] }
        let boundaries = Set(dated.map(\.start) + variants.compactMap(\.start).filter { $0 > first }).sorted()
        var periods: [ImportedCatalog.Period] = []
        for start in boundaries {
            guard let current = dated.filter({ $0.start <= start }).max(by: { $0.start < $1.start }), let standard = current.rates.rates
            else { continue }
            var tiers: [ServiceTier: TokenRates] = [.default: standard]
            var longContext: [Int64: [ServiceTier: TokenRates]] = [:]
            for (threshold, rates) in current.rates.longContext {
                if let long = Self.longRates(rates, short: current.rates) { longContext[threshold, default: [:]][.default] = long }
            }
            for variant in variants where (variant.start ?? first) <= start {
                let overlaid = current.rates.overlaid(with: variant.rates)
                if let rates = overlaid.rates { tiers[variant.tier] = rates }
                for (threshold, rates) in overlaid.longContext {
                    if let long = Self.longRates(rates, short: overlaid) { longContext[threshold, default: [:]][variant.tier] = long }
                }
            }
            var period = ImportedCatalog.Period(effectiveFrom: start, tiers: tiers, source: source, asOf: asOf)
            period.longContext = longContext
            periods.append(period)
        }
        return periods
    }

    /// A tier's long-context table: a key without a tiered price keeps its flat price (it does not
    /// change with size); nil without input and output.
    static func longRates(_ long: PartialRates, short: PartialRates) -> TokenRates? {
        guard let input = long.input ?? short.input, let output = long.output ?? short.output else { return nil }
        return TokenRates(
            input: input, cachedInput: long.cachedInput ?? short.cachedInput, cacheWrite: long.cacheWrite ?? short.cacheWrite,
            output: output)
    }

    private func partialRates(_ node: Node, id: String, file: String, comments: inout [String]) throws(PricingError) -> PartialRates {
        var rates = PartialRates()
        var unconverted: [String] = []
        for (keyNode, value) in node.mapping ?? Node.Mapping([]) {
            guard let key = keyNode.scalar?.string else { continue }
            guard let path = Self.field(for: key) else {
                unconverted.append(key)
                continue
            }
            // A tiered price `{base, tiers: [{start, price}]}`: the base applies up to the first tier.
            let valueNode = value["base"] ?? value
            guard let text = valueNode.scalar?.string, let decimal = ExactDecimal(text), !decimal.isNegative else {
                throw .importFailed(
                    location: SourceLocation(file: file, line: value.mark?.line ?? 1), reason: "`\(key)` of `\(id)` is not a non-negative decimal")
            }
            rates[keyPath: path] = decimal
            for tier in value["tiers"]?.sequence.map(Array.init) ?? [] {
                guard let start = tier["start"]?.scalar.flatMap({ Int64($0.string) }), start > 0,
                    let price = tier["price"]?.scalar.flatMap({ ExactDecimal($0.string) }), !price.isNegative
                else {
                    throw .importFailed(
                        location: SourceLocation(file: file, line: tier.mark?.line ?? 1),
                        reason: "a tier of `\(key)` of `\(id)` needs a whole `start` and a non-negative decimal `price`")
                }
                rates.longContext[start, default: PartialRates()][keyPath: path] = price
            }
        }
        if !unconverted.isEmpty { comments.append("not converted: \(Set(unconverted).sorted().joined(separator: ", "))") }
        return rates
    }

    private func describe(_ node: Node?) -> String {
        guard let mapping = node?.mapping else { return "?" }
        return mapping.map { "\($0.key.scalar?.string ?? "?")=\($0.value.scalar?.string ?? "…")" }.joined(separator: ", ")
    }
}
