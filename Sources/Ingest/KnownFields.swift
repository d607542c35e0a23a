/// Which optional fields a completing source (a request log, an OTel span) actually had, so a
/// field it lacks keeps the stored value instead of being overwritten with a default.
struct KnownFields: OptionSet {
    let rawValue: Int

    static let batchFlag = KnownFields(rawValue: 1 << 0)
    static let cachedTokens = KnownFields(rawValue: 1 << 1)
    static let cacheWriteTokens = KnownFields(rawValue: 1 << 2)
    static let reasoningTokens = KnownFields(rawValue: 1 << 3)
}
