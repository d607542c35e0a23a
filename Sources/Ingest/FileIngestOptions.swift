/// How `FileIngester` reads files: the options of `distill-roi ingest file`.
package struct FileIngestOptions: Sendable {
    /// The format, or nil to recognise it from the content.
    package var kind: FileKind?
    /// The source name stored with every row; by default `KIND:FILENAME`.
    package var source: String?
    /// Store the valid records of a file with invalid ones (reporting how many were skipped),
    /// instead of rejecting the whole file.
    package var skipInvalid: Bool
    /// Keep message content (`request_content`); off by default because prompts may hold personal data.
    package var storeContent: Bool
    /// Mask e-mail addresses, phone numbers and API-key-shaped strings in stored metadata values
    /// and content (`Redactor`).
    package var redact: Bool
    /// `--map column=field` for table-shaped files (see `ColumnResolver`).
    package var columnMap: [String: String]
    /// The range scores are written on, when it is not 0...1.
    package var scoreScale: ScoreScale?
    /// A Batch input file whose requests' messages are stored with the Batch output's answers,
    /// joined by `custom_id` (`--batch-input`, with `storeContent`).
    package var batchInput: String?
    /// How many invalid records a rejection message quotes.
    package var reportedProblemLimit: Int

    package init(
        kind: FileKind? = nil, source: String? = nil, skipInvalid: Bool = false, storeContent: Bool = false,
        redact: Bool = false,
        columnMap: [String: String] = [:], scoreScale: ScoreScale? = nil, batchInput: String? = nil,
        reportedProblemLimit: Int = 5
    ) {
        self.kind = kind
        self.source = source
        self.skipInvalid = skipInvalid
        self.storeContent = storeContent
        self.redact = redact
        self.columnMap = columnMap
        self.scoreScale = scoreScale
        self.batchInput = batchInput
        self.reportedProblemLimit = reportedProblemLimit
    }
}
