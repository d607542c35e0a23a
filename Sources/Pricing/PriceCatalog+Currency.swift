import CostModel
import DistillCore

extension PriceCatalog {
    /// The rate for converting `from` into `to` on `day`: the latest one dated on or before it.
    /// Only rates written in that direction are used; inverting one would round.
    public func currencyRate(from: String, to: String, on day: UTCDate) -> CurrencyRate? {
        let from = from.uppercased()
        let to = to.uppercased()
        return currencyRates.filter { $0.from == from && $0.to == to && $0.date <= day }.max { $0.date < $1.date }
    }

    /// `amount` in `from` converted into `to` at the rate in force on `day`, rounded half to even at
    /// 10⁻¹⁵, with the rate used (so a report can cite it). The same currency converts to itself.
    public func convert(_ amount: Money, from: String, to: String, on day: UTCDate) throws(PricingError) -> (amount: Money, rate: CurrencyRate?) {
        if from.uppercased() == to.uppercased() { return (amount, nil) }
        guard let rate = currencyRate(from: from, to: to, on: day) else {
            throw .noCurrencyRate(from: from.uppercased(), to: to.uppercased(), date: "\(day)")
        }
        return (amount.multipliedRounding(by: rate.rate), rate)
    }
}
