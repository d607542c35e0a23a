import DistillCore
import Reports

/// A report value that the writer can render in every format. Each report supplies its JSON
/// form, its template context, its charts and its workbook; the writer owns files and formats.
protocol RenderableReport {
    /// File-name stem, e.g. `weekly-2026-W48`; made safe before use.
    var fileStem: String { get }
    /// Template names without extension: `weekly` → `weekly.html.mustache`, `weekly.md.mustache`.
    var templateName: String { get }
    func json() -> JSONValue
    func templateContext(format: TextFormat, chartLinks: [String: String]) -> [String: Any]
    func charts() -> [(name: String, chart: SVGChart)]
    func spreadsheet() -> Spreadsheet
}

enum TextFormat {
    case html, markdown

    /// How text from the data enters a template: HTML templates escape it themselves (Mustache's
    /// `{{ }}`); Markdown templates render raw text, so it is escaped here.
    var escapeData: (String) -> String {
        switch self {
        case .html: return { $0 }
        case .markdown: return DisplayFormat.markdownCell
        }
    }

    /// Model names in HTML break only after `-`, `:`, `/`, `.` or `_` (`<wbr>`), never inside a
    /// word; the result is escaped here, so templates insert it with `{{{ }}}`.
    var modelName: (String) -> String {
        switch self {
        case .html:
            return { name in
                var text = ""
                for character in name {
                    text += HTMLEscaping.escape(String(character))
                    if "-:/._".contains(character) { text += "<wbr>" }
                }
                return text
            }
        case .markdown: return DisplayFormat.markdownCell
        }
    }
}
