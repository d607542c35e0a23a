/// Decides what each column of a table-shaped source means: a known field (matched by name,
/// case-insensitively, with common aliases), a tag, or nothing.
///
/// Names are compared after lowercasing and dropping `_`, `-`, `.` and spaces, so `input_tokens`,
/// `inputTokens` and `Input Tokens` match alike. `--map col=field` overrides: `field` is a field
/// name, `tag:NAME`, or `-` to drop the column; `--map '*=-'` drops every column that is not a
/// known field (instead of making it a tag). Columns holding message content or secrets
/// (`PrivateColumns`, in any segment of a dotted name, see `TagRule`) are dropped unless mapped.
struct ColumnResolver<Field: Hashable & RawRepresentable<String>> {
    enum Target: Equatable {
        case field(Field)
        case tag(String)
        case ignore
    }

    private let aliases: [String: Field]
    private let overrides: [String: Target]
    private let unknownBecomesTag: Bool
    private var cache: [String: Target] = [:]

    /// `aliases` maps normalised names to fields; `columnMap` is `--map` as column → target text.
    init(aliases: [String: Field], columnMap: [String: String], unknownBecomesTag: Bool) throws {
        self.aliases = aliases
        var overrides: [String: Target] = [:]
        var tagUnknown = unknownBecomesTag
        for (column, target) in columnMap {
            let trimmed = target.trimmingSpaces()
            let resolved: Target
            if trimmed == "-" || trimmed.lowercased() == "ignore" {
                resolved = .ignore
            } else if trimmed.lowercased().hasPrefix("tag:") {
                let name = String(trimmed.dropFirst(4))
                guard !name.isEmpty else {
                    throw IngestError.invalidOption("--map \(column)=\(target): the tag needs a name, as in tag:team.")
                }
                resolved = .tag(name)
            } else if let field = aliases[Self.normalise(trimmed)] {
                resolved = .field(field)
            } else {
                throw IngestError.invalidOption(
                    "--map \(column)=\(target): \"\(target)\" is not a field of this kind of file; map to a field name, "
                        + "tag:NAME, or - to drop the column.")
            }
            if column == "*" {
                guard resolved == .ignore else {
                    throw IngestError.invalidOption(
                        "--map *=\(target): only *=- (drop columns that are not fields) is supported.")
                }
                tagUnknown = false
            } else {
                overrides[Self.normalise(column)] = resolved
            }
        }
        self.overrides = overrides
        self.unknownBecomesTag = tagUnknown
    }

    mutating func target(for name: String) -> Target {
        if let known = cache[name] { return known }
        let normalised = Self.normalise(name)
        let target: Target
        if let override = overrides[normalised] {
            target = override
        } else if let field = aliases[normalised] {
            target = .field(field)
        } else if unknownBecomesTag, TagRule.acceptsName(name) {
            target = .tag(Self.tagName(name))
        } else {
            target = .ignore
        }
        if cache.count < 4096 { cache[name] = target }
        return target
    }

    /// What each column of a header means, for the summary: `tokens_in → input_tokens, team → tag team`.
    mutating func describe(_ names: [String]) -> String {
        names.map { name in
            switch target(for: name) {
            case .field(let field): return "\(name) → \(field.rawValue)"
            case .tag(let tag): return "\(name) → tag \(tag)"
            case .ignore: return "\(name) → dropped"
            }
        }.joined(separator: ", ")
    }

    /// `metadata.team` and `tags.team` become the tag `team`; other names are kept as written.
    static func tagName(_ column: String) -> String {
        for prefix in ["metadata.", "tags.", "labels."] where column.lowercased().hasPrefix(prefix) {
            return String(column.dropFirst(prefix.count))
        }
        return column
    }

    static func normalise(_ name: String) -> String {
        String(
            String.UnicodeScalarView(name.lowercased().unicodeScalars.filter { !"_-. ".unicodeScalars.contains($0) }))
    }
}
