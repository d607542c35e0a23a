/// One API page: its records, read by the same reader that reads the shape from a file, and its
/// paging fields, checked strictly.
package struct OpenAIPage<Record> {
    package var records: [Record]
    package var hasMore: Bool
    /// What asks for the next page: `last_id` (completions), `next_page` (buckets), or the last
    /// job's id (fine-tuning jobs).
    package var next: String?
    /// The end of every bucket on a bucket page, empty ones included: the cursor moves past days
    /// that had no traffic.
    package var bucketEnds: [Int64] = []
}
