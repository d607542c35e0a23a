import DistillCore

/// SplitMix64 with its own bounded draw, so the generated inputs are the same bytes on every
/// machine and Swift version (the standard library does not promise how `random(in:using:)` maps
/// a generator's output to a range).
struct SeededRandom {
    private var generator: SplitMix64

    init(seed: UInt64) { generator = SplitMix64(seed: seed) }

    mutating func next() -> UInt64 { generator.next() }

    /// A number in `range`; the modulo bias is below 10⁻¹⁰ for the small ranges used here.
    mutating func next(in range: ClosedRange<Int64>) -> Int64 {
        range.lowerBound + Int64(next() % UInt64(range.upperBound - range.lowerBound + 1))
    }

    /// An element of `choices`, each weighted by its count.
    mutating func pick<Element>(_ choices: [(Element, weight: Int64)]) -> Element {
        var draw = next(in: 1...choices.reduce(0) { $0 + $1.weight })
        for (element, weight) in choices {
            if draw <= weight { return element }
            draw -= weight
        }
        return choices[choices.count - 1].0
    }
}
