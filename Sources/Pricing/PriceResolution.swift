/// The outcome of resolving a model name, time and tier: a price, or the reason there is none.
/// Unpriced requests are listed by name and token count in every output; they are never priced as
/// zero and never given a guessed price.
public enum PriceResolution: Hashable, Sendable {
    case priced(ResolvedPrice)
    case unpriced(reason: String)

    public var price: ResolvedPrice? {
        if case .priced(let price) = self { return price }
        return nil
    }
}
