import CostModel
import DistillCore

/// Prices usage the way `DESIGN.md` asks: tokens are summed per (model, price period, tier) and
/// each sum is priced once, which is exact (cost is linear in tokens) and fast. Usage that cannot
/// be priced is kept, by model and reason, with its token counts, so every output can list it; it
/// never contributes zero to a total.
///
/// Add rows in any order (a single request or an aggregate of `requests` requests); resolution is
/// cached per (model, UTC day, tier), since prices change only at day boundaries.
public struct CostAccumulator: Sendable {
    /// Usage priced at one price.
    public struct PricedLine: Sendable {
        public let price: ResolvedPrice
        public let usage: TokenUsage
        public let requests: Int64
        public let cost: CostBreakdown
    }

    /// Usage of one model that could not be priced, for one reason.
    public struct UnpricedLine: Hashable, Sendable {
        public let model: String
        public let reason: String
        public let usage: TokenUsage
        public let requests: Int64
    }

    private struct ResolutionKey: Hashable {
        let model: String
        let day: Int
        let tier: ServiceTier
    }

    private struct UnpricedKey: Hashable {
        let model: String
        let reason: String
    }

    public let catalog: PriceCatalog
    private var resolutions: [ResolutionKey: PriceResolution] = [:]
    private var priced: [PriceKey: (price: ResolvedPrice, usage: TokenUsage, requests: Int64)] = [:]
    private var unpriced: [UnpricedKey: (usage: TokenUsage, requests: Int64)] = [:]

    public init(catalog: PriceCatalog) { self.catalog = catalog }

    /// Adds one row: `usage` of `requests` requests to `model` at `unixSeconds` in `tier`. Throws
    /// for inconsistent token counts, which would otherwise be priced wrongly.
    public mutating func add(model: String, at unixSeconds: Int64, tier: ServiceTier, usage: TokenUsage, requests: Int64 = 1) throws(CostModelError) {
        try usage.validate()
        guard requests >= 0 else { throw .invalidInput("a request count must not be negative (\(requests))") }
        let key = ResolutionKey(model: model, day: UTCDate(unixSeconds: unixSeconds).daysSinceEpoch, tier: tier)
        let resolution: PriceResolution
        if let cached = resolutions[key] {
            resolution = cached
        } else {
            resolution = catalog.resolve(model: model, at: unixSeconds, tier: tier)
            resolutions[key] = resolution
        }
        switch resolution {
        case .priced(let price):
            let current = priced[price.key] ?? (price, .zero, 0)
            priced[price.key] = (current.price, current.usage + usage, current.requests + requests)
        case .unpriced(let reason):
            let unpricedKey = UnpricedKey(model: model, reason: reason)
            let current = unpriced[unpricedKey] ?? (.zero, 0)
            unpriced[unpricedKey] = (current.usage + usage, current.requests + requests)
        }
    }

    /// One line per price, sorted by model, period and tier; each is Σ tokens × price.
    public func pricedLines() throws(CostModelError) -> [PricedLine] {
        var lines: [PricedLine] = []
        for key in priced.keys.sorted() {
            guard let entry = priced[key] else { continue }
            lines.append(PricedLine(price: entry.price, usage: entry.usage, requests: entry.requests, cost: try costBreakdown(of: entry.usage, at: entry.price.rates)))
        }
        return lines
    }

    /// Usage that has no price, by model and reason, sorted by model.
    public var unpricedLines: [UnpricedLine] {
        unpriced.map { UnpricedLine(model: $0.key.model, reason: $0.key.reason, usage: $0.value.usage, requests: $0.value.requests) }
            .sorted { ($0.model, $0.reason) < ($1.model, $1.reason) }
    }

    /// The exact total per currency of everything priced.
    public func totals() throws(CostModelError) -> [String: Money] {
        var totals: [String: Money] = [:]
        for line in try pricedLines() { totals[line.price.currency, default: .zero] += line.cost.total }
        return totals
    }
}
