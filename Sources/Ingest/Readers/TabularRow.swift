/// One row of a table-shaped source, a CSV record or a flat JSON object, as named text cells.
///
/// Request logs and score files arrive as either; both become this, so one mapping reads both.
/// Empty cells and JSON nulls are nil ("not known"). A nested JSON object's members appear as
/// `parent.member` (so a `metadata` object's keys become tags).
struct TabularRow {
    var names: [String]
    var values: [String?]

    /// The members of one JSON object line, scalar values as text.
    static func parse(json bytes: UnsafeRawBufferPointer) throws -> TabularRow {
        var scanner = JSONScanner(bytes)
        var row = TabularRow(names: [], values: [])
        var field = ""
        do {
            var object = try scanner.beginObject()
            while let key = try scanner.nextKey(&object) {
                field = key.string
                if scanner.peek() == UInt8(ascii: "{") {
                    var nested = try scanner.beginObject()
                    while let member = try scanner.nextKey(&nested) {
                        row.names.append(field + "." + member.string)
                        row.values.append(try scalarText(&scanner))
                    }
                } else {
                    row.names.append(field)
                    row.values.append(try scalarText(&scanner))
                }
            }
            field = ""
            try scanner.expectEnd()
        } catch let error as JSONScanError {
            throw error.ingestError(field: field.isEmpty ? nil : field)
        }
        return row
    }

    private static func scalarText(_ scanner: inout JSONScanner) throws -> String? {
        switch scanner.peek() {
        case UInt8(ascii: "\""): return try scanner.readString()
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return try scanner.readBool() ? "true" : "false"
        case UInt8(ascii: "n"):
            if scanner.readNull() { return nil }
            return try scanner.readNumberText()
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            return String(decoding: try scanner.readRawValue(), as: UTF8.self)
        default:
            return try scanner.readNumberText()
        }
    }
}
