/// A workbook described as plain values: sheets of typed cells, live formulas with their computed
/// values, defined names and native charts. The XLSX renderer builds one; `XLSXWriter` is the only
/// code that turns it into a file, so tests can inspect what will be written.
struct Spreadsheet: Sendable {
    var sheets: [Sheet] = []

    init(sheets: [Sheet] = []) {
        self.sheets = sheets
    }
    /// Workbook-level names such as `DailyVolume` → `=Assumptions!$B$4`, so formulas finance reads
    /// say what they use.
    var definedNames: [(name: String, reference: String)] = []
    /// Title and creation time stored in the file's properties. A fixed time (the end of the
    /// report's period) makes the same report give the same bytes.
    var title = ""
    var createdAt: Int64 = 0

    struct Sheet: Sendable {
        var name: String
        var cells: [Cell] = []
        var columnWidths: [Double] = []
        /// Rows above this stay visible while scrolling (the header).
        var frozenRows = 0
        /// A header row and the last data row for an autofilter; nil for none.
        var autofilter: (firstRow: Int, lastRow: Int, lastColumn: Int)?
        var charts: [Chart] = []

        init(name: String) { self.name = name }

        mutating func set(_ row: Int, _ column: Int, _ value: Value, _ style: Style = .text) {
            cells.append(Cell(row: row, column: column, value: value, style: style))
        }

        /// Writes a header row, then one row per element; returns the row after the last.
        @discardableResult
        mutating func table(at row: Int, headers: [String], rows: [[(Value, Style)]]) -> Int {
            for (column, header) in headers.enumerated() { set(row, column, .text(header), .header) }
            for (offset, values) in rows.enumerated() {
                for (column, cell) in values.enumerated() { set(row + 1 + offset, column, cell.0, cell.1) }
            }
            return row + 1 + rows.count
        }
    }

    struct Cell: Sendable {
        var row: Int
        var column: Int
        var value: Value
        var style: Style
    }

    enum Value: Sendable {
        /// Always written as a string cell: text from data that starts with `=`, `+`, `-` or `@`
        /// stays text, never a formula.
        case text(String)
        case number(Double)
        /// A live formula and the value it computes, stored so viewers that do not recalculate
        /// (previews, pandas, openpyxl) show the right number.
        case formula(String, value: Double)
        /// A live formula whose computed value is text, such as "never".
        case textFormula(String, value: String)
        case blank
    }

    enum Style: Sendable, Hashable {
        case text, header, title, note, integer, decimal, money, moneyPrecise, percent, date, input
    }

    struct Chart: Sendable {
        enum Kind: Sendable { case line, stackedColumn }
        var kind: Kind
        var title: String
        var xAxisTitle: String
        var yAxisTitle: String
        var series: [Series]
        var anchorRow: Int
        var anchorColumn: Int
        /// The x axis's number format; `yyyy-mm-dd` where the categories are date serials, so
        /// the axis shows days rather than 46328.
        var categoryNumberFormat: String? = nil

        struct Series: Sendable {
            var name: String
            /// Ranges such as `=Daily!$A$2:$A$57`.
            var categories: String
            var values: String
        }
    }
}

extension Spreadsheet {
    /// `A1`-style column letters: 0 → A, 25 → Z, 26 → AA.
    static func columnLetters(_ column: Int) -> String {
        var letters = ""
        var value = column + 1
        while value > 0 {
            let remainder = (value - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + remainder))) + letters
            value = (value - 1) / 26
        }
        return letters
    }

    /// An absolute reference such as `'Daily'!$B$2:$B$57` (rows and columns 0-based).
    static func range(_ sheet: String, column: Int, firstRow: Int, lastRow: Int) -> String {
        let letters = columnLetters(column)
        return "='\(sheet)'!$\(letters)$\(firstRow + 1):$\(letters)$\(lastRow + 1)"
    }

    static func cell(_ sheet: String, row: Int, column: Int) -> String {
        "'\(sheet)'!$\(columnLetters(column))$\(row + 1)"
    }
}
