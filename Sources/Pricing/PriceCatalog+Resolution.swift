import CostModel
import DistillCore

extension PriceCatalog {
    /// Resolves a model name at a time and tier to a price, or says why there is none.
    ///
    /// Rules, in order: an `ft:BASE:org:suffix:id` name is priced from BASE's fine-tuned rates
    /// (never from BASE's own); an exact id or alias; a dated snapshot `ID-YYYY-MM-DD` to its family
    /// only when that entry sets `dated_snapshots: true`. Anything else is unpriced. The price
    /// period is the one containing the request's UTC day, and the tier must be published for it:
    /// a missing batch or priority table is unpriced, not priced at another tier.
    public func resolve(model name: String, at unixSeconds: Int64, tier: ServiceTier) -> PriceResolution {
        let day = UTCDate(unixSeconds: unixSeconds)
        guard let found = lookup(name) else {
            if let base = Self.fineTunedBase(of: name) {
                return .unpriced(reason: "`\(name)` is a fine-tune of `\(base)`, which has no entry in the price catalog")
            }
            return .unpriced(reason: "`\(name)` has no entry in the price catalog (add one, or an alias, in a pricing file)")
        }
        let entry = found.entry
        if found.isFineTuned {
            guard let fineTuned = entry.fineTuned else {
                return .unpriced(reason: "`\(name)` is a fine-tune of `\(entry.id)`, which has no fine-tuned inference prices in the catalog (its base prices do not apply to fine-tunes)")
            }
            return price(name, entry: entry, tables: fineTuned.tables, shutdown: fineTuned.shutdown, day: day, tier: tier, fineTuned: true)
        }
        return price(name, entry: entry, tables: entry.prices, shutdown: entry.shutdown, day: day, tier: tier, fineTuned: false)
    }

    /// `resolve(model:at:tier:)` for one request of `inputTokens` input tokens: unpriced when a
    /// long-context rule applies and publishes no rate for the tier (never priced short).
    public func resolve(model name: String, at unixSeconds: Int64, tier: ServiceTier, inputTokens: Int64) -> PriceResolution {
        let resolution = resolve(model: name, at: unixSeconds, tier: tier)
        guard let price = resolution.price, price.rates(forInputTokens: inputTokens) == nil else { return resolution }
        let threshold = price.longContext.last { inputTokens > $0.aboveInputTokens }?.aboveInputTokens ?? 0
        return .unpriced(
            reason: "`\(price.model)` publishes no \(tier.rawValue)-tier rate for requests above \(threshold) input tokens (this one has \(inputTokens))")
    }

    /// How `name` reaches a catalog entry, or nil. In order: a user alias (top-level `aliases:`),
    /// then `ft:BASE:…` (BASE resolved by these rules), an exact id, a catalog alias, a dated
    /// snapshot of an entry that opts in, and last a provider prefix as OpenRouter and LiteLLM
    /// write names (`openai/gpt-4o-mini`, `azure/gpt-4.1`, `openrouter/openai/gpt-5`): the first
    /// `segment/` is dropped and the rest resolved, so a prefix never hides a model the catalog
    /// knows by its full name (`meta-llama/Llama-3.1-8B` stays whole when it is an id).
    public func lookup(_ name: String) -> NameLookup? { lookup(name, depth: 0) }

    private func lookup(_ name: String, depth: Int) -> NameLookup? {
        guard depth < 8 else { return nil }
        if let alias = nameAliases[name], let target = lookup(alias.model, depth: depth + 1) {
            if let provider = alias.provider, provider.lowercased() != target.entry.provider.lowercased() { return nil }
            return NameLookup(
                entry: target.entry, isFineTuned: target.isFineTuned,
                steps: ["user alias at \(alias.location) → `\(alias.model)`"] + target.steps)
        }
        if let base = Self.fineTunedBase(of: name) {
            guard let found = lookup(base, depth: depth + 1), !found.isFineTuned else { return nil }
            return NameLookup(entry: found.entry, isFineTuned: true, steps: ["fine-tune of `\(base)`"] + found.steps)
        }
        if let index = modelsByID[name] { return NameLookup(entry: models[index], isFineTuned: false, steps: ["catalog id"]) }
        if let index = modelsByAlias[name] {
            return NameLookup(entry: models[index], isFineTuned: false, steps: ["alias of `\(models[index].id)` at \(models[index].location)"])
        }
        if let stem = Self.undatedStem(of: name), let entry = model(named: stem), entry.matchesDatedSnapshots {
            return NameLookup(entry: entry, isFineTuned: false, steps: ["dated snapshot of `\(entry.id)`"])
        }
        if let slash = name.firstIndex(of: "/"), slash != name.startIndex, name.index(after: slash) != name.endIndex {
            let prefix = name[...slash]
            guard let found = lookup(String(name[name.index(after: slash)...]), depth: depth + 1) else { return nil }
            return NameLookup(entry: found.entry, isFineTuned: found.isFineTuned, steps: ["provider prefix `\(prefix)` dropped"] + found.steps)
        }
        return nil
    }

