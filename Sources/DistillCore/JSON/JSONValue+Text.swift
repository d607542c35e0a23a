/// Writing a `JSONValue` as text: the one JSON writer of the package.
extension JSONValue {
    /// The value as JSON text laid out as `format` says, without a final newline.
    public func text(_ format: JSONFormat) -> String {
        var output = ""
        write(to: &output, format: format, depth: 0)
        return output
    }

    /// The report JSON: pretty-printed with two-space indentation, and a final newline.
    public func rendered() -> String { text(.report) + "\n" }

    private func write(to output: inout String, format: JSONFormat, depth: Int) {
        switch self {
        case .null: output += "null"
        case .bool(let value): output += value ? "true" : "false"
        case .number(let text): output += text
        case .string(let text): output += JSONText.quoted(text, shortEscapes: format.usesShortEscapes)
        case .array(let values):
            Self.writeContainer(values, open: "[", close: "]", to: &output, format: format, depth: depth) { value, output in
                value.write(to: &output, format: format, depth: depth + 1)
            }
        case .object(let object):
            let members = format.sortsMembers ? object.dictionary.sorted { $0.key < $1.key } : object.members
            Self.writeContainer(members, open: "{", close: "}", to: &output, format: format, depth: depth) { member, output in
                output += JSONText.quoted(member.key, shortEscapes: format.usesShortEscapes) + format.nameSeparator
                member.value.write(to: &output, format: format, depth: depth + 1)
            }
        }
    }

    private static func writeContainer<Element>(
        _ elements: [Element], open: String, close: String, to output: inout String, format: JSONFormat, depth: Int,
        element writeElement: (Element, inout String) -> Void
    ) {
        guard let indentation = format.indentation else {
            output += open
            for (index, element) in elements.enumerated() {
                if index > 0 { output += "," }
                writeElement(element, &output)
            }
            output += close
            return
        }
        let closing = String(repeating: indentation, count: depth)
        if elements.isEmpty {
            output += format.opensEmptyContainers ? open + "\n\n" + closing + close : open + close
            return
        }
        let padding = closing + indentation
        output += open + "\n"
        for (index, element) in elements.enumerated() {
            output += padding
            writeElement(element, &output)
            output += index == elements.count - 1 ? "\n" : ",\n"
        }
        output += closing + close
    }
}
