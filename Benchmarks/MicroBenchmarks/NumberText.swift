/// A figure as the results print it: at and above 1,000 a whole number with thousands grouped by
/// commas, below that `places` decimals. Formatted here, not by a locale-aware formatter, so the
/// results read the same on every machine.
func format(_ value: Double, places: Int = 1) -> String {
    guard value.isFinite else { return "\(value)" }
    let sign = value < 0 ? "-" : ""
    if abs(value) < 1_000 {
        var scale = 1
        for _ in 0..<places { scale *= 10 }
        let scaled = Int((abs(value) * Double(scale)).rounded())
        let fraction = String(scaled % scale)
        let padded = String(repeating: "0", count: places - fraction.count) + fraction
        return sign + String(scaled / scale) + (places > 0 ? "." + padded : "")
    }
    let digits = Array(String(Int(abs(value).rounded())))
    var grouped = ""
    for (index, digit) in digits.enumerated() {
        if index > 0, (digits.count - index) % 3 == 0 { grouped.append(",") }
        grouped.append(digit)
    }
    return sign + grouped
}
