import CostModel
import DistillCore
import Yams

/// Parses one catalog file (the YAML format described in `pricing/README.md`) into model entries
/// and currency rates, collecting a diagnostic for every problem.
struct CatalogFileParser {
    static let fileKeys: Set<String> = [
        "provider", "currency", "models", "training_by_size", "currency_rates", "aliases", "training_windows",
    ]
    static let trainingWindowKeys: Set<String> = ["from", "closed_to", "source", "note"]
    static let nameAliasKeys: Set<String> = ["name", "model", "provider", "note"]
    static let modelKeys: Set<String> = [
        "id", "aliases", "dated_snapshots", "shutdown", "shutdown_source", "successor", "successor_source", "note", "prices",
        "fine_tuned", "training", "deployment", "parameters_billion",
    ]
    static let tableKeys = Set(["effective_from", "effective_until", "source", "as_of", "note", "long_context"])
        .union(ServiceTier.allCases.map(\.rawValue))
    static let rateKeys: Set<String> = ["input", "cached_input", "cache_write", "cache_write_1h", "output"]
    static let longContextKeys = Set(["above_input_tokens", "scale", "note"]).union(ServiceTier.allCases.map(\.rawValue))
    static let fineTunedKeys: Set<String> = ["shutdown", "prices"]
    static let trainingKeys: Set<String> = [
        "effective_from", "effective_until", "per_million_tokens", "per_hour", "method", "source", "as_of", "note",
    ]
    static let sizeBucketKeys: Set<String> = [
        "effective_from", "effective_until", "above_billion_parameters", "up_to_billion_parameters", "method",
        "per_million_tokens", "source", "as_of", "note",
    ]
    static let deploymentKeys: Set<String> = [
        "effective_from", "effective_until", "per_hour", "gpus", "throughput", "source", "as_of", "note",
    ]
    static let throughputKeys: Set<String> = ["tokens_per_second", "basis"]
    static let currencyRateKeys: Set<String> = ["from", "to", "rate", "date", "source"]

    private(set) var reader: CatalogNodeReader
    private(set) var models: [CatalogModel] = []
    private(set) var currencyRates: [CurrencyRate] = []
    private(set) var nameAliases: [NameAlias] = []
    private(set) var trainingWindows: [TrainingWindow] = []

    init(file: String) { reader = CatalogNodeReader(file: file) }

    var diagnostics: [Diagnostic] { reader.diagnostics }

