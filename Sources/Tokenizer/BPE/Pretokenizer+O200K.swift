extension Pretokenizer {
    /// o200k_base's pattern, from tiktoken's `tiktoken_ext/openai_public.py`, alternatives joined
    /// with `|`:
    ///
    ///     [^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?
    ///     [^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?
    ///     \p{N}{1,3}
    ///      ?[^\s\p{L}\p{N}]+[\r\n/]*
    ///     \s*[\r\n]+
    ///     \s+(?!\S)
    ///     \s+
    static func o200kPieceEnd(in text: UTF8Text, from start: Int) -> Int {
        let (first, firstLength) = text.scalarClass(at: start)
        let afterFirst = start + firstLength
        let canBePrefix = first.isDisjoint(with: [.letter, .number, .lineBreak])
        let cased: ScalarClass = [.upperGroup, .lowerGroup]
        if !first.isDisjoint(with: cased) || (canBePrefix && text.hasScalar(at: afterFirst, inAnyOf: cased)),
            let end = casedPieceEnd(in: text, from: start, afterFirst: afterFirst, canBePrefix: canBePrefix)
        {
            return end
        }

        if first.contains(.number) {
            return text.endOfRun(from: start, inAnyOf: .number, maxScalars: 3)
        }

        if let end = punctuationPieceEnd(in: text, from: start, trailing: (carriageReturn, lineFeed, slash)) {
            return end
        }
        return whitespacePieceEnd(in: text, from: start, takesRunAtEnd: false)
    }

    /// The first two alternatives, with a backtracking engine's order of choices: the optional
    /// prefix scalar is tried taken before not taken, and `U*` longest first, so `U* W+` ends at the
    /// last scalar of the longest upper-group run that can begin `W+`. Marks are in both groups and
    /// also count as a prefix, which makes the "not taken" choice matter for a leading mark.
    private static func casedPieceEnd(in text: UTF8Text, from start: Int, afterFirst: Int, canBePrefix: Bool) -> Int? {
        let choices = canBePrefix ? 2 : 1

        // [^\r\n\p{L}\p{N}]? U* W+ contraction?
        for choice in 0..<choices {
            let bodyStart = canBePrefix && choice == 0 ? afterFirst : start
            guard bodyStart < text.count else { continue }
            var position = bodyStart
            var lastLowerInRun = -1
            while position < text.count {
                let (scalarClass, length) = text.scalarClass(at: position)
                guard scalarClass.contains(.upperGroup) else { break }
                if scalarClass.contains(.lowerGroup) { lastLowerInRun = position }
                position += length
            }
            let lowerStart: Int
            if text.hasScalar(at: position, inAnyOf: .lowerGroup) {
                lowerStart = position
            } else if lastLowerInRun >= 0 {
                lowerStart = lastLowerInRun
            } else {
                continue
            }
            let lowerEnd = text.endOfRun(from: lowerStart, inAnyOf: .lowerGroup)
            return lowerEnd + contractionLength(in: text, at: lowerEnd)
        }

        // [^\r\n\p{L}\p{N}]? U+ W* contraction?
        for choice in 0..<choices {
            let bodyStart = canBePrefix && choice == 0 ? afterFirst : start
            guard text.hasScalar(at: bodyStart, inAnyOf: .upperGroup) else { continue }
            let upperEnd = text.endOfRun(from: bodyStart, inAnyOf: .upperGroup)
            let lowerEnd = text.endOfRun(from: upperEnd, inAnyOf: .lowerGroup)
            return lowerEnd + contractionLength(in: text, at: lowerEnd)
        }
        return nil
    }
}
