import CostModel

/// One row of a provider's training price table by model size: models above `above` and up to
/// `upTo` billion parameters (either bound open) pay `price` for its method.
struct TrainingSizeBucket {
    let above: ExactDecimal?
    let upTo: ExactDecimal?
    let price: CatalogTrainingPrice

    func contains(_ parameters: ExactDecimal) -> Bool {
        (above.map { parameters > $0 } ?? true) && (upTo.map { parameters <= $0 } ?? true)
    }

    /// `up to 16B`, `above 16B up to 69B`, `above 300B`.
    static func label(above: ExactDecimal?, upTo: ExactDecimal?) -> String {
        switch (above, upTo) {
        case (nil, let upTo?): return "up to \(upTo)B"
        case (let above?, let upTo?): return "above \(above)B up to \(upTo)B"
        case (let above?, nil): return "above \(above)B"
        case (nil, nil): return "any size"
        }
    }
}
