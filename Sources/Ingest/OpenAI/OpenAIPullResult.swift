import Store

/// What one endpoint's pull did: pages fetched, rows written by outcome, and where its cursor stands.
package struct OpenAIPullResult: Sendable, Equatable {
    package let endpoint: OpenAIEndpoint
    package var pages = 0
    package var counts = WriteCounts()
    /// Stored completions pulled with `--store-content` whose request messages were fetched and stored.
    package var messagesFetched = 0
    /// Stored completions whose messages the API no longer had (404: deleted since listing).
    package var messagesMissing = 0
    /// The cursor after the pull (nil when the endpoint has none yet).
    package var cursor: String?

    package init(endpoint: OpenAIEndpoint, pages: Int = 0, counts: WriteCounts = WriteCounts(), cursor: String? = nil) {
        self.endpoint = endpoint
        self.pages = pages
        self.counts = counts
        self.cursor = cursor
    }

    package var rows: Int { counts.inserted + counts.updated + counts.unchanged }
}
