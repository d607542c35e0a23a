/// How a file's records are laid out.
enum FileLayout: Equatable {
    /// One JSON value per line (JSON Lines); the usual shape for large files.
    case jsonLines
    /// One JSON document, possibly pretty-printed; read whole, so it should be small.
    case jsonDocument
    /// CSV with a header row.
    case csv
}
