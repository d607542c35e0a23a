import DistillCore

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
                        row.set(field + "." + member.string, try scalarText(&scanner))
                    }
                } else {
                    row.set(field, try scalarText(&scanner))
                }
            }
            field = ""
            try scanner.expectEnd()
        } catch let error as JSONError {
            throw error.ingestError(field: field.isEmpty ? nil : field)
        }
        return row
    }

    /// Sets a JSON member's cell; a duplicate key replaces the earlier value (the last one counts,
    /// as in every other JSON reader here).
    private mutating func set(_ name: String, _ value: String?) {
        if let index = names.firstIndex(of: name) {
            values[index] = value
        } else {
            names.append(name)
            values.append(value)
        }
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
