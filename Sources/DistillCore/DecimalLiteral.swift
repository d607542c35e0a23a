/// Decimal text taken apart: sign, the digits as written, where the point stands, and the exponent.
///
/// `DecimalTextSum` (amounts of any precision) and `ExactDecimal` (prices at nine fractional digits)
/// read the same number syntax and differ only in what they build from the digits, so one reader
/// decides what a decimal is for both.
public struct DecimalLiteral: Sendable {
    public var isNegative: Bool
    /// Every digit written, most significant first, leading and trailing zeros included.
    public var digits: [UInt8]
    /// How many of `digits` stand after the point.
    public var fractionDigits: Int
    /// The power of ten after `e` or `E`; 0 when there is none.
    public var exponent: Int

    /// Reads an optional sign, digits with an optional fraction (`1.`, `.5`) and an optional
    /// exponent (`1e-6`, `2.5E+3`); nil for anything else, and for an exponent whose magnitude
    /// exceeds `maximumExponent`.
    public init?(_ text: some StringProtocol, maximumExponent: Int) {
        var bytes = Array(text.utf8)[...]
        isNegative = false
        if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") {
            isNegative = sign == UInt8(ascii: "-")
            bytes = bytes.dropFirst()
        }
        digits = []
        var pointPosition: Int?
        exponent = 0
        scan: while let byte = bytes.first {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                digits.append(byte - 48)
            case UInt8(ascii: ".") where pointPosition == nil:
                pointPosition = digits.count
            case UInt8(ascii: "e"), UInt8(ascii: "E"):
                guard let parsed = Int(String(decoding: bytes.dropFirst(), as: UTF8.self)),
                    parsed.magnitude <= maximumExponent.magnitude
                else { return nil }
                exponent = parsed
                break scan
            default:
                return nil
            }
            bytes = bytes.dropFirst()
        }
        guard !digits.isEmpty else { return nil }
        fractionDigits = digits.count - (pointPosition ?? digits.count)
    }
}