    mutating func parse(_ text: String) {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            let line = min(Self.line(of: error), Self.lineCount(of: text))
            reader.error(at: SourceLocation(file: reader.file, line: line), "not valid YAML: \(Self.summary(of: error))")
            return
        } catch {
            reader.error(at: SourceLocation(file: reader.file, line: 1), "not valid YAML: \(error)")
            return
        }
        guard let root else { return }
        guard let entries = reader.mapping(root, context: "the file", allowed: Self.fileKeys) else { return }
        let provider = entries["provider"].flatMap { reader.string($0, "provider") } ?? ""
        let currency = entries["currency"].flatMap { reader.string($0, "currency") }.map { $0.uppercased() } ?? "USD"
        let buckets = entries["training_by_size"].map { parseSizeBuckets($0) } ?? []
        if let modelsNode = entries["models"] {
            for node in reader.sequence(modelsNode, context: "`models`") {
                if let model = parseModel(node, provider: provider, currency: currency, sizeBuckets: buckets) { models.append(model) }
            }
        }
        if let aliasesNode = entries["aliases"] {
            for node in reader.sequence(aliasesNode, context: "`aliases`") {
                guard
                    let alias = reader.mapping(node, context: "an alias", allowed: Self.nameAliasKeys, required: ["name", "model"]),
                    let name = alias["name"].flatMap({ reader.string($0, "name") }),
                    let model = alias["model"].flatMap({ reader.string($0, "model") })
                else { continue }
                let provider = alias["provider"].flatMap { reader.string($0, "provider") }
                nameAliases.append(NameAlias(name: name, model: model, provider: provider, location: reader.location(node)))
            }
        }
        if let windowsNode = entries["training_windows"] {
            for node in reader.sequence(windowsNode, context: "`training_windows`") {
                guard
                    let window = reader.mapping(
                        node, context: "a training window", allowed: Self.trainingWindowKeys, required: ["from", "closed_to", "source"]),
                    let from = window["from"].flatMap({ reader.date($0, "from") }),
                    let closedTo = window["closed_to"].flatMap({ reader.string($0, "closed_to") }),
                    let source = window["source"].flatMap({ reader.string($0, "source") })
                else { continue }
                trainingWindows.append(
                    TrainingWindow(
                        provider: provider, from: from, closedTo: closedTo == "everyone" ? nil : closedTo, source: source,
                        location: reader.location(node)))
            }
        }
        if let ratesNode = entries["currency_rates"] {
            for node in reader.sequence(ratesNode, context: "`currency_rates`") {
                if let rate = parseCurrencyRate(node) { currencyRates.append(rate) }
            }
        }
    }

    private mutating func parseModel(_ node: Node, provider: String, currency: String, sizeBuckets: [TrainingSizeBucket]) -> CatalogModel? {
        guard let entries = reader.mapping(node, context: "a model entry", allowed: Self.modelKeys, required: ["id"]),
            let id = entries["id"].flatMap({ reader.string($0, "id") })
        else { return nil }
        let context = "model `\(id)`"
        let aliases = entries["aliases"].map { reader.strings($0, "aliases") } ?? []
        let dated = entries["dated_snapshots"].flatMap { reader.bool($0, "dated_snapshots") } ?? false
        let shutdown = entries["shutdown"].flatMap { reader.date($0, "shutdown") }
        let shutdownSource = entries["shutdown_source"].flatMap { reader.string($0, "shutdown_source") }
        if shutdown != nil, shutdownSource == nil {
            reader.error(node, "\(context) has a `shutdown` date without a `shutdown_source`")
        }
        let successor = entries["successor"].flatMap { reader.string($0, "successor") }
        let successorSource = entries["successor_source"].flatMap { reader.string($0, "successor_source") }
        if successor != nil, successorSource == nil {
            reader.error(node, "\(context) names a `successor` without a `successor_source`")
        }
        let note = entries["note"].flatMap { reader.string($0, "note") }
        let prices = entries["prices"].map { parseTables($0, context: context) } ?? []
        if entries["prices"] == nil {
            reader.error(node, "\(context) has no `prices`; a model without inference prices cannot be resolved")
        } else if prices.isEmpty {
            reader.error(node, "\(context) has no valid price period in `prices`")
        }
        var fineTuned: FineTunedPricing?
        if let ftNode = entries["fine_tuned"],
            let ftEntries = reader.mapping(ftNode, context: "`fine_tuned` of \(context)", allowed: Self.fineTunedKeys, required: ["prices"])
        {
            let tables = ftEntries["prices"].map { parseTables($0, context: "fine-tuned \(context)") } ?? []
            let ftShutdown = ftEntries["shutdown"].flatMap { reader.date($0, "shutdown") } ?? shutdown
            fineTuned = FineTunedPricing(tables: tables, shutdown: ftShutdown, location: reader.location(ftNode))
        }
        let parameters = entries["parameters_billion"].flatMap { reader.decimal($0, "parameters_billion") }
        let training: [CatalogTrainingPrice]
        if let trainingNode = entries["training"] {
            training = parseTraining(trainingNode, context: context)
        } else if let parameters {
            let matching = sizeBuckets.filter { $0.contains(parameters) }
            if matching.isEmpty, !sizeBuckets.isEmpty {
                reader.error(node, "\(context) has \(parameters)B parameters, which no `training_by_size` bucket of this file covers; add a `training` list or a bucket")
            }
            training = sequencedTraining(matching.map(\.price), context: context)
        } else {
            training = []
        }
        let deployment = entries["deployment"].map { parseDeployment($0, context: context) } ?? []
        return CatalogModel(
            id: id, aliases: aliases, matchesDatedSnapshots: dated, provider: provider, currency: currency,
            shutdown: shutdown, shutdownSource: shutdownSource, successor: successor, successorSource: successorSource, note: note, prices: prices, fineTuned: fineTuned,
            training: training, deployment: deployment, location: reader.location(node))
    }

    /// The common fields of every dated entry: its period and citation.
    private mutating func periodAndCitation(_ node: Node, _ entries: [String: Node], context: String)
        -> (period: PricePeriod, source: String, asOf: String, note: String?)?
    {
        let from = entries["effective_from"].flatMap { reader.date($0, "effective_from") }
        let until = entries["effective_until"].flatMap { reader.date($0, "effective_until") }
        let source = entries["source"].flatMap { reader.string($0, "source") }
        let asOf = entries["as_of"].flatMap { reader.string($0, "as_of") }
        let note = entries["note"].flatMap { reader.string($0, "note") }
        guard let from, let source, let asOf else { return nil }
        if let until, until <= from {
            reader.error(node, "\(context): `effective_until` (\(until)) must be after `effective_from` (\(from))")
            return nil
        }
        return (PricePeriod(effectiveFrom: from, effectiveUntil: until), source, asOf, note)
    }

    private mutating func parseTables(_ node: Node, context: String) -> [CatalogPriceTable] {
        var tables: [CatalogPriceTable] = []
        for tableNode in reader.sequence(node, context: "`prices` of \(context)") {
            guard
                let entries = reader.mapping(
                    tableNode, context: "a price period of \(context)", allowed: Self.tableKeys,
                    required: ["effective_from", "source", "as_of", ServiceTier.default.rawValue]),
                let citation = periodAndCitation(tableNode, entries, context: context)
            else { continue }
            var tiers: [ServiceTier: TokenRates] = [:]
            for tier in ServiceTier.allCases {
                guard let rateNode = entries[tier.rawValue] else { continue }
                if let rates = parseRates(rateNode, context: "\(tier.rawValue) rates of \(context)") { tiers[tier] = rates }
            }
            guard tiers[.default] != nil else { continue }
            tiers = Self.inheritingStandardCacheRates(tiers)
            let longContext = entries["long_context"].map { parseLongContext($0, shortTiers: tiers, context: context) } ?? []
            tables.append(
                CatalogPriceTable(
                    period: citation.period, tiers: tiers, longContext: longContext, source: citation.source, asOf: citation.asOf,
                    note: citation.note, location: reader.location(tableNode)))
        }
        return sequenced(tables, context: "prices of \(context)", period: \.period, location: \.location) { table, period in
            CatalogPriceTable(
                period: period, tiers: table.tiers, longContext: table.longContext, source: table.source, asOf: table.asOf,
                note: table.note, location: table.location)
        }
    }

    /// A batch/flex/priority table without a cached or cache-write rate takes the standard one
    /// (see `pricing/README.md`).
    static func inheritingStandardCacheRates(_ tiers: [ServiceTier: TokenRates]) -> [ServiceTier: TokenRates] {
        guard let standard = tiers[.default] else { return tiers }
        var result = tiers
        for (tier, rates) in tiers where tier != .default {
            result[tier] = TokenRates(
                input: rates.input, cachedInput: rates.cachedInput ?? standard.cachedInput,
                cacheWrite: rates.cacheWrite ?? standard.cacheWrite,
                cacheWriteOneHour: rates.cacheWriteOneHour ?? standard.cacheWriteOneHour, output: rates.output)
        }
        return result
    }

    /// `long_context:` is a list of rules, each `above_input_tokens` with explicit tier tables
    /// (Gemini's published >200K table), a `scale` applied to every published tier (OpenAI's
    /// 2× / 1.5×), or both (an explicit table wins for its tier).
    private mutating func parseLongContext(_ node: Node, shortTiers: [ServiceTier: TokenRates], context: String)
        -> [CatalogLongContextRule]
    {
        var rules: [CatalogLongContextRule] = []
        for ruleNode in reader.sequence(node, context: "`long_context` of \(context)") {
            guard
                let entries = reader.mapping(
                    ruleNode, context: "a long-context rule of \(context)", allowed: Self.longContextKeys,
                    required: ["above_input_tokens"]),
                let threshold = entries["above_input_tokens"].flatMap({ reader.tokenCount($0, "above_input_tokens") })
            else { continue }
            let ruleContext = "long-context rule above \(threshold) input tokens of \(context)"
            var tiers: [ServiceTier: TokenRates] = [:]
            if let scaleNode = entries["scale"], let scale = parseScale(scaleNode, context: ruleContext) {
                for (tier, rates) in shortTiers {
                    guard let scaled = scale.applied(to: rates) else {
                        reader.error(scaleNode, "the `scale` of the \(ruleContext) gives a \(tier.rawValue) rate with more than 9 decimals")
                        continue
                    }
                    tiers[tier] = scaled
                }
            }
            for tier in ServiceTier.allCases {
                guard let rateNode = entries[tier.rawValue] else { continue }
                if let rates = parseRates(rateNode, context: "\(tier.rawValue) rates of the \(ruleContext)") { tiers[tier] = rates }
            }
            if tiers[.default] == nil {
                reader.error(ruleNode, "the \(ruleContext) needs a `scale` or a `default` table")
                continue
            }
            if rules.contains(where: { $0.aboveInputTokens == threshold }) {
                reader.error(ruleNode, "\(context) has two long-context rules above \(threshold) input tokens; keep one")
                continue
            }
            rules.append(
                CatalogLongContextRule(
                    aboveInputTokens: threshold, tiers: Self.inheritingStandardCacheRates(tiers), location: reader.location(ruleNode)))
        }
        return rules.sorted { $0.aboveInputTokens < $1.aboveInputTokens }
    }

    private mutating func parseScale(_ node: Node, context: String) -> LongContextScale? {
        guard
            let entries = reader.mapping(
                node, context: "`scale` of the \(context)", allowed: Self.rateKeys, required: ["input", "output"]),
            let input = entries["input"].flatMap({ reader.decimal($0, "input") }),
            let output = entries["output"].flatMap({ reader.decimal($0, "output") })
        else { return nil }
        return LongContextScale(
            input: input, cachedInput: entries["cached_input"].flatMap { reader.decimal($0, "cached_input") } ?? input,
            cacheWrite: entries["cache_write"].flatMap { reader.decimal($0, "cache_write") } ?? input,
            cacheWriteOneHour: entries["cache_write_1h"].flatMap { reader.decimal($0, "cache_write_1h") } ?? input,
            output: output)
    }

    private mutating func parseRates(_ node: Node, context: String) -> TokenRates? {
        guard let entries = reader.mapping(node, context: context, allowed: Self.rateKeys, required: ["input", "output"]) else {
            return nil
        }
        let input = entries["input"].flatMap { reader.decimal($0, "input") }
        let output = entries["output"].flatMap { reader.decimal($0, "output") }
        let cached = entries["cached_input"].flatMap { reader.decimal($0, "cached_input") }
        let write = entries["cache_write"].flatMap { reader.decimal($0, "cache_write") }
        let writeOneHour = entries["cache_write_1h"].flatMap { reader.decimal($0, "cache_write_1h") }
        guard let input, let output else { return nil }
        return TokenRates(input: input, cachedInput: cached, cacheWrite: write, cacheWriteOneHour: writeOneHour, output: output)
    }

    private mutating func parseTraining(_ node: Node, context: String) -> [CatalogTrainingPrice] {
        var prices: [CatalogTrainingPrice] = []
        for entryNode in reader.sequence(node, context: "`training` of \(context)") {
            guard
                let entries = reader.mapping(
                    entryNode, context: "a training price of \(context)", allowed: Self.trainingKeys,
                    required: ["effective_from", "source", "as_of"]),
                let citation = periodAndCitation(entryNode, entries, context: context)
            else { continue }
            let method = entries["method"].flatMap { reader.choice($0, "method", of: TrainingMethod.self) }
            if entries["method"] != nil, method == nil { continue }
            let perToken = entries["per_million_tokens"].flatMap { reader.decimal($0, "per_million_tokens") }
            let perHour = entries["per_hour"].flatMap { reader.decimal($0, "per_hour") }
            let price: TrainingPrice
            switch (perToken, perHour) {
            case (let rate?, nil): price = .perMillionTokens(rate)
            case (nil, let rate?): price = .perHour(rate)
            default:
                if entries["per_million_tokens"] == nil, entries["per_hour"] == nil {
                    reader.error(entryNode, "a training price of \(context) needs exactly one of `per_million_tokens` or `per_hour`")
                } else if perToken != nil, perHour != nil {
                    reader.error(entryNode, "a training price of \(context) has both `per_million_tokens` and `per_hour`; keep one")
                }
                continue
            }
            prices.append(
                CatalogTrainingPrice(
                    period: citation.period, price: price, method: method, sizeBucket: nil, source: citation.source,
                    asOf: citation.asOf, note: citation.note, location: reader.location(entryNode)))
        }
        return sequencedTraining(prices, context: context)
    }

    /// Each method's prices form their own sequence of periods: an SFT price and a DPO price in
    /// force on the same day are two prices, not an overlap. Methods are listed in
    /// `TrainingMethod` order (an entry without a method first), so the first entry in force on a
    /// day is the one a job of unstated method is priced at: supervised LoRA where published.
    private mutating func sequencedTraining(_ prices: [CatalogTrainingPrice], context: String) -> [CatalogTrainingPrice] {
        let methods: [TrainingMethod?] = [nil] + TrainingMethod.allCases
        return methods.flatMap { method in
            let label = method.map { " (\($0))" } ?? ""
            return sequenced(
                prices.filter { $0.method == method }, context: "training prices\(label) of \(context)", period: \.period,
                location: \.location
            ) { entry, period in entry.with(period: period) }
        }
    }

    /// A provider's training price for every model within a range of sizes, e.g. Together's "up
    /// to 16B, LoRA SFT". A model that states `parameters_billion` takes the buckets that cover it.
    private mutating func parseSizeBuckets(_ node: Node) -> [TrainingSizeBucket] {
        var buckets: [TrainingSizeBucket] = []
        for entryNode in reader.sequence(node, context: "`training_by_size`") {
            guard
                let entries = reader.mapping(
                    entryNode, context: "a `training_by_size` entry", allowed: Self.sizeBucketKeys,
                    required: ["effective_from", "method", "per_million_tokens", "source", "as_of"]),
                let citation = periodAndCitation(entryNode, entries, context: "a `training_by_size` entry"),
                let method = entries["method"].flatMap({ reader.choice($0, "method", of: TrainingMethod.self) }),
                let rate = entries["per_million_tokens"].flatMap({ reader.decimal($0, "per_million_tokens") })
            else { continue }
            let above = entries["above_billion_parameters"].flatMap { reader.decimal($0, "above_billion_parameters") }
            let upTo = entries["up_to_billion_parameters"].flatMap { reader.decimal($0, "up_to_billion_parameters") }
            if let above, let upTo, upTo <= above {
                reader.error(entryNode, "a `training_by_size` entry must have `up_to_billion_parameters` above `above_billion_parameters`")
                continue
            }
            let bucket = TrainingSizeBucket.label(above: above, upTo: upTo)
            buckets.append(
                TrainingSizeBucket(
                    above: above, upTo: upTo,
                    price: CatalogTrainingPrice(
                        period: citation.period, price: .perMillionTokens(rate), method: method, sizeBucket: bucket,
                        source: citation.source, asOf: citation.asOf, note: citation.note, location: reader.location(entryNode))))
        }
        return buckets
    }

    private mutating func parseDeployment(_ node: Node, context: String) -> [CatalogDeploymentPrice] {
        var prices: [CatalogDeploymentPrice] = []
        for entryNode in reader.sequence(node, context: "`deployment` of \(context)") {
            guard
                let entries = reader.mapping(
                    entryNode, context: "a deployment price of \(context)", allowed: Self.deploymentKeys,
                    required: ["effective_from", "per_hour", "source", "as_of"]),
                let citation = periodAndCitation(entryNode, entries, context: context),
                let perHour = entries["per_hour"].flatMap({ reader.decimal($0, "per_hour") })
            else { continue }
            let gpus = entries["gpus"].map { reader.positiveInteger($0, "gpus") } ?? 1
            var throughput: GPUThroughput?
            if let throughputNode = entries["throughput"] {
                guard
                    let throughputEntries = reader.mapping(
                        throughputNode, context: "`throughput` of \(context)", allowed: Self.throughputKeys,
                        required: ["tokens_per_second", "basis"]),
                    let perSecond = throughputEntries["tokens_per_second"].flatMap({ reader.positiveInteger($0, "tokens_per_second") }),
                    let basis = throughputEntries["basis"].flatMap({ reader.choice($0, "basis", of: GPUThroughput.Basis.self) })
                else { continue }
                throughput = GPUThroughput(tokensPerSecond: perSecond, basis: basis)
            }
            guard let gpus else { continue }
            prices.append(
                CatalogDeploymentPrice(
                    period: citation.period, perHour: perHour, gpus: gpus, throughput: throughput, source: citation.source,
                    asOf: citation.asOf, note: citation.note, location: reader.location(entryNode)))
        }
        return sequenced(prices, context: "deployment prices of \(context)", period: \.period, location: \.location) { entry, period in
            entry.with(period: period)
        }
    }

    private mutating func parseCurrencyRate(_ node: Node) -> CurrencyRate? {
        guard
            let entries = reader.mapping(
                node, context: "a currency rate", allowed: Self.currencyRateKeys, required: ["from", "to", "rate", "date", "source"]),
            let from = entries["from"].flatMap({ reader.string($0, "from") }),
            let to = entries["to"].flatMap({ reader.string($0, "to") }),
            let rate = entries["rate"].flatMap({ reader.decimal($0, "rate") }),
            let date = entries["date"].flatMap({ reader.date($0, "date") }),
            let source = entries["source"].flatMap({ reader.string($0, "source") })
        else { return nil }
        guard rate.units > 0 else {
            reader.error(node, "a currency rate must be greater than zero")
            return nil
        }
        return CurrencyRate(
            from: from.uppercased(), to: to.uppercased(), rate: rate, date: date, source: source, location: reader.location(node))
    }

    /// Sorts dated entries and closes each open-ended period at the next one's start (a price
    /// applies until the next price begins). Two periods that still share a day are an error: a
    /// request would then have two prices.
    private mutating func sequenced<Entry>(
        _ entries: [Entry], context: String, period: (Entry) -> PricePeriod, location: (Entry) -> SourceLocation,
        rebuild: (Entry, PricePeriod) -> Entry
    ) -> [Entry] {
        let sorted = entries.sorted { period($0).effectiveFrom < period($1).effectiveFrom }
        var result: [Entry] = []
        for (index, entry) in sorted.enumerated() {
            var current = period(entry)
            if index + 1 < sorted.count {
                let next = sorted[index + 1]
                let nextStart = period(next).effectiveFrom
                if current.effectiveUntil == nil, current.effectiveFrom < nextStart {
                    current = PricePeriod(effectiveFrom: current.effectiveFrom, effectiveUntil: nextStart)
                } else if current.overlaps(period(next)) {
                    reader.error(
                        at: location(next),
                        "the period \(period(next)) in \(context) overlaps the period \(current) at line \(location(entry).line); each day may have one price only")
                }
            }
            result.append(rebuild(entry, current))
        }
        return result
    }

    static func line(of error: YamlError) -> Int {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): return mark.line
        case .duplicatedKeysInMapping(_, let context): return context.mark.line
        default: return 1
        }
    }

    /// Lines as YAML breaks them (LF, CR, CRLF, NEL, LS, PS). libyaml ends the stream on a line of
    /// its own, so an error at the end of a file without a final line break names a line past the
    /// last one; errors are clamped to this count so they point into the file.
    static func lineCount(of text: String) -> Int {
        var lines = 1
        var previous: Unicode.Scalar = "\0"
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n" where previous != "\r", "\r", "\u{85}", "\u{2028}", "\u{2029}": lines += 1
            default: break
            }
            previous = scalar
        }
        return lines
    }

    static func summary(of error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _): return problem
        case .duplicatedKeysInMapping(let duplicates, _): return "duplicated key(s) \(duplicates.sorted().joined(separator: ", "))"
        default: return "\(error)"
        }
    }
}