    /// The training price for fine-tuning `baseModel` on `day` by `method`, with the entry that
    /// set it. Without a method, the first price in force: one without a method, else supervised
    /// LoRA, else the next method in `TrainingMethod` order.
    public func trainingPrice(forBaseModel baseModel: String, at unixSeconds: Int64, method: TrainingMethod? = nil)
        -> CatalogTrainingPrice?
    {
        let day = UTCDate(unixSeconds: unixSeconds)
        return family(of: Self.fineTunedBase(of: baseModel) ?? baseModel)?.training.first {
            $0.period.contains(day) && (method == nil || $0.method == method)
        }
    }

    /// The hourly price of a dedicated deployment of `model` on `day`.
    public func deploymentPrice(model: String, at unixSeconds: Int64) -> CatalogDeploymentPrice? {
        let day = UTCDate(unixSeconds: unixSeconds)
        return family(of: model)?.deployment.first { $0.period.contains(day) }
    }

    /// When `model` stops serving: its own shutdown date, or for an `ft:` name its fine-tuned
    /// shutdown (by default the base's). nil when none is announced or the model is unknown.
    public func shutdownDate(model: String) -> UTCDate? {
        if let base = Self.fineTunedBase(of: model) { return family(of: base)?.fineTuned?.shutdown }
        return family(of: model)?.shutdown
    }

    /// The entry a (not fine-tuned) name belongs to, by the rules of `lookup(_:)`.
    public func family(of name: String) -> CatalogModel? {
        guard let found = lookup(name), !found.isFineTuned else { return nil }
        return found.entry
    }

    /// `ft:gpt-4o-mini-2024-07-18:acme:triage:AbC123` → `gpt-4o-mini-2024-07-18`; nil for other names.
    public static func fineTunedBase(of name: String) -> String? {
        guard name.hasPrefix("ft:") else { return nil }
        let base = name.dropFirst(3).prefix { $0 != ":" }
        return base.isEmpty ? nil : String(base)
    }

    /// `gpt-5-2025-08-07` → `gpt-5`; nil when the name does not end in `-YYYY-MM-DD`.
    static func undatedStem(of name: String) -> String? {
        guard name.count > 11 else { return nil }
        let suffix = name.suffix(11)
        guard suffix.first == "-", UTCDate(iso: suffix.dropFirst()) != nil else { return nil }
        return String(name.dropLast(11))
    }

    private func price(
        _ name: String, entry: CatalogModel, tables: [CatalogPriceTable], shutdown: UTCDate?, day: UTCDate, tier: ServiceTier,
        fineTuned: Bool
    ) -> PriceResolution {
        let kind = fineTuned ? "fine-tuned `\(entry.id)`" : "`\(entry.id)`"
        guard let table = tables.first(where: { $0.period.contains(day) }) else {
            let first = tables.first.map { " (its prices start \($0.period.effectiveFrom))" } ?? ""
            return .unpriced(reason: "\(kind) has no price in force on \(day)\(first)")
        }
        guard let rates = table.tiers[tier] else {
            let published = table.tiers.keys.sorted().map(\.rawValue).joined(separator: ", ")
            return .unpriced(reason: "\(kind) publishes no \(tier.rawValue)-tier price for \(table.period) (published: \(published))")
        }
        return .priced(
            ResolvedPrice(
                requestedModel: name, model: entry.id, rates: rates, period: table.period, tier: tier, isFineTuned: fineTuned,
                currency: entry.currency, source: table.source, asOf: table.asOf, note: table.note, location: table.location,
                shutdown: shutdown, longContext: table.longContext))
    }
}
