import Store

/// What one endpoint's pull did: pages fetched, rows written by outcome, and where its cursor stands.
public struct OpenAIPullResult: Sendable, Equatable {
    public let endpoint: OpenAIEndpoint
    public var pages = 0
    public var counts = WriteCounts()
    /// The cursor after the pull (nil when the endpoint has none yet).
    public var cursor: String?

    public init(endpoint: OpenAIEndpoint, pages: Int = 0, counts: WriteCounts = WriteCounts(), cursor: String? = nil) {
        self.endpoint = endpoint
        self.pages = pages
        self.counts = counts
        self.cursor = cursor
    }

    public var rows: Int { counts.inserted + counts.updated + counts.unchanged }
}
