/// The multi-row form of the request insert: the same VALUES row repeated with its parameters
/// renumbered, so one statement inserts `rowCount` requests.
enum RequestBatchInsert {
    /// Rows per statement: past a few dozen the per-statement saving is spent.
    static let rowCount = 32
    static let parameterCount = 19

    /// `INSERT ... VALUES` + the `row` template (parameters ?1...?19) repeated `rows` times with
    /// its parameters renumbered + the ON CONFLICT clause.
    static func sql(insert: String, row: String, onConflict: String, rows: Int) -> String {
        let values = (0..<rows).map { renumbered(row, by: $0 * parameterCount) }
        return insert + "\n" + values.joined(separator: ",\n") + "\n" + onConflict
    }

    /// `?N` becomes `?(N + shift)`.
    private static func renumbered(_ row: String, by shift: Int) -> String {
        var result = ""
        var digits = ""
        var inParameter = false
        for character in row {
            if inParameter, character.isASCII, character.isNumber {
                digits.append(character)
                continue
            }
            if inParameter {
                result += String(Int(digits)! + shift)
                digits = ""
                inParameter = false
            }
            if character == "?" {
                inParameter = true
            }
            result.append(character)
        }
        if inParameter { result += String(Int(digits)! + shift) }
        return result
    }
}
