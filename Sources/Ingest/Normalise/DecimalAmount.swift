/// Money amounts as exact decimal text: checked and moved by their digits, never through `Double`
/// (Ingest does not price anything, so it keeps the text; CostModel parses it when a report needs it).
enum DecimalAmount {
    /// `text` if it is a plain non-negative decimal (`1200`, `1200.50`, `.5` is not): digits, an
    /// optional fraction; surrounding spaces trimmed. Grouping commas and exponents are refused, since
    /// a reader cannot tell `1,200` (thousands) from `1,2` (a decimal comma).
    static func validated(_ text: String) -> String? {
        let trimmed = text.trimmingSpaces()
        let parts = trimmed.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy(isDigit) }) else {
            return nil
        }
        return trimmed
    }

    /// A non-negative decimal (JSON number text without an exponent) divided by 10^`places`, exactly:
    /// `1500000000` shifted left 9 is `1.5`; trailing fractional zeros are dropped.
    static func shifted(_ text: String, left places: Int) -> String? {
        guard let valid = validated(text) else { return nil }
        let parts = valid.split(separator: ".")
        var whole = String(parts[0])
        let fraction = parts.count > 1 ? String(parts[1]) : ""
        if whole.count <= places { whole = String(repeating: "0", count: places - whole.count + 1) + whole }
        let split = whole.index(whole.endIndex, offsetBy: -places)
        var integer = String(whole[..<split])
        var decimals = String(whole[split...]) + fraction
        while integer.count > 1, integer.first == "0" { integer.removeFirst() }
        while decimals.last == "0" { decimals.removeLast() }
        return decimals.isEmpty ? integer : integer + "." + decimals
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (48...57).contains(byte) }
}
