/// What to pull: the time window, the filters, and the paging knobs.
package struct OpenAIPullOptions: Sendable, Equatable {
    /// Unix seconds; when set, overrides the stored cursor and pulls from here.
    package var since: Int64?
    /// Unix seconds, exclusive; nil means up to now.
    package var until: Int64?
    /// Stored completions: only this model.
    package var model: String?
    /// Stored completions: only completions whose metadata has every one of these pairs.
    package var metadata: [String: String]
    package var bucketWidth: BucketWidth
    /// Items or buckets per page; nil uses each endpoint's maximum, so a pull makes few requests.
    package var pageSize: Int?
    /// Where usage and costs start on a first pull with no `since`.
    package var firstPullDays: Int
    /// Stored completions: keep each one's answer (`choices`) and fetch its request messages, one
    /// more call per completion; off by default, because prompts may hold personal data.
    package var storeContent: Bool
    /// Stored completions: mask e-mail addresses, phone numbers and key-shaped strings in stored
    /// metadata values and content (`Redactor`), as `ingest file --redact` does.
    package var redact: Bool

    package init(
        since: Int64? = nil, until: Int64? = nil, model: String? = nil, metadata: [String: String] = [:],
        bucketWidth: BucketWidth = .day, pageSize: Int? = nil, firstPullDays: Int = 30, storeContent: Bool = false,
        redact: Bool = false
    ) {
        self.since = since
        self.until = until
        self.model = model
        self.metadata = metadata
        self.bucketWidth = bucketWidth
        self.pageSize = pageSize
        self.firstPullDays = firstPullDays
        self.storeContent = storeContent
        self.redact = redact
    }
}
