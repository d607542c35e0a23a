import CostModel
import DistillCore
import Pricing

/// How a student candidate is priced once trained, or why it cannot be: one rule shared by the
/// estimate and the weekly report's retirement section, so both price a candidate the same way.
struct StudentCandidatePricing: Sendable {
    var pricedAs: String
    var price: ResolvedPrice
    var training: CatalogTrainingPrice
    var deploymentPerHour: ExactDecimal?
    var shutdown: UTCDate?
}

struct CandidatePricingFailure: Error {
    var reason: String
}

extension PriceCatalog {
    /// Names are priced as what will serve after training:
    /// - `ft:BASE:…` at BASE's fine-tuned rates;
    /// - a base model whose catalog entry publishes fine-tuned rates (`gpt-4o-mini-2024-07-18`) at
    ///   those rates, as `ft:NAME` would be, never at the base's own lower rates;
    /// - any other catalog entry (an open-weight student served under its own name) at its own
    ///   rates, plus its dedicated-deployment hours when it has a deployment price.
    /// Training is the entry's training price on `day`. A name without both is unpriced.
    func candidatePricing(of name: String, on day: UTCDate) -> Result<StudentCandidatePricing, CandidatePricingFailure> {
        let servedName: String
        let pricedAs: String
        if Self.fineTunedBase(of: name) != nil {
            servedName = name
            pricedAs = "fine-tuned rates of its base"
        } else if let entry = family(of: name), entry.fineTuned != nil {
            servedName = "ft:\(name)"
            pricedAs = "fine-tuned \(entry.id) rates"
        } else if let entry = family(of: name) {
            servedName = name
            pricedAs = "own entry \(entry.id)"
        } else {
            return .failure(CandidatePricingFailure(reason: "`\(name)` has no entry in the price catalog (add one, or pass --pricing DIR)"))
        }
        let price: ResolvedPrice
        switch resolve(model: servedName, at: day.unixSeconds, tier: .default) {
        case .priced(let resolved): price = resolved
        case .unpriced(let reason): return .failure(CandidatePricingFailure(reason: reason))
        }
        guard let training = trainingPrice(forBaseModel: servedName, at: day.unixSeconds) else {
            return .failure(CandidatePricingFailure(reason: "the catalog has no training price for `\(name)` in force on \(day)"))
        }
        let deployment = Self.fineTunedBase(of: servedName) == nil ? deploymentPrice(model: servedName, at: day.unixSeconds) : nil
        return .success(StudentCandidatePricing(
            pricedAs: pricedAs, price: price, training: training, deploymentPerHour: deployment?.hourlyRate,
            shutdown: shutdownDate(model: servedName)))
    }
}
