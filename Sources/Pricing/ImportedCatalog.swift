import CostModel
import DistillCore

/// A catalog converted from a public price database, before it is written as YAML. Importers fill
/// it; `yaml` renders it in the `pricing/` format with a comment for everything the source could
/// not express (history, training prices, long-context tiers), so a reviewer sees the gaps.
public struct ImportedCatalog: Sendable {
    /// One model entry to write.
    public struct Model: Sendable {
        public var id: String
        public var aliases: [String] = []
        public var shutdown: UTCDate?
        public var shutdownSource: String?
        public var comments: [String] = []
        public var prices: [Period] = []
        public var fineTuned: [Period] = []

        public init(id: String) { self.id = id }
    }

    /// One price period of a model.
    public struct Period: Sendable {
        public var effectiveFrom: UTCDate
        public var tiers: [ServiceTier: TokenRates]
        /// Long-context rates by threshold (`above_input_tokens`) and tier.
        public var longContext: [Int64: [ServiceTier: TokenRates]] = [:]
        public var source: String
        public var asOf: String
        public var comments: [String] = []

        public init(effectiveFrom: UTCDate, tiers: [ServiceTier: TokenRates], source: String, asOf: String) {
            self.effectiveFrom = effectiveFrom
            self.tiers = tiers
            self.source = source
            self.asOf = asOf
        }
    }

    public var provider: String
    public var header: [String]
    public var models: [Model] = []
    /// Source entries that could not be converted, with why.
    public var skipped: [String] = []

    public init(provider: String, header: [String]) {
        self.provider = provider
        self.header = header
    }

    /// The catalog as a `pricing/` YAML file.
    public var yaml: String {
        var lines = header.map { "# \(Self.commentText($0))" }
        if !skipped.isEmpty {
            lines.append("#")
            lines.append("# Not converted:")
            lines += skipped.map { "#   \(Self.commentText($0))" }
        }
        lines.append("provider: \(Self.quoted(provider))")
        lines.append("currency: USD")
        lines.append("models:")
        for model in models {
            lines.append("")
            lines += model.comments.map { "  # \(Self.commentText($0))" }
            lines.append("  - id: \(Self.quoted(model.id))")
            if !model.aliases.isEmpty {
                lines.append("    aliases: [\(model.aliases.map(Self.quoted).joined(separator: ", "))]")
            }
            if let shutdown = model.shutdown {
                lines.append("    shutdown: \(shutdown)")
                lines.append("    shutdown_source: \(Self.quoted(model.shutdownSource ?? "imported"))")
            }
            lines.append("    prices:")
            lines += Self.periodLines(model.prices, indent: "      ")
            if !model.fineTuned.isEmpty {
                lines.append("    fine_tuned:")
                lines.append("      prices:")
                lines += Self.periodLines(model.fineTuned, indent: "        ")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func periodLines(_ periods: [Period], indent: String) -> [String] {
        var lines: [String] = []
        for period in periods.sorted(by: { $0.effectiveFrom < $1.effectiveFrom }) {
            lines += period.comments.map { "\(indent)# \(commentText($0))" }
            lines.append("\(indent)- effective_from: \(period.effectiveFrom)")
            lines.append("\(indent)  source: \(quoted(period.source))")
            lines.append("\(indent)  as_of: \(quoted(period.asOf))")
            for tier in ServiceTier.allCases {
                guard let rates = period.tiers[tier] else { continue }
                lines.append("\(indent)  \(tier.rawValue): \(rateTable(rates))")
            }
            if !period.longContext.isEmpty {
                lines.append("\(indent)  long_context:")
                for (threshold, tiers) in period.longContext.sorted(by: { $0.key < $1.key }) {
                    lines.append("\(indent)    - above_input_tokens: \(threshold)")
                    for tier in ServiceTier.allCases {
                        guard let rates = tiers[tier] else { continue }
                        lines.append("\(indent)      \(tier.rawValue): \(rateTable(rates))")
                    }
                }
            }
        }
        return lines
    }

    /// `{ input: 2.5, cached_input: 0.25, output: 15 }`, with every rate the table has.
    static func rateTable(_ rates: TokenRates) -> String {
        var fields = ["input: \(rates.input)"]
        if let cached = rates.cachedInput { fields.append("cached_input: \(cached)") }
        if let write = rates.cacheWrite { fields.append("cache_write: \(write)") }
        if let write = rates.cacheWriteOneHour { fields.append("cache_write_1h: \(write)") }
        fields.append("output: \(rates.output)")
        return "{ \(fields.joined(separator: ", ")) }"
    }

    /// A YAML double-quoted string, escaping what YAML requires.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for character in text.unicodeScalars {
            switch character {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            default: result += escaped(character)
            }
        }
        return result + "\""
    }

    /// Text from the source on one comment line: a line break in a name would otherwise end the
    /// comment and let the rest be read as YAML.
    static func commentText(_ text: String) -> String {
        text.unicodeScalars.map(escaped).joined()
    }

    /// A scalar as YAML may hold it inside a double-quoted string or a comment: line breaks (LF,
    /// CR, NEL, LS, PS) and what YAML 1.1 §5.1 does not count as printable (libyaml refuses
    /// "control characters", and the byte-order mark inside text) become escapes.
    private static func escaped(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\n": return "\\n"
        case "\t": return "\\t"
        case "\r": return "\\r"
        case " "..."~", "\u{A0}"..."\u{2027}", "\u{202A}"..."\u{D7FF}", "\u{E000}"..."\u{FEFE}", "\u{FF00}"..."\u{FFFD}", "\u{10000}"..."\u{10FFFF}":
            return String(scalar)
        default:
            let hex = String(scalar.value, radix: 16, uppercase: true)
            return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        }
    }
}
