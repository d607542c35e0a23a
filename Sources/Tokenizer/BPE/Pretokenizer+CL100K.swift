extension Pretokenizer {
    /// cl100k_base's pattern, from tiktoken's `tiktoken_ext/openai_public.py`:
    ///
    ///     '(?i:[sdmt]|ll|ve|re)|[^\r\n\p{L}\p{N}]?+\p{L}++|\p{N}{1,3}+|
    ///      ?[^\s\p{L}\p{N}]++[\r\n]*+|\s++$|\s*[\r\n]|\s+(?!\S)|\s
    ///
    /// The possessive quantifiers change nothing here (no later part of an alternative could use
    /// what they refuse to give back), so plain longest runs implement them.
    static func cl100kPieceEnd(in text: UTF8Text, from start: Int) -> Int {
        let contraction = contractionLength(in: text, at: start)
        if contraction > 0 { return start + contraction }

        let (first, firstLength) = text.scalarClass(at: start)
        if first.contains(.letter) {
            return text.endOfRun(from: start, inAnyOf: .letter)
        }
        let afterFirst = start + firstLength
        if first.isDisjoint(with: [.letter, .number, .lineBreak]), text.hasScalar(at: afterFirst, inAnyOf: .letter) {
            return text.endOfRun(from: afterFirst, inAnyOf: .letter)
        }

        if first.contains(.number) {
            return text.endOfRun(from: start, inAnyOf: .number, maxScalars: 3)
        }

        if let end = punctuationPieceEnd(in: text, from: start, trailing: (carriageReturn, lineFeed, lineFeed)) {
            return end
        }
        return whitespacePieceEnd(in: text, from: start, takesRunAtEnd: true)
    }
}
