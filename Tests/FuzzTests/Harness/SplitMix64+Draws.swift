import DistillCore

/// The fuzzer's draws. One 64-bit word of state (`SplitMix64`), so a failing input is reproduced
/// from the one number the fuzzer prints.
extension SplitMix64 {
    /// A uniform index below `bound` (which must be positive).
    package mutating func below(_ bound: Int) -> Int {
        Int.random(in: 0..<bound, using: &self)
    }

    package mutating func chance(_ percent: Int) -> Bool {
        below(100) < percent
    }

    package mutating func pick<T>(_ choices: [T]) -> T {
        choices[below(choices.count)]
    }
}
