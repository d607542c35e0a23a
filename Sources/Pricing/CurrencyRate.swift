import CostModel
import DistillCore

/// One dated exchange rate: 1 `from` = `rate` `to`, published on `date` by `source`. Conversions
/// use the latest rate on or before the day being converted, so past totals keep the rate of their
/// own day instead of being rewritten by today's.
public struct CurrencyRate: Sendable {
    public let from: String
    public let to: String
    public let rate: ExactDecimal
    public let date: UTCDate
    public let source: String
    public let location: SourceLocation
}
