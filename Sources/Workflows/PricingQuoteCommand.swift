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
        switch catalog.resolve(model: request.model, at: instant, tier: tier, inputTokens: request.usage.input) {
        case .unpriced(let reason):
            if request.json {
                let output: JSONValue = .object([
                    ("model", .string(request.model)), ("unpriced", .bool(true)), ("reason", .string(reason)),
                    ("tier", .string(tier.rawValue)), ("at", .string(Timestamp.iso8601(instant))),
                ])
                return PricingCommandOutput(text: output.text(.command) + "\n", exitCode: unpricedExitCode)
            }
            throw ApplicationError("\(request.model) is unpriced: \(reason).", exitCode: unpricedExitCode)
        case .priced(let price):
            let breakdown = try costBreakdown(of: request.usage, at: price.rates(forInputTokens: request.usage.input) ?? price.rates)
            let text = request.json ? json(request, price, breakdown, instant) : self.text(request, price, breakdown, instant)
            return PricingCommandOutput(text: text)
        }
    }

    /// Each component's JSON name and text label; the one-hour cache writes only when there are any,
    /// so quotes of every provider but Anthropic keep their four lines.
    static func labelledComponents(_ breakdown: CostBreakdown) -> [(name: String, label: String, component: CostBreakdown.Component)] {
        var rows = [
            ("input", "uncached input", breakdown.uncachedInput), ("cached_input", "cached input", breakdown.cachedInput),
            ("cache_write", "cache write", breakdown.cacheWrite),
        ]
        if breakdown.cacheWriteOneHour.tokens > 0 {
            rows.append(("cache_write_1h", "cache write (1 hour)", breakdown.cacheWriteOneHour))
        }
        rows.append(("output", "output", breakdown.output))
        return rows.map { (name: $0.0, label: $0.1, component: $0.2) }
    }

    static func text(_ request: Request, _ price: ResolvedPrice, _ breakdown: CostBreakdown, _ instant: Int64) -> String {
        let kind = price.isFineTuned ? "fine-tuned \(price.model)" : price.model
        var lines = [
            "\(request.model) → \(kind), \(price.tier.rawValue) tier, at \(Timestamp.iso8601(instant))",
            "price period \(price.period), priced by \(price.location) (\(price.source); as of \(price.asOf))",
        ]
        if let note = price.note { lines.append("note: \(note)") }
        if let rule = price.longContext.last(where: { request.usage.input > $0.aboveInputTokens }) {
            lines.append("long context: \(request.usage.input) input tokens > \(rule.aboveInputTokens), the whole request at the long-context rates (\(rule.location))")
        }
        lines.append("")
        var rows = [["component", "tokens", "\(price.currency) per 1M", "cost"]]
        for (_, label, component) in labelledComponents(breakdown) {
            rows.append([label, "\(component.tokens)", component.rate.description, component.cost.exactDecimalString])
        }
        if request.usage.reasoning > 0 {
            rows.append(["(reasoning, inside output)", "\(request.usage.reasoning)", "", ""])
        }
        rows.append(["total", "", "", "\(breakdown.total.exactDecimalString) \(price.currency)"])
        return lines.joined(separator: "\n") + "\n" + PricingFormatting.table(rows, rightAligned: [1, 2, 3])
    }

    /// The quote for scripts, members sorted by name: `effective_until` is null for an open
    /// period, and `note` is left out when the price has none.
    static func json(_ request: Request, _ price: ResolvedPrice, _ breakdown: CostBreakdown, _ instant: Int64) -> String {
        let components = labelledComponents(breakdown).map { name, _, component -> JSONValue in
            .object([
                ("component", .string(name)), ("tokens", .integer(component.tokens)),
                ("rate_per_million", .string(component.rate.description)), ("cost", .string(component.cost.exactDecimalString)),
            ])
        }
        var pricedBy: JSONObject = [
            ("file", .string(price.location.file)), ("line", .integer(price.location.line)), ("source", .string(price.source)),
            ("as_of", .string(price.asOf)),
        ]
        if let note = price.note { pricedBy.members.append(("note", .string(note))) }
        let usage = request.usage
        let output: JSONValue = .object([
            ("model", .string(request.model)), ("resolved_model", .string(price.model)), ("fine_tuned", .bool(price.isFineTuned)),
            ("tier", .string(price.tier.rawValue)), ("at", .string(Timestamp.iso8601(instant))), ("currency", .string(price.currency)),
            ("price_period", .object([
                ("effective_from", .string("\(price.period.effectiveFrom)")),
                ("effective_until", .optionalString(price.period.effectiveUntil.map { "\($0)" })),
            ])),
            ("priced_by", .object(pricedBy)),
            ("tokens", .object([
                ("input", .integer(usage.input)), ("cached_input", .integer(usage.cachedInput)),
                ("cache_write", .integer(usage.cacheWrite)), ("output", .integer(usage.output)), ("reasoning", .integer(usage.reasoning)),
            ])),
            ("components", .array(components)), ("total", .string(breakdown.total.exactDecimalString)), ("unpriced", .bool(false)),
        ])
        return output.text(.command) + "\n"
    }
}
