import DistillCore
import DistillSQLite

/// The SQL aggregate `distill_decimal_sum(text)`: the exact sum of decimal texts (`DecimalTextSum`),
/// NULL when every value is NULL, an error naming the value when one is not a non-negative decimal.
///
/// SQLite's own `sum()` would read text as a binary float. The running sum lives in a Swift
/// object whose pointer SQLite keeps in the aggregate context (zeroed memory on the first step);
/// SQLite calls the final step exactly once per group, even when a statement is abandoned, so
/// the object is always released there (sqlite.org/c3ref/aggregate_context.html).
enum DecimalSumFunction {
    static let name = "distill_decimal_sum"

    private final class Accumulator {
        var sum = DecimalTextSum()
        var invalid: String?
    }

    static let step: @convention(c) (OpaquePointer?, Int32, UnsafeMutablePointer<OpaquePointer?>?) -> Void = {
        context, _, arguments in
        guard let value = arguments?[0], sqlite3_value_type(value) != SQLITE_NULL,
            let slot = sqlite3_aggregate_context(context, Int32(MemoryLayout<UnsafeMutableRawPointer?>.size))?
                .assumingMemoryBound(to: UnsafeMutableRawPointer?.self)
        else { return }
        let accumulator: Accumulator
        if let existing = slot.pointee {
            accumulator = Unmanaged<Accumulator>.fromOpaque(existing).takeUnretainedValue()
        } else {
            accumulator = Accumulator()
            slot.pointee = Unmanaged.passRetained(accumulator).toOpaque()
        }
        guard accumulator.invalid == nil else { return }
        let text = sqlite3_value_text(value).map { String(cString: $0) } ?? ""
        if !accumulator.sum.add(text) { accumulator.invalid = text }
    }

    static let final: @convention(c) (OpaquePointer?) -> Void = { context in
        guard let slot = sqlite3_aggregate_context(context, 0)?.assumingMemoryBound(to: UnsafeMutableRawPointer?.self),
            let pointer = slot.pointee
        else {
            sqlite3_result_null(context)
            return
        }
        let accumulator = Unmanaged<Accumulator>.fromOpaque(pointer).takeRetainedValue()
        slot.pointee = nil
        if let invalid = accumulator.invalid {
            sqlite3_result_error(context, "\(name): \"\(invalid)\" is not a non-negative decimal amount", -1)
        } else {
            distill_sqlite3_result_text_transient(context, accumulator.sum.text)
        }
    }
}
