/// How `FileIngester` reads files: the options of `distill-roi ingest file`.
public struct FileIngestOptions: Sendable {
    /// The format, or nil to recognise it from the content.
    public var kind: FileKind?
    /// The source name stored with every row; by default `KIND:FILENAME`.
    public var source: String?
    /// Store the valid records of a file with invalid ones (reporting how many were skipped),
    /// instead of rejecting the whole file.
    public var skipInvalid: Bool
    /// Keep message content (`request_content`); off by default because prompts may hold personal data.
    public var storeContent: Bool
    /// Mask e-mail addresses, phone numbers and API-key-shaped strings in stored metadata values
    /// and content (`Redactor`).
    public var redact: Bool
    /// `--map column=field` for table-shaped files (see `ColumnResolver`).
    public var columnMap: [String: String]
    /// The range scores are written on, when it is not 0...1.
    public var scoreScale: ScoreScale?
    /// How many invalid records a rejection message quotes.
    public var reportedProblemLimit: Int

    public init(
        kind: FileKind? = nil, source: String? = nil, skipInvalid: Bool = false, storeContent: Bool = false,
        redact: Bool = false,
        columnMap: [String: String] = [:], scoreScale: ScoreScale? = nil, reportedProblemLimit: Int = 5
    ) {
        self.kind = kind
        self.source = source
        self.skipInvalid = skipInvalid
        self.storeContent = storeContent
        self.redact = redact
        self.columnMap = columnMap
        self.scoreScale = scoreScale
        self.reportedProblemLimit = reportedProblemLimit
    }
}
