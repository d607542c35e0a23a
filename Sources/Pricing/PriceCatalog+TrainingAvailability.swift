import DistillCore

extension PriceCatalog {
    /// Can `baseModel` (or the base of an `ft:` name) be fine-tuned on `day`? The rules of the file
    /// that priced its entry decide: the latest `none` rule in force closes training; `some` rules
    /// in force restrict it. A model without rules is open; one without an entry is open too, since
    /// its training price (which it lacks) is what makes it unpriced.
    public func trainingAvailability(forBaseModel baseModel: String, on day: UTCDate) -> TrainingAvailability {
        guard let entry = family(of: Self.fineTunedBase(of: baseModel) ?? baseModel) else { return .open }
        let inForce = entry.trainingAvailability.filter { $0.effectiveFrom <= day }
        if let closing = inForce.last(where: { $0.accepts == .none }) {
            return .closed(
                since: closing.effectiveFrom,
                reason: "\(entry.provider) accepts no new fine-tuning jobs since \(closing.effectiveFrom): \(closing.note) (\(closing.source))")
        }
        let restrictions = inForce.filter { $0.accepts == .some }
        guard !restrictions.isEmpty else { return .open }
        return .restricted(restrictions.map { "since \($0.effectiveFrom), \($0.note) (\($0.source))" })
    }
}
