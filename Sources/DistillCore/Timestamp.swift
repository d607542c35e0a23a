/// Parsing and printing instants as Unix seconds in UTC, the one representation the store uses.
public enum Timestamp {
    /// `2026-11-23T14:05:09Z`.
    public static func iso8601(_ unixSeconds: Int64) -> String {
        let date = UTCDate(unixSeconds: unixSeconds)
        let seconds = Int(unixSeconds - date.unixSeconds)
        return "\(date)T\(UTCDate.pad(seconds / 3600, 2)):\(UTCDate.pad(seconds / 60 % 60, 2)):"
            + "\(UTCDate.pad(seconds % 60, 2))Z"
    }

    /// Parses RFC 3339 / ISO 8601 date-times as logs write them: `2026-11-23T14:05:09Z`,
    /// `2026-11-23 14:05:09.123+01:00`, `2026-11-23T14:05:09` (taken as UTC), or a bare date
    /// (midnight UTC). Fractions of a second are truncated. Returns nil for anything else.
    public static func parse(_ text: some StringProtocol) -> Int64? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 10, let date = UTCDate(iso: String(decoding: bytes[0..<10], as: UTF8.self)) else {
            return nil
        }
        var seconds = date.unixSeconds
        if bytes.count == 10 { return seconds }
        guard bytes.count >= 19, bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " ") || bytes[10] == UInt8(ascii: "t"),
            bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
            let hour = number(bytes[11..<13]), let minute = number(bytes[14..<16]), let second = number(bytes[17..<19]),
            hour < 24, minute < 60, second < 61
        else { return nil }
        seconds += Int64(hour * 3600 + minute * 60 + second)
        var index = 19
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: ",") {
            index += 1
            let start = index
            while index < bytes.count, (48...57).contains(bytes[index]) { index += 1 }
            if index == start { return nil }
        }
        if index == bytes.count { return seconds }
        switch bytes[index] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            return index + 1 == bytes.count ? seconds : nil
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            let sign: Int64 = bytes[index] == UInt8(ascii: "+") ? 1 : -1
            let rest = bytes[(index + 1)...]
            let digits = rest.filter { $0 != UInt8(ascii: ":") }
            guard digits.count == 4, rest.count == 4 || rest.count == 5,
                let offsetHours = number(digits[digits.startIndex..<digits.startIndex + 2]),
                let offsetMinutes = number(digits[(digits.startIndex + 2)...]), offsetHours < 24, offsetMinutes < 60
            else { return nil }
            return seconds - sign * Int64(offsetHours * 3600 + offsetMinutes * 60)
        default:
            return nil
        }
    }

    private static func number(_ digits: some Collection<UInt8>) -> Int? {
        var value = 0
        for digit in digits {
            guard (48...57).contains(digit) else { return nil }
            value = value * 10 + Int(digit - 48)
        }
        return digits.isEmpty ? nil : value
    }
}
