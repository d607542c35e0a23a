import Analytics
import CostModel
import DistillCore
import Pricing
import Store

/// A usage row with its price applied: price × the row's summed tokens, exactly. Rows are per day,
/// so each is priced at the period in force on its day, never at today's price.
struct PricedUsage: Sendable {
    var row: UsageRow
    var price: ResolvedPrice?
    var cost: Money?
    var unpricedReason: String?

    var usage: TokenUsage { row.tokens }

    static func price(_ rows: [UsageRow], with catalog: PriceCatalog) throws -> [PricedUsage] {
        try rows.map { row in
            guard let tier = ServiceTier(apiValue: row.serviceTier, viaBatchAPI: row.isBatch) else {
                return PricedUsage(row: row, unpricedReason: "unknown service tier \"\(row.serviceTier)\"")
            }
            switch catalog.resolve(model: row.model, at: row.day.unixSeconds, tier: tier) {
            case .priced(let price):
                // A row above the band floor holds requests of exactly `inputBand` input tokens,
                // so the long-context rule applies to the whole row; band 0 and unknown sizes
                // are priced at the short rates (unknown ones with a note, `sizeNotes`).
                let size = row.inputBand > 0 ? row.inputBand : 0
                guard let rates = price.rates(forInputTokens: size) else {
                    return PricedUsage(
                        row: row,
                        unpricedReason: "`\(price.model)` publishes no \(tier.rawValue)-tier rate for requests of \(size) input tokens")
                }
                return PricedUsage(row: row, price: price, cost: try CostModel.cost(of: row.tokens, at: rates))
            case .unpriced(let reason):
                return PricedUsage(row: row, unpricedReason: reason)
            }
        }
    }

    /// Data-quality notes for rows whose request sizes are unknown (usage buckets, aggregate
    /// rows) of a model with a long-context rule: they are priced at the short rates, and the
    /// report must say that requests above the threshold, if any, would cost more.
    static func sizeNotes(_ rows: [PricedUsage]) -> [String] {
        var byModel: [String: (threshold: Int64, requests: Int64)] = [:]
        for row in rows where row.cost != nil && row.row.inputBand == InputBand.unknown {
            guard let threshold = row.price?.longContext.first?.aboveInputTokens else { continue }
            byModel[row.row.model, default: (threshold, 0)].requests += row.row.requests
        }
        return byModel.sorted { $0.key < $1.key }.map { model, figures in
            "\(figures.requests) request(s) of \(model) come from usage buckets or aggregate rows that hide each request's size: "
                + "they are priced at the rates for at most \(figures.threshold) input tokens; any longer request among them costs more, and the data cannot tell."
        }
    }
}

extension PricedUsage {
    /// Models without a price, with their requests and tokens: listed in every report.
    static func unpricedModels(_ rows: [PricedUsage]) -> [WeeklyReport.UnpricedModel] {
        Dictionary(grouping: rows.filter { $0.cost == nil }, by: \.row.model).map { model, rows in
            WeeklyReport.UnpricedModel(
                model: model, requests: rows.reduce(0) { $0 + $1.row.requests }, tokens: rows.map(\.usage).sum(),
                reason: rows[0].unpricedReason ?? "no price")
        }.sorted { $0.model < $1.model }
    }

    /// Each distinct price applied, with the catalog file and line that holds it.
    static func pricesUsed(_ rows: [PricedUsage]) -> [WeeklyReport.PriceUsed] {
        var seen = Set<String>()
        return rows.compactMap(\.price).filter { seen.insert("\($0.requestedModel)|\($0.key)").inserted }.map { price in
            WeeklyReport.PriceUsed(
                model: price.requestedModel, catalogModel: price.model + (price.isFineTuned ? " (fine-tuned rates)" : ""),
                tier: price.tier.rawValue, period: price.period.description, rates: price.rates,
                location: shortLocation(price.location), source: "\(price.source) (as of \(price.asOf))")
        }.sorted { ($0.model, $0.tier, $0.period) < ($1.model, $1.tier, $1.period) }
    }
}

/// `pricing/openai.yaml:96`: the catalog folder, file and line, without the machine-specific
/// prefix, so reports read the same on every machine.
func shortLocation(_ location: SourceLocation) -> String {
    let parts = location.file.split(separator: "/")
    return parts.suffix(2).joined(separator: "/") + ":\(location.line)"
}

/// Totals of a set of priced rows; `cost` is nil as soon as one row is unpriced, so a partly
/// unpriced total is never shown as if complete.
struct PricedTotals: Sendable {
    var requests: Int64 = 0
    var failed: Int64 = 0
    var tokens = TokenUsage.zero
    var pricedCost = Money.zero
    var unpricedRequests: Int64 = 0
    var unpricedTokens = TokenUsage.zero
    var unpricedReason: String?

    init() {}

    init(_ rows: some Sequence<PricedUsage>) {
        for row in rows { add(row) }
    }

    mutating func add(_ row: PricedUsage) {
        requests += row.row.requests
        failed += row.row.failed
        tokens += row.usage
        if let cost = row.cost {
            pricedCost += cost
        } else {
            unpricedRequests += row.row.requests
            unpricedTokens += row.usage
            unpricedReason = unpricedReason ?? row.unpricedReason
        }
    }

    var cost: Money? { unpricedRequests == 0 ? pricedCost : nil }
    /// Requests that actually ran: failed calls carry no tokens and are not cost per request.
    var succeeded: Int64 { requests - failed }
}
