/// How a requested name reached its catalog entry, step by step, as `pricing show` prints it.
public struct NameLookup: Sendable {
    public let entry: CatalogModel
    /// True for an `ft:` name: fine-tuned rates apply, never the base's own.
    public let isFineTuned: Bool
    /// Each step taken, in order (`provider prefix `openai/` dropped`, `alias of gpt-5`).
    public let steps: [String]
}
