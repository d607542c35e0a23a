/// Why a cost could not be computed. Each case's description is a full sentence saying what to do.
public enum CostModelError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Token counts that contradict the API's nesting.
    case invalidUsage(String)
    /// A training price applied to the wrong kind of quantity (hours for a per-token price).
    case mismatchedTrainingQuantity(String)
    /// A figure that would overflow 128-bit arithmetic.
    case overflow(String)
    /// An input outside its domain (a negative volume, a zero request count).
    case invalidInput(String)

    public var description: String {
        switch self {
        case .invalidUsage(let detail):
            return "The token usage is inconsistent: \(detail). Check the source row."
        case .mismatchedTrainingQuantity(let detail):
            return "The training quantity does not match the training price: \(detail)."
        case .overflow(let detail):
            return "The figure is too large to compute exactly: \(detail)."
        case .invalidInput(let detail):
            return "The input is out of range: \(detail)."
        }
    }
}
