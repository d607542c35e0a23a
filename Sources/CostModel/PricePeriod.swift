import DistillCore

/// The days a price applies: from `effectiveFrom` (inclusive, 00:00 UTC) until `effectiveUntil`
/// (exclusive), or open-ended. A request is priced at its own timestamp, so last month's requests
/// keep last month's prices after a price change.
public struct PricePeriod: Hashable, Sendable, CustomStringConvertible {
    public let effectiveFrom: UTCDate
    public let effectiveUntil: UTCDate?

    public init(effectiveFrom: UTCDate, effectiveUntil: UTCDate? = nil) {
        self.effectiveFrom = effectiveFrom
        self.effectiveUntil = effectiveUntil
    }

    public func contains(_ day: UTCDate) -> Bool {
        day >= effectiveFrom && effectiveUntil.map { day < $0 } ?? true
    }

    /// True when the two periods share at least one day.
    public func overlaps(_ other: PricePeriod) -> Bool {
        let startsBeforeOtherEnds = other.effectiveUntil.map { effectiveFrom < $0 } ?? true
        let otherStartsBeforeThisEnds = effectiveUntil.map { other.effectiveFrom < $0 } ?? true
        return startsBeforeOtherEnds && otherStartsBeforeThisEnds
    }

    /// `2024-08-06 – open` or `2024-05-13 – 2024-08-06`.
    public var description: String { "\(effectiveFrom) – \(effectiveUntil.map(String.init(describing:)) ?? "open")" }
}
