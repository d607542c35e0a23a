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
        if let base = Self.fineTunedBase(of: name) {
            guard let entry = family(of: base) else {
                return .unpriced(reason: "`\(name)` is a fine-tune of `\(base)`, which has no entry in the price catalog")
            }
            guard let fineTuned = entry.fineTuned else {
                return .unpriced(reason: "`\(name)` is a fine-tune of `\(entry.id)`, which has no fine-tuned inference prices in the catalog (its base prices do not apply to fine-tunes)")
            }
            return price(name, entry: entry, tables: fineTuned.tables, shutdown: fineTuned.shutdown, day: day, tier: tier, fineTuned: true)
        }
        guard let entry = family(of: name) else {
            return .unpriced(reason: "`\(name)` has no entry in the price catalog (add one, or an alias, in a pricing file)")
        }
        return price(name, entry: entry, tables: entry.prices, shutdown: entry.shutdown, day: day, tier: tier, fineTuned: false)
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

    /// The entry a name belongs to: exact id or alias, else a dated snapshot of an entry that opts in.
    public func family(of name: String) -> CatalogModel? {
        if let entry = model(named: name) { return entry }
        guard let stem = Self.undatedStem(of: name), let entry = model(named: stem), entry.matchesDatedSnapshots else { return nil }
        return entry
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
