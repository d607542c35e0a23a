import Analytics
import CostModel
import DistillCore
import Pricing

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
                return PricedUsage(row: row, price: price, cost: try CostModel.cost(of: row.tokens, at: price.rates))
            case .unpriced(let reason):
                return PricedUsage(row: row, unpricedReason: reason)
            }
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
