import DistillCore

/// The wait a server asks for in its response headers, in seconds.
///
/// Read in this order: `retry-after-ms` (OpenAI's millisecond form), `Retry-After` as delta-seconds
/// or an HTTP-date (RFC 9110 §10.2.3), then, for a 429 only, the longest of the
/// `x-ratelimit-reset-requests` / `x-ratelimit-reset-tokens` durations ("1s", "6m0s", "20ms").
package enum ServerRetryDelay {
    package static func seconds(in headers: HTTPHeaders, status: Int, now: Double) -> Double? {
        if let milliseconds = headers["retry-after-ms"].flatMap({ Double($0.trimmingSpaces()) }), milliseconds >= 0 {
            return milliseconds / 1000
        }
        if let value = headers["retry-after"] {
            let text = value.trimmingSpaces()
            if let seconds = Int(text), seconds >= 0 { return Double(seconds) }
            if let date = httpDate(text) { return max(0, Double(date) - now) }
        }
        guard status == 429 else { return nil }
        let resets = headers.fields
            .filter { $0.name.lowercased().hasPrefix("x-ratelimit-reset") }
            .compactMap { duration($0.value) }
        return resets.max()
    }

    /// A Go-style duration as the OpenAI API writes it: `20ms`, `1s`, `6m0s`, `1h2m3.5s`.
    package static func duration(_ text: String) -> Double? {
        // Two-letter units first, so "ms" is not read as minutes followed by "s".
        let units: [(String, Double)] = [
            ("ms", 0.001), ("us", 0.000_001), ("µs", 0.000_001), ("ns", 1e-9), ("h", 3600), ("m", 60), ("s", 1),
        ]
        var rest = Substring(text.trimmingSpaces())
        guard !rest.isEmpty else { return nil }
        var total = 0.0
        while !rest.isEmpty {
            let number = rest.prefix { $0.isNumber || $0 == "." }
            guard !number.isEmpty, let value = Double(number) else { return nil }
            rest = rest.dropFirst(number.count)
            guard let (unit, scale) = units.first(where: { rest.hasPrefix($0.0) }) else { return nil }
            rest = rest.dropFirst(unit.count)
            total += value * scale
        }
        return total
    }

    /// Unix seconds of an HTTP-date in any of the three forms RFC 9110 §5.6.7 says to accept:
    /// IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`), RFC 850 (`Sunday, 06-Nov-94 08:49:37 GMT`)
    /// and asctime (`Sun Nov  6 08:49:37 1994`). Always UTC.
    package static func httpDate(_ text: String) -> Int64? {
        let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        let tokens = text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "-" }).map(String.init)
        var day: Int?, month: Int?, year: Int?, clock: [Int]?
        for token in tokens.dropFirst() {
            if token.contains(":") {
                let parts = token.split(separator: ":").compactMap { Int($0) }
                guard parts.count == 3 else { return nil }
                clock = parts
            } else if let index = months.firstIndex(of: token.lowercased()) {
                month = index + 1
            } else if let number = Int(token) {
                if day == nil, token.count <= 2 {
                    day = number
                } else {
                    year = token.count == 2 ? (number < 70 ? 2000 + number : 1900 + number) : number
                }
            } else if token.uppercased() != "GMT" && token.uppercased() != "UTC" {
                return nil
            }
        }
        guard let day, let month, let year, let clock, let date = UTCDate(year: year, month: month, day: day),
            clock[0] < 24, clock[1] < 60, clock[2] < 61
        else { return nil }
        return date.unixSeconds + Int64(clock[0] * 3600 + clock[1] * 60 + clock[2])
    }
}
