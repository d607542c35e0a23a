/// Standard base64 (RFC 4648 §4, with padding) decoding of a rank file's token column.
///
/// Foundation's decoder would need a `Data` per line; 200,000 lines are read at every start, so
/// this decodes straight from the file's bytes.
enum Base64 {
    private static let values: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (value, character) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() {
            table[Int(character)] = UInt8(value)
        }
        return table
    }()

    /// Appends the decoded bytes to `output`; false (and `output` unchanged) when the text is not
    /// padded standard base64.
    static func decode(_ text: UnsafeBufferPointer<UInt8>, appendingTo output: inout [UInt8]) -> Bool {
        guard !text.isEmpty, text.count % 4 == 0 else { return false }
        let originalCount = output.count
        var padding = 0
        if text[text.count - 1] == UInt8(ascii: "=") { padding += 1 }
        if text[text.count - 2] == UInt8(ascii: "=") { padding += 1 }
        var index = 0
        while index < text.count {
            let isLast = index + 4 == text.count
            var quad: UInt32 = 0
            for offset in 0..<4 {
                let character = text[index + offset]
                let value: UInt8
                if isLast, character == UInt8(ascii: "="), offset >= 4 - padding {
                    value = 0
                } else {
                    value = values[Int(character)]
                    if value == 0xFF {
                        output.removeSubrange(originalCount...)
                        return false
                    }
                }
                quad = quad << 6 | UInt32(value)
            }
            output.append(UInt8(truncatingIfNeeded: quad >> 16))
            if !(isLast && padding == 2) { output.append(UInt8(truncatingIfNeeded: quad >> 8)) }
            if !(isLast && padding >= 1) { output.append(UInt8(truncatingIfNeeded: quad)) }
            index += 4
        }
        return true
    }
}
