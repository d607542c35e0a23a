/// A benchmark that cannot be trusted: an input is missing, or the measured code computed a
/// wrong result. `main` prints it and exits non-zero, so no figure is reported for wrong code.
struct BenchmarkFailure: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) { self.description = description }
}
