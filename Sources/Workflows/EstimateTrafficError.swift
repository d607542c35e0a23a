import Analytics

/// Why the estimate cannot tell how much traffic the student would take. The executable says which
/// options fix each case.
package enum EstimateTrafficError: Error, Sendable, Equatable {
    /// Neither given figures nor a request to measure them.
    case missing
    /// Given figures and a request to measure them at once.
    case givenTwice
    /// Given figures that cannot describe traffic (no requests, negative tokens, more cached
    /// tokens than input tokens).
    case invalid
    /// Measuring was asked for, and there is no database.
    case noDatabase(path: String)
    /// The database has no traffic of the teacher in the window (with the filters).
    case nothingMeasured(path: String, teacher: String, days: Int, filters: [TagFilter])
}
