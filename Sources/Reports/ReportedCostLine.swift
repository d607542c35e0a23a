import CostModel
import DistillCore

/// One model's computed cost beside the cost its sources reported (OpenRouter's `usage.cost`,
/// LiteLLM's `spend`, Langfuse's `costDetails`), like the billed-cost reconciliation: the two are
/// never added, only compared.
///
/// The computed cost covers every request of the model in the period; `reportedRequests` says how
/// many of them had a reported cost, so a partial coverage is visible instead of read as a gap.
package struct ReportedCostLine: Sendable, Equatable {
    package var model: String
    package var requests: Int64
    package var reportedRequests: Int64
    /// nil when some of the model's requests could not be priced.
    package var computed: Money?
    package var reported: Money
    /// reported − computed; nil when the computed cost is unknown.
    package var difference: Money? { computed.map { reported - $0 } }

    /// One line per model with any reported cost, by model name; empty when no source reported
    /// one, so reports show the section only when it has something to say.
    static func lines(_ rows: [PricedUsage]) -> [ReportedCostLine] {
        let models = Set(rows.filter { $0.row.reportedCost != nil }.map(\.row.model))
        return models.sorted().map { model in
            let modelRows = rows.filter { $0.row.model == model }
            let totals = PricedTotals(modelRows)
            let reported = modelRows.compactMap { $0.row.reportedCost.flatMap { Money(statedAmountText: $0) } }
                .reduce(Money.zero, +)
            return ReportedCostLine(
                model: model, requests: totals.requests,
                reportedRequests: modelRows.reduce(0) { $0 + $1.row.reportedCostRequests }, computed: totals.cost,
                reported: reported)
        }
    }

    /// Data-quality notes for audio tokens: the catalog has no audio rates, so they are priced at
    /// the model's text rates, and the report says so rather than pricing them silently.
    static func audioNotes(_ rows: [PricedUsage]) -> [String] {
        let priced = rows.filter { $0.price != nil && $0.row.tokens.audioInput + $0.row.tokens.audioOutput > 0 }
        let models = Dictionary(grouping: priced) {
            $0.row.model
        }
        return models.keys.sorted().map { model in
            let tokens = models[model, default: []].map(\.row.tokens).sum()
            return "\(model): \(DecimalFormatting.grouped(tokens.audioInput)) audio input and "
                + "\(DecimalFormatting.grouped(tokens.audioOutput)) audio output tokens are priced at the text rates "
                + "(the price catalog has no audio rates), so its computed cost may be too low."
        }
    }
}
