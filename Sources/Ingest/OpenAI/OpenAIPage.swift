/// One API page: its records, read by the same reader that reads the shape from a file, and its
/// paging fields, checked strictly.
public struct OpenAIPage<Record> {
    public var records: [Record]
    public var hasMore: Bool
    /// What asks for the next page: `last_id` (completions), `next_page` (buckets), or the last
    /// job's id (fine-tuning jobs).
    public var next: String?
    /// The end of every bucket on a bucket page, empty ones included: the cursor moves past days
    /// that had no traffic.
    public var bucketEnds: [Int64] = []
}
