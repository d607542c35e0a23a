import DistillXlsxWriter

/// The one owner of libxlsxwriter: writes a `Spreadsheet` to an .xlsx file.
///
/// libxlsxwriter builds the whole workbook in memory and writes it in `workbook_close`, which is
/// where most errors surface; every `lxw_error` becomes a `RenderError` with `lxw_strerror`'s text.
/// What the library prints to stderr itself is captured, never shown raw: its first line joins the
/// error's text when the write fails.
enum XLSXWriter {
    static func write(_ spreadsheet: Spreadsheet, to path: String) throws {
        let (result, printed) = StandardErrorCapture.capturing { try writeUncaptured(spreadsheet, to: path) }
        guard case .failure(let error) = result else { return }
        let detail = printed.split(separator: "\n").first.map { $0.hasPrefix("[ERROR] ") ? $0.dropFirst(8) : $0 }
        guard let detail, let renderError = error as? RenderError else { throw error }
        throw RenderError(renderError.description + " (libxlsxwriter: \(detail))")
    }

    private static func writeUncaptured(_ spreadsheet: Spreadsheet, to path: String) throws {
        guard let workbook = workbook_new(path) else {
            throw RenderError("cannot create the workbook \(path) (libxlsxwriter could not open it for writing).")
        }
        var closed = false
        defer { if !closed { workbook_close(workbook) } }
        let formats = Formats(workbook: workbook)
        try spreadsheet.title.withCString { title in
            try "distill-roi".withCString { creator in
                var properties = lxw_doc_properties()
                properties.title = UnsafeMutablePointer(mutating: title)
                properties.author = UnsafeMutablePointer(mutating: creator)
                properties.created = time_t(spreadsheet.createdAt)
                try check(workbook_set_properties(workbook, &properties), "set the document properties")
            }
        }
        for (name, reference) in spreadsheet.definedNames {
            try check(workbook_define_name(workbook, name, reference), "define the name \(name)")
        }
        for sheet in spreadsheet.sheets {
            guard let worksheet = workbook_add_worksheet(workbook, sheet.name) else {
                throw RenderError("cannot add the sheet \(sheet.name) to \(path).")
            }
            for (column, width) in sheet.columnWidths.enumerated() {
                try check(
                    worksheet_set_column(worksheet, lxw_col_t(column), lxw_col_t(column), width, nil), "size columns")
            }
            for cell in sheet.cells {
                let row = lxw_row_t(cell.row)
                let column = lxw_col_t(cell.column)
                let format = formats[cell.style]
                switch cell.value {
                case .text(let text):
                    try check(worksheet_write_string(worksheet, row, column, text, format), "write text")
                case .number(let number):
                    try check(worksheet_write_number(worksheet, row, column, number, format), "write a number")
                case .formula(let formula, let value):
                    try check(
                        worksheet_write_formula_num(worksheet, row, column, formula, format, value),
                        "write the formula \(formula)")
                case .textFormula(let formula, let value):
                    try check(
                        worksheet_write_formula_str(worksheet, row, column, formula, format, value),
                        "write the formula \(formula)")
                case .blank:
                    try check(worksheet_write_blank(worksheet, row, column, format), "write a blank cell")
                }
            }
            if sheet.frozenRows > 0 { worksheet_freeze_panes(worksheet, lxw_row_t(sheet.frozenRows), 0) }
            if let filter = sheet.autofilter, filter.lastRow > filter.firstRow {
                try check(
                    worksheet_autofilter(
                        worksheet, lxw_row_t(filter.firstRow), 0, lxw_row_t(filter.lastRow), lxw_col_t(filter.lastColumn)),
                    "add an autofilter")
            }
            for chart in sheet.charts { try insert(chart, into: worksheet, workbook: workbook) }
        }
        closed = true
        try check(workbook_close(workbook), "save \(path)")
    }

    private static func insert(_ chart: Spreadsheet.Chart, into worksheet: UnsafeMutablePointer<lxw_worksheet>, workbook: UnsafeMutablePointer<lxw_workbook>) throws {
        let type = chart.kind == .line ? LXW_CHART_LINE : LXW_CHART_COLUMN_STACKED
        guard let native = workbook_add_chart(workbook, UInt8(type.rawValue)) else {
            throw RenderError("cannot add the chart \(chart.title).")
        }
        chart_title_set_name(native, chart.title)
        chart_axis_set_name(native.pointee.x_axis, chart.xAxisTitle)
        chart_axis_set_name(native.pointee.y_axis, chart.yAxisTitle)
        if let format = chart.categoryNumberFormat { chart_axis_set_num_format(native.pointee.x_axis, format) }
        chart_legend_set_position(native, UInt8(LXW_CHART_LEGEND_BOTTOM.rawValue))
        for series in chart.series {
            guard let added = chart_add_series(native, series.categories, series.values) else {
                throw RenderError("cannot add the series \(series.name) to the chart \(chart.title).")
            }
            chart_series_set_name(added, series.name)
        }
        try check(
            worksheet_insert_chart(worksheet, lxw_row_t(chart.anchorRow), lxw_col_t(chart.anchorColumn), native),
            "insert the chart \(chart.title)")
    }

    private static func check(_ error: lxw_error, _ action: String) throws {
        guard error == LXW_NO_ERROR else {
            throw RenderError("libxlsxwriter could not \(action): \(String(cString: lxw_strerror(error))).")
        }
    }

    /// One libxlsxwriter format per style, created once per workbook (formats belong to it).
    private struct Formats {
        private var formats: [Spreadsheet.Style: UnsafeMutablePointer<lxw_format>] = [:]

        init(workbook: UnsafeMutablePointer<lxw_workbook>) {
            let styles: [(Spreadsheet.Style, (UnsafeMutablePointer<lxw_format>) -> Void)] = [
                (.text, { _ in }),
                (.header, { format_set_bold($0); format_set_bg_color($0, 0xDDE4EE); format_set_text_wrap($0) }),
                (.title, { format_set_bold($0); format_set_font_size($0, 14) }),
                (.note, { format_set_italic($0); format_set_font_color($0, 0x555555) }),
                (.integer, { format_set_num_format($0, "#,##0") }),
                (.decimal, { format_set_num_format($0, "#,##0.00") }),
                (.money, { format_set_num_format($0, "$#,##0.00;-$#,##0.00") }),
                (.moneyPrecise, { format_set_num_format($0, "$#,##0.000000;-$#,##0.000000") }),
                (.percent, { format_set_num_format($0, "0.0%") }),
                (.date, { format_set_num_format($0, "yyyy-mm-dd") }),
                (.input, { format_set_num_format($0, "#,##0.########"); format_set_bg_color($0, 0xFFF2CC) }),
            ]
            for (style, configure) in styles {
                if let format = workbook_add_format(workbook) {
                    configure(format)
                    formats[style] = format
                }
            }
        }

        subscript(style: Spreadsheet.Style) -> UnsafeMutablePointer<lxw_format>? { formats[style] }
    }
}
