import DistillSQLite

/// The current row of a stepping statement; valid only inside the `forEachRow` body.
package struct Row {
    let statement: Statement

    package var columnCount: Int32 { sqlite3_column_count(statement.handle) }

    package func isNull(_ index: Int32) -> Bool {
        sqlite3_column_type(statement.handle, index) == SQLITE_NULL
    }

    package func int64(_ index: Int32) -> Int64 { sqlite3_column_int64(statement.handle, index) }

    package func int(_ index: Int32) -> Int { Int(int64(index)) }

    package func optionalInt64(_ index: Int32) -> Int64? { isNull(index) ? nil : int64(index) }

    package func double(_ index: Int32) -> Double { sqlite3_column_double(statement.handle, index) }

    package func optionalDouble(_ index: Int32) -> Double? { isNull(index) ? nil : double(index) }

    package func string(_ index: Int32) -> String {
        guard let text = sqlite3_column_text(statement.handle, index) else { return "" }
        let count = Int(sqlite3_column_bytes(statement.handle, index))
        return String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self)
    }

    package func optionalString(_ index: Int32) -> String? { isNull(index) ? nil : string(index) }

    package func value(_ index: Int32) -> SQLValue {
        switch sqlite3_column_type(statement.handle, index) {
        case SQLITE_INTEGER: return .integer(int64(index))
        case SQLITE_FLOAT: return .real(double(index))
        case SQLITE_NULL: return .null
        default: return .text(string(index))
        }
    }
}
