import CostModel
import DistillCore
import Foundation
import Pricing

/// `distill-roi pricing quote`: the exact cost of one request, component by component, and which
/// catalog entry priced it. `--json` gives the unrounded total as a decimal string; an unpriced
/// model prints why and exits 3.
package enum PricingQuoteCommand {
    package struct Request: Sendable {
        package var model: String
        package var usage: TokenUsage
        package var tier: ServiceTier
        /// The request's time, Unix seconds.
        package var at: Int64
        package var json: Bool

        package init(model: String, usage: TokenUsage, tier: ServiceTier, at: Int64, json: Bool) {
            self.model = model
            self.usage = usage
            self.tier = tier
            self.at = at
            self.json = json
        }
    }

    /// Exit code for a model that cannot be priced.
    package static let unpricedExitCode: Int32 = 3

    package static func run(_ request: Request, catalog: PriceCatalog) throws -> PricingCommandOutput {
        let instant = request.at
        let tier = request.tier
        do {
            try request.usage.validate()
        } catch {
            throw ApplicationError(error.description)
        }
        switch catalog.resolve(model: request.model, at: instant, tier: tier) {
        case .unpriced(let reason):
            if request.json {
                let output = UnpricedJSON(model: request.model, unpriced: true, reason: reason, tier: tier.rawValue, at: Timestamp.iso8601(instant))
                return PricingCommandOutput(text: try encode(output), exitCode: unpricedExitCode)
            }
            throw ApplicationError("\(request.model) is unpriced: \(reason).", exitCode: unpricedExitCode)
        case .priced(let price):
            let breakdown = try costBreakdown(of: request.usage, at: price.rates)
            let text = request.json ? try json(request, price, breakdown, instant) : self.text(request, price, breakdown, instant)
            return PricingCommandOutput(text: text)
        }
    }

    static let componentNames = ["input", "cached_input", "cache_write", "output"]

    static func text(_ request: Request, _ price: ResolvedPrice, _ breakdown: CostBreakdown, _ instant: Int64) -> String {
        let kind = price.isFineTuned ? "fine-tuned \(price.model)" : price.model
        var lines = [
            "\(request.model) → \(kind), \(price.tier.rawValue) tier, at \(Timestamp.iso8601(instant))",
            "price period \(price.period), priced by \(price.location) (\(price.source); as of \(price.asOf))",
        ]
        if let note = price.note { lines.append("note: \(note)") }
        lines.append("")
        var rows = [["component", "tokens", "\(price.currency) per 1M", "cost"]]
        let labels = ["uncached input", "cached input", "cache write", "output"]
        for (label, component) in zip(labels, breakdown.components) {
            rows.append([label, "\(component.tokens)", component.rate.description, component.cost.exactDecimalString])
        }
        if request.usage.reasoning > 0 {
            rows.append(["(reasoning, inside output)", "\(request.usage.reasoning)", "", ""])
        }
        rows.append(["total", "", "", "\(breakdown.total.exactDecimalString) \(price.currency)"])
        return lines.joined(separator: "\n") + "\n" + PricingFormatting.table(rows, rightAligned: [1, 2, 3])
    }

    static func json(_ request: Request, _ price: ResolvedPrice, _ breakdown: CostBreakdown, _ instant: Int64) throws -> String {
        let components = zip(componentNames, breakdown.components).map { name, component in
            ComponentJSON(component: name, tokens: component.tokens, rate_per_million: component.rate.description, cost: component.cost.exactDecimalString)
        }
        let output = QuoteJSON(
            model: request.model, resolved_model: price.model, fine_tuned: price.isFineTuned, tier: price.tier.rawValue,
            at: Timestamp.iso8601(instant), currency: price.currency,
            price_period: PeriodJSON(effective_from: "\(price.period.effectiveFrom)", effective_until: price.period.effectiveUntil.map { "\($0)" }),
            priced_by: SourceJSON(file: price.location.file, line: price.location.line, source: price.source, as_of: price.asOf, note: price.note),
            tokens: TokensJSON(
                input: request.usage.input, cached_input: request.usage.cachedInput, cache_write: request.usage.cacheWrite,
                output: request.usage.output, reasoning: request.usage.reasoning),
            components: components, total: breakdown.total.exactDecimalString, unpriced: false)
        return try encode(output)
    }

    static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }

    struct QuoteJSON: Encodable {
        let model: String
        let resolved_model: String
        let fine_tuned: Bool
        let tier: String
        let at: String
        let currency: String
        let price_period: PeriodJSON
        let priced_by: SourceJSON
        let tokens: TokensJSON
        let components: [ComponentJSON]
        let total: String
        let unpriced: Bool
    }

    struct PeriodJSON: Encodable {
        let effective_from: String
        let effective_until: String?

        enum CodingKeys: String, CodingKey { case effective_from, effective_until }

        /// Writes `effective_until: null` for an open period rather than leaving the key out.
        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(effective_from, forKey: .effective_from)
            try container.encode(effective_until, forKey: .effective_until)
        }
    }

    struct SourceJSON: Encodable {
        let file: String
        let line: Int
        let source: String
        let as_of: String
        let note: String?
    }

    struct TokensJSON: Encodable {
        let input: Int64
        let cached_input: Int64
        let cache_write: Int64
        let output: Int64
        let reasoning: Int64
    }

    struct ComponentJSON: Encodable {
        let component: String
        let tokens: Int64
        let rate_per_million: String
        let cost: String
    }

    struct UnpricedJSON: Encodable {
        let model: String
        let unpriced: Bool
        let reason: String
        let tier: String
        let at: String
    }
}
