extension Database {
    /// The name of every source rows were stored from (`KIND:FILENAME`, or an API endpoint), in
    /// the order they were first seen.
    package func sourceNames() throws -> [String] {
        try query("SELECT name FROM sources ORDER BY id") { $0.string(0) }
    }
}
