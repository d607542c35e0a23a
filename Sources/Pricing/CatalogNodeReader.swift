import CostModel
import DistillCore
import Yams

/// Reads typed values out of a composed YAML tree, recording a file:line diagnostic for every
/// problem instead of stopping, so `pricing check` reports all of them at once.
///
/// Numbers are read from each scalar's source text (`Node.Scalar.string`), never through Yams'
/// `Double` conversion, so `0.075` stays exactly 0.075.
struct CatalogNodeReader {
    let file: String
    private(set) var diagnostics: [Diagnostic] = []

    /// An upper bound on any price or rate, so a typo (`2.5e9`) is caught by `check` and money
    /// arithmetic stays far inside `Int128`.
    static let largestPrice = ExactDecimal(1_000_000)

    init(file: String) { self.file = file }

    func location(_ node: Node) -> SourceLocation { SourceLocation(file: file, line: node.mark?.line ?? 1) }

    mutating func error(_ node: Node, _ message: String) {
        diagnostics.append(Diagnostic(location(node), .error, message))
    }

    mutating func error(at location: SourceLocation, _ message: String) {
        diagnostics.append(Diagnostic(location, .error, message))
    }

    /// The mapping's entries by key; every key not in `allowed` and every missing `required` key is
    /// an error naming `context`.
    mutating func mapping(_ node: Node, context: String, allowed: Set<String>, required: [String] = []) -> [String: Node]? {
        guard let mapping = node.mapping else {
            error(node, "\(context) must be a mapping of keys to values")
            return nil
        }
        var entries: [String: Node] = [:]
        for (key, value) in mapping {
            guard let name = key.scalar?.string else {
                error(key, "\(context) has a key that is not a plain name")
                continue
            }
            if allowed.contains(name) {
                entries[name] = value
            } else {
                let known = allowed.sorted().joined(separator: ", ")
                error(key, "unknown key `\(name)` in \(context) (known keys: \(known))")
            }
        }
        for name in required where entries[name] == nil {
            error(node, "\(context) is missing the required key `\(name)`")
        }
        return entries
    }

    mutating func sequence(_ node: Node, context: String) -> [Node] {
        guard let sequence = node.sequence else {
            error(node, "\(context) must be a list")
            return []
        }
        return Array(sequence)
    }

    /// A non-empty scalar's text; null (`~`, `null`, empty) is an error, since a missing price must
    /// be written as a missing key, not as a null that could be read as zero.
    mutating func string(_ node: Node, _ field: String) -> String? {
        guard let scalar = node.scalar, !scalar.string.isEmpty,
            scalar.style != .plain || !["~", "null", "Null", "NULL"].contains(scalar.string)
        else {
            error(node, "`\(field)` must be a non-empty value")
            return nil
        }
        return scalar.string
    }

    /// A price or rate: exact decimal text, zero or more.
    mutating func decimal(_ node: Node, _ field: String) -> ExactDecimal? {
        guard let text = string(node, field) else { return nil }
        guard let value = ExactDecimal(text) else {
            error(node, "`\(field)` must be a decimal number with at most 9 fractional digits, not `\(text)`")
            return nil
        }
        guard !value.isNegative else {
            error(node, "`\(field)` must not be negative (\(text))")
            return nil
        }
        guard value < Self.largestPrice else {
            error(node, "`\(field)` is implausibly large (\(text)); prices and rates must be below \(Self.largestPrice)")
            return nil
        }
        return value
    }

    /// A token count: a whole number above zero (`272000`, underscores allowed as in YAML 1.1).
    mutating func tokenCount(_ node: Node, _ field: String) -> Int64? {
        guard let text = string(node, field) else { return nil }
        guard let value = Int64(text.replacingOccurrences(of: "_", with: "")), value > 0 else {
            error(node, "`\(field)` must be a whole number of tokens above zero, not `\(text)`")
            return nil
        }
        return value
    }

    /// A calendar date `YYYY-MM-DD` (UTC).
    mutating func date(_ node: Node, _ field: String) -> UTCDate? {
        guard let text = string(node, field) else { return nil }
        guard let date = UTCDate(iso: text) else {
            error(node, "`\(field)` must be a date written YYYY-MM-DD, not `\(text)`")
            return nil
        }
        return date
    }

    /// A whole number of at least 1 (GPUs, tokens per second).
    mutating func positiveInteger(_ node: Node, _ field: String) -> Int64? {
        guard let text = string(node, field) else { return nil }
        guard let value = Int64(text), value > 0 else {
            error(node, "`\(field)` must be a whole number of at least 1, not `\(text)`")
            return nil
        }
        return value
    }

    /// One of `values`, by its raw text.
    mutating func choice<Value: RawRepresentable & CaseIterable>(_ node: Node, _ field: String, of type: Value.Type) -> Value?
    where Value.RawValue == String {
        guard let text = string(node, field) else { return nil }
        guard let value = Value(rawValue: text) else {
            let allowed = Value.allCases.map(\.rawValue).joined(separator: ", ")
            error(node, "`\(field)` must be one of \(allowed), not `\(text)`")
            return nil
        }
        return value
    }

    mutating func bool(_ node: Node, _ field: String) -> Bool? {
        switch node.scalar?.string.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default:
            error(node, "`\(field)` must be true or false")
            return nil
        }
    }

    /// A list of names (`[a, b]` or a block list).
    mutating func strings(_ node: Node, _ field: String) -> [String] {
        sequence(node, context: "`\(field)`").compactMap { string($0, field) }
    }
}
