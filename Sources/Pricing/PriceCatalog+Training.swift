import DistillCore

extension PriceCatalog {
    /// Can `model` be fine-tuned on `day`, and if not, why not. Unavailable when the catalog has
    /// no training price in force that day, when the base has shut down, or when a training
    /// window of its provider closes jobs to everyone; restricted when windows close them to some
    /// organizations only (the caller knows which it is).
    public func trainingAvailability(model: String, on day: UTCDate) -> TrainingAvailability {
        let base = Self.fineTunedBase(of: model) ?? model
        guard let entry = family(of: base) else {
            return .unavailable(reason: "`\(base)` has no entry in the price catalog")
        }
        if let shutdown = entry.shutdown, shutdown <= day {
            return .unavailable(reason: "`\(entry.id)` shut down on \(shutdown) (\(entry.shutdownSource ?? "catalog"))")
        }
        guard entry.training.contains(where: { $0.period.contains(day) }) else {
            return .unavailable(reason: "the catalog has no fine-tuning price for `\(entry.id)` on \(day): it cannot be trained there")
        }
        let windows = trainingWindows.filter { $0.provider == entry.provider && $0.from <= day }
        if let closed = windows.first(where: { $0.closedTo == nil }) {
            return .unavailable(reason: "\(entry.provider) accepts no new fine-tuning jobs from anyone since \(closed.from) (\(closed.source))")
        }
        guard !windows.isEmpty else { return .available }
        return .restricted(excluded: windows.map { "since \($0.from), not for \($0.closedTo ?? "anyone") (\($0.source))" })
    }
}
