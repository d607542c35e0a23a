/// The model names closest to a mistyped one, so an error can say "did you mean".
enum ModelNameSuggestions {
    /// The `limit` nearest names by edit distance (case-insensitive), nearest first: even a far
    /// guess shows the user which names the store does hold.
    static func closest(to name: String, among names: some Sequence<String>, limit: Int = 3) -> [String] {
        let typed = Array(name.lowercased())
        return names.map { ($0, distance(typed, Array($0.lowercased()))) }
            .sorted { ($0.1, $0.0) < ($1.1, $1.0) }
            .prefix(limit).map(\.0)
    }

    /// Levenshtein distance, one row at a time.
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        guard !a.isEmpty else { return b.count }
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: b.count)
            for (j, y) in b.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
