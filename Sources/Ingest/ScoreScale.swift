/// The range a score file uses (`--scale 1:5`), mapped linearly onto the stored 0...1.
package struct ScoreScale: Sendable, Equatable {
    package var minimum: Double
    package var maximum: Double

    package init(minimum: Double, maximum: Double) throws {
        guard minimum.isFinite, maximum.isFinite, minimum < maximum else {
            throw IngestError.invalidOption(
                "--scale \(minimum):\(maximum): the minimum must be below the maximum, both finite.")
        }
        self.minimum = minimum
        self.maximum = maximum
    }

    /// Parses `MIN:MAX`, e.g. `1:5` or `0:100`.
    package init(parsing text: String) throws {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let minimum = Double(parts[0]), let maximum = Double(parts[1]) else {
            throw IngestError.invalidOption(
                "--scale \(text): write the score range as MIN:MAX, for example 1:5 or 0:100.")
        }
        try self.init(minimum: minimum, maximum: maximum)
    }

    /// A raw score on 0...1: through the scale when one is given; otherwise it must already be there.
    static func normalise(_ raw: Double, scale: ScoreScale?, field: String) throws -> Double {
        guard raw.isFinite else { throw IngestError.field(field, "must be a finite number, found \(raw)") }
        guard let scale else {
            guard (0...1).contains(raw) else {
                throw IngestError.field(field, "\(raw) is outside 0...1; pass --scale MIN:MAX to map another range")
            }
            return raw
        }
        guard (scale.minimum...scale.maximum).contains(raw) else {
            throw IngestError.field(field, "\(raw) is outside the --scale range \(scale.minimum)...\(scale.maximum)")
        }
        return (raw - scale.minimum) / (scale.maximum - scale.minimum)
    }
}
