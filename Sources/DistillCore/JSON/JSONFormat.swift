/// How `JSONValue.text(_:)` lays a value out. The layouts are fixed, so every output keeps the
/// bytes its readers (goldens, scripts, token counts) expect.
public struct JSONFormat: Sendable {
    /// Indentation per level; nil writes one line without spaces.
    let indentation: String?
    /// What stands between a member's name and its value.
    let nameSeparator: String
    /// Members sorted by name, each name once with its last value, instead of in order.
    let sortsMembers: Bool
    /// An empty array or object written over three lines (`[`, a blank line, `]`), not as `[]`.
    let opensEmptyContainers: Bool
    /// Backspace and form feed escaped as `\b` and `\f`, not as `\u0008` and `\u000c`.
    let usesShortEscapes: Bool

    /// The report JSON: two-space indentation, `"name": value`, members in the order built.
    public static let report = JSONFormat(
        indentation: "  ", nameSeparator: ": ", sortsMembers: false, opensEmptyContainers: false, usesShortEscapes: false)

    /// The `--json` output of `pricing quote` and `db info`: members sorted, `"name" : value`. It is
    /// the layout Foundation's `JSONEncoder` gave them (`.prettyPrinted`, `.sortedKeys`,
    /// `.withoutEscapingSlashes`), kept so that scripts and the README's examples see the same bytes.
    public static let command = JSONFormat(
        indentation: "  ", nameSeparator: " : ", sortsMembers: true, opensEmptyContainers: true, usesShortEscapes: true)

    /// One line without spaces, members sorted: values with equal content give equal text.
    public static let canonical = JSONFormat(
        indentation: nil, nameSeparator: ":", sortsMembers: true, opensEmptyContainers: false, usesShortEscapes: false)
}
