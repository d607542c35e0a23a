/// Response header fields in arrival order, looked up case-insensitively as RFC 9110 §5.1 requires.
package struct HTTPHeaders: Sendable, Equatable {
    package private(set) var fields: [Field] = []

    package struct Field: Sendable, Equatable {
        package let name: String
        package let value: String
    }

    package init() {}

    package init(_ fields: [(String, String)]) {
        for (name, value) in fields { append(name: name, value: value) }
    }

    package mutating func append(name: String, value: String) {
        fields.append(Field(name: name, value: value))
    }

    /// The first value of a header, or nil.
    package subscript(name: String) -> String? {
        let lowered = name.lowercased()
        return fields.first { $0.name.lowercased() == lowered }?.value
    }

    /// Parses one raw header line as libcurl's CURLOPT_HEADERFUNCTION delivers it (`Name: value\r\n`);
    /// returns nil for the status line, the blank line ending the block, or a malformed line.
    static func parseLine(_ line: String) -> Field? {
        guard let colon = line.firstIndex(of: ":"), colon != line.startIndex else { return nil }
        let name = line[..<colon].trimmingSpaces()
        guard !name.isEmpty, !name.contains(" ") else { return nil }
        return Field(name: name, value: line[line.index(after: colon)...].trimmingSpaces())
    }
}
