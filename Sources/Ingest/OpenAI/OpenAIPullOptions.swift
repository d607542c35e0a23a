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

    package init(
        since: Int64? = nil, until: Int64? = nil, model: String? = nil, metadata: [String: String] = [:],
        bucketWidth: BucketWidth = .day, pageSize: Int? = nil, firstPullDays: Int = 30
    ) {
        self.since = since
        self.until = until
        self.model = model
        self.metadata = metadata
        self.bucketWidth = bucketWidth
        self.pageSize = pageSize
        self.firstPullDays = firstPullDays
    }
}
