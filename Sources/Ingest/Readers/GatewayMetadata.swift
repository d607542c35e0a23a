import DistillCore

/// What an LLM gateway's log keeps inside JSON-valued columns: LiteLLM's spend logs hold cached,
/// cache-write and reasoning tokens only in `metadata.usage_object`, the caller's own request
/// metadata in `metadata` (and its `requester_metadata` / `spend_logs_metadata`), and its tags as a
/// JSON list in `request_tags`.
///
/// A request-log row passes each such column here instead of making it one long tag. Token counts
/// come back as cells (a column the log has of the same field wins); metadata members become tags
/// by `TagRule` (scalars only: nested objects, lists and long text are dropped).
struct GatewayMetadata {
    private(set) var cells: [RequestField: (name: String, value: String)] = [:]
    private(set) var tags: [String: String] = [:]

    /// Members of LiteLLM's metadata that are its own bookkeeping, not the caller's labels.
    private static let ownMembers: Set<String> = [
        "usageobject", "modelmapinformation", "additionalusagevalues", "userapikey", "userapikeyhash",
        "requesteripaddress", "useragent", "status", "errorinformation", "attemptedretries", "maxretries",
        "hiddenparams", "headers", "endpoint", "proxyserverrequest", "cachedtokens",
    ]

    /// Reads `column` when it is one of the gateway's JSON columns; false leaves it to the caller.
    mutating func read(column: String, value: String) -> Bool {
        // Only JSON text is gateway metadata; plain cells skip the name work (this runs per cell).
        let first = value.utf8.first(where: { $0 != 0x20 && $0 != 0x09 })
        guard first == UInt8(ascii: "{") || first == UInt8(ascii: "[") else { return false }
        let name = ColumnResolver<RequestField>.normalise(column)
        switch (name, first) {
        case ("metadata", UInt8(ascii: "{")?):
            guard let object = Self.object(value) else { return false }
            readMetadata(object, path: column)
        case ("metadatausageobject", UInt8(ascii: "{")?), ("usageobject", UInt8(ascii: "{")?):
            guard let object = Self.object(value) else { return false }
            readUsage(object, path: column)
        case ("metadatarequestermetadata", UInt8(ascii: "{")?), ("metadataspendlogsmetadata", UInt8(ascii: "{")?),
            ("requestermetadata", UInt8(ascii: "{")?), ("spendlogsmetadata", UInt8(ascii: "{")?):
            guard let object = Self.object(value) else { return false }
            addScalars(object)
        case ("requesttags", UInt8(ascii: "[")?), ("tags", UInt8(ascii: "[")?), ("metadatatags", UInt8(ascii: "[")?):
            guard case .array(let elements)? = try? JSONValue.parse(value) else { return false }
            tags.merge(TagRule.listTags(elements.compactMap(\.stringValue))) { _, new in new }
        default:
            return false
        }
        return true
    }

    private mutating func readMetadata(_ object: JSONObject, path: String) {
        for (member, value) in object.members {
            let name = ColumnResolver<RequestField>.normalise(member)
            switch (name, value) {
            case ("usageobject", .object(let usage)): readUsage(usage, path: path + "." + member)
            case ("requestermetadata", .object(let nested)), ("spendlogsmetadata", .object(let nested)):
                addScalars(nested)
            case ("tags", .array(let elements)):
                tags.merge(TagRule.listTags(elements.compactMap(\.stringValue))) { _, new in new }
            default:
                guard !Self.ownMembers.contains(name) else { continue }
                addScalar(member, value)
            }
        }
    }

    /// An OpenAI-shaped usage object as LiteLLM records it, Anthropic's cache fields included.
    private mutating func readUsage(_ usage: JSONObject, path: String) {
        func set(_ field: RequestField, _ value: JSONValue?, _ name: String) {
            guard case .number(let text)? = value, cells[field] == nil else { return }
            cells[field] = (path + "." + name, text)
        }
        let prompt = usage["prompt_tokens_details"]?.objectValue
        let completion = usage["completion_tokens_details"]?.objectValue
        set(.cachedTokens, prompt?["cached_tokens"], "prompt_tokens_details.cached_tokens")
        set(.cachedTokens, usage["cache_read_input_tokens"], "cache_read_input_tokens")
        set(.cacheWriteTokens, usage["cache_creation_input_tokens"], "cache_creation_input_tokens")
        set(.reasoningTokens, completion?["reasoning_tokens"], "completion_tokens_details.reasoning_tokens")
        set(.inputTokens, usage["prompt_tokens"], "prompt_tokens")
        set(.outputTokens, usage["completion_tokens"], "completion_tokens")
    }

    private mutating func addScalars(_ object: JSONObject) {
        for (member, value) in object.members { addScalar(member, value) }
    }

    private mutating func addScalar(_ member: String, _ value: JSONValue) {
        let text: String
        switch value {
        case .string(let string), .number(let string): text = string
        case .bool(let flag): text = flag ? "true" : "false"
        default: return
        }
        if let accepted = TagRule.value(name: member, text) { tags[member] = accepted }
    }

    private static func object(_ text: String) -> JSONObject? {
        (try? JSONValue.parse(text))?.objectValue
    }
}
