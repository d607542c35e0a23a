import DistillCore

/// How times in files become Unix seconds, and which times are plausible.
///
/// Numbers are Unix time; their magnitude says the unit, since no plausible time in seconds
/// reaches 10^11 (the year 5138): below 10^11 seconds, below 10^14 milliseconds, below 10^17
/// microseconds, otherwise nanoseconds. Text is ISO 8601 / RFC 3339 (`2026-10-05T12:00:00Z`,
/// `2026-10-05 12:00:00.123+02:00`; no offset means UTC). A time before 2000-01-01 or from
/// 2100-01-01 on is rejected as absurd: it is a unit or parsing mistake, and it would put cost in
/// a week nobody reports on.
enum TimeRule {
    /// 2000-01-01T00:00:00Z.
    static let earliest: Int64 = 946_684_800
    /// 2100-01-01T00:00:00Z.
    static let latest: Int64 = 4_102_444_800

    static func check(seconds: Int64, field: String) throws {
        guard seconds >= earliest, seconds < latest else {
            throw IngestError.field(
                field, "\(seconds) is not a plausible time (Unix seconds from 2000-01-01 to 2100-01-01 are accepted)")
        }
    }

    /// Milliseconds since the epoch from a cell holding ISO text or a Unix number.
    static func milliseconds(_ text: String, field: String) throws -> Int64 {
        let trimmed = text.trimmingSpaces()
        let milliseconds: Int64
        if let number = Double(trimmed) {
            guard number.isFinite, number >= 0 else {
                throw IngestError.field(field, "\(trimmed) is not a plausible time")
            }
            switch number {
            case ..<1e11: milliseconds = Int64(number * 1000)
            case ..<1e14: milliseconds = Int64(number)
            case ..<1e17: milliseconds = Int64(number / 1000)
            case ..<1e20: milliseconds = Int64(number / 1_000_000)
            default: throw IngestError.field(field, "\(trimmed) is not a plausible time")
            }
        } else if let seconds = Timestamp.parse(trimmed) {
            milliseconds = seconds * 1000 + fraction(Array(trimmed.utf8), from: 20, places: 3)
        } else {
            throw IngestError.field(
                field, "\"\(trimmed)\" is not a time (expected ISO 8601 such as 2026-10-05T12:00:00Z, or Unix seconds)")
        }
        try check(seconds: milliseconds.floorDividedBy1000, field: field)
        return milliseconds
    }

    /// Nanoseconds since the epoch, keeping every fractional digit an ISO time has (LiteLLM writes
    /// microseconds: `09:20:46.847371`), so a latency taken as a difference of two times is exact
    /// (4.583 ms, not 4 ms). Unix numbers are converted as `milliseconds` reads them.
    static func nanoseconds(_ text: String, field: String) throws -> Int64 {
        let whole = try milliseconds(text, field: field)
        let trimmed = text.trimmingSpaces()
        if let number = Double(trimmed) {
            let nanoseconds: Double
            switch number {
            case ..<1e11: nanoseconds = number * 1e9
            case ..<1e14: nanoseconds = number * 1e6
            case ..<1e17: nanoseconds = number * 1e3
            default: nanoseconds = number
            }
            return Int64(nanoseconds)
        }
        // The fraction's first three digits are in `whole` already; the next six are below a millisecond.
        return whole * 1_000_000 + fraction(Array(trimmed.utf8), from: 23, places: 6)
    }

    /// `places` digits of an ISO time's fraction from byte `start` on, as an integer, with missing
    /// digits read as zeros (`.5` from 20 in 3 places is 500); 0 for a time without a fraction.
    /// `Timestamp.parse` drops the fraction.
    private static func fraction(_ bytes: [UInt8], from start: Int, places: Int) -> Int64 {
        guard bytes.count > start, bytes[19] == UInt8(ascii: ".") || bytes[19] == UInt8(ascii: ",") else { return 0 }
        var value: Int64 = 0
        var digits = 0
        var index = start
        while index < bytes.count, digits < places, (48...57).contains(bytes[index]) {
            value = value * 10 + Int64(bytes[index] - 48)
            digits += 1
            index += 1
        }
        while digits < places {
            value *= 10
            digits += 1
        }
        return value
    }
}

extension Int64 {
    var floorDividedBy1000: Int64 { self >= 0 ? self / 1000 : (self - 999) / 1000 }
}

extension String {
    func trimmingSpaces() -> String {
        guard let first = utf8.firstIndex(where: { $0 != 0x20 && $0 != 0x09 }) else { return "" }
        guard let last = utf8.lastIndex(where: { $0 != 0x20 && $0 != 0x09 }) else { return "" }
        if first == utf8.startIndex && last == utf8.index(before: utf8.endIndex) { return self }
        return String(self[first...last])
    }
}
