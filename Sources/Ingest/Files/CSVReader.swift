import DistillCore

/// Reads RFC 4180 CSV records from an input buffer: quoted fields with commas, doubled quotes and
/// line breaks inside them; CRLF or LF line ends; empty fields; blank lines skipped.
///
/// Streaming: a record is parsed from the buffered bytes, and when it runs past them the buffer is
/// refilled and the record parsed again, so memory holds one window, never the file.
struct CSVReader {
    let input: InputBuffer
    /// The line the next record starts on (1-based), for diagnostics.
    private(set) var nextLine = 1

    init(input: InputBuffer) {
        self.input = input
    }

    /// The next record's fields and the line it starts on; nil at the end of the file.
    mutating func nextRecord() throws -> (fields: [String], line: Int)? {
        while true {
            if input.buffered.isEmpty, try !input.fill() { return nil }
            switch try parse(input.buffered, final: false) {
            case .needMore:
                if try !input.fill() {
                    guard case .record(let fields, let length, let lines) = try parse(input.buffered, final: true)
                    else {
                        return nil
                    }
                    return emit(fields, length: length, lines: lines)
                }
            case .record(let fields, let length, let lines):
                if fields.count == 1, fields[0].isEmpty {
                    input.consume(length)
                    nextLine += lines
                    continue
                }
                return emit(fields, length: length, lines: lines)
            }
        }
    }

    private mutating func emit(_ fields: [String], length: Int, lines: Int) -> (fields: [String], line: Int) {
        input.consume(length)
        let line = nextLine
        nextLine += lines
        return (fields, line)
    }

    private enum Outcome {
        /// The fields, the bytes the record used (with its line end) and the line breaks it spans.
        case record([String], Int, Int)
        case needMore
    }

    private static let quote = UInt8(ascii: "\"")
    private static let comma = UInt8(ascii: ",")
    private static let newline = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")

    /// Parses one record from the start of `bytes`; `.needMore` when it may continue past them
    /// (unless `final`, when the end of the bytes ends the record).
    private func parse(_ bytes: UnsafeRawBufferPointer, final: Bool) throws -> Outcome {
        var fields: [String] = []
        var position = 0
        var lines = 0
        let count = bytes.count
        while true {
            if position < count, bytes[position] == Self.quote {
                var value: [UInt8] = []
                position += 1
                while true {
                    guard position < count else {
                        if final {
                            throw IngestError.invalidValue(
                                Diagnostic(
                                    line: nextLine, field: "column \(fields.count + 1)",
                                    message: "a quoted field is not closed before the end of the file"))
                        }
                        return .needMore
                    }
                    let byte = bytes[position]
                    if byte == Self.quote {
                        if position + 1 < count, bytes[position + 1] == Self.quote {
                            value.append(Self.quote)
                            position += 2
                            continue
                        }
                        if position + 1 == count, !final { return .needMore }
                        position += 1
                        break
                    }
                    if byte == Self.newline { lines += 1 }
                    value.append(byte)
                    position += 1
                }
                fields.append(String(decoding: value, as: UTF8.self))
                guard position < count else {
                    if !final { return .needMore }
                    return .record(fields, position, lines + 1)
                }
                switch bytes[position] {
                case Self.comma:
                    position += 1
                    continue
                case Self.newline:
                    return .record(fields, position + 1, lines + 1)
                case Self.carriageReturn:
                    if position + 1 < count, bytes[position + 1] == Self.newline {
                        return .record(fields, position + 2, lines + 1)
                    }
                    if position + 1 == count, !final { return .needMore }
                    return .record(fields, position + 1, lines + 1)
                default:
                    throw IngestError.invalidValue(
                        Diagnostic(
                            line: nextLine + lines, field: "column \(fields.count)",
                            message: "a closing quote must be followed by a comma or the end of the line"))
                }
            }
            let fieldStart = position
            while position < count {
                let byte = bytes[position]
                if byte == Self.comma || byte == Self.newline || byte == Self.carriageReturn { break }
                position += 1
            }
            guard position < count else {
                if !final { return .needMore }
                fields.append(
                    String(decoding: UnsafeRawBufferPointer(rebasing: bytes[fieldStart..<position]), as: UTF8.self))
                return .record(fields, position, lines + 1)
            }
            fields.append(
                String(decoding: UnsafeRawBufferPointer(rebasing: bytes[fieldStart..<position]), as: UTF8.self))
            switch bytes[position] {
            case Self.comma:
                position += 1
                if position == count, !final { return .needMore }
            case Self.newline:
                return .record(fields, position + 1, lines + 1)
            default:
                if position + 1 < count, bytes[position + 1] == Self.newline {
                    return .record(fields, position + 2, lines + 1)
                }
                if position + 1 == count, !final { return .needMore }
                return .record(fields, position + 1, lines + 1)
            }
        }
    }
}
