/// How training text is turned into token counts: exactly, with an encoding's tokenizer, or
/// approximately, only when asked for.
///
/// The approximation exists for machines without the rank files; every result made with it says
/// so (`TrainingFileAnalysis.isApproximate`), because a guessed count is how a $0.74 estimate
/// becomes a $9 bill.
package enum TokenCounting: Sendable {
    case exact(BPETokenizer)
    /// One token per `approximateBytesPerToken` UTF-8 bytes of each text, rounded up.
    case approximate

    /// OpenAI's rule of thumb: about four characters of English per token.
    package static let approximateBytesPerToken = 4

    package var isApproximate: Bool {
        if case .approximate = self { return true }
        return false
    }

    /// The encoding used, nil for the approximation.
    package var encoding: TokenEncoding? {
        if case .exact(let tokenizer) = self { return tokenizer.encoding }
        return nil
    }

    /// Names the method for reports: "o200k_base (exact)" or the approximation's rule.
    package var label: String {
        switch self {
        case .exact(let tokenizer): "\(tokenizer.encoding) (exact)"
        case .approximate: "approximate: UTF-8 bytes ÷ \(Self.approximateBytesPerToken), rounded up"
        }
    }

    package func count(_ text: String) -> Int {
        switch self {
        case .exact(let tokenizer):
            tokenizer.count(text)
        case .approximate:
            (text.utf8.count + Self.approximateBytesPerToken - 1) / Self.approximateBytesPerToken
        }
    }
}
