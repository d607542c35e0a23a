import DistillCore
import Foundation
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

    /// A heading whose period label (`2026-W48`, `2026-11`) never breaks across lines in HTML;
    /// the result is escaped here, so templates insert it with `{{{ }}}`.
    func heading(_ title: String, keepingTogether label: String) -> String {
        switch self {
        case .html:
            let escaped = HTMLEscaping.escape(title), kept = HTMLEscaping.escape(label)
            guard let range = escaped.range(of: kept, options: .backwards) else { return escaped }
            return escaped.replacingCharacters(in: range, with: "<span class=\"nowrap\">\(kept)</span>")
        case .markdown: return DisplayFormat.markdownCell(title)
        }
    }

    /// Text that mentions dates or ISO weeks (`reached 2026-11-24`, `7 days (2026-12-07)`): in
    /// HTML each date is kept on one line (a browser would break it after a hyphen); the result is
    /// escaped here, so templates insert it with `{{{ }}}`.
    var keepingDatesTogether: (String) -> String {
        switch self {
        case .html:
            return { text in
                HTMLEscaping.escape(text).replacing(/\d{4}-(\d{2}-\d{2}|W\d{2})/) { match in
                    "<span class=\"nowrap\">\(match.output.0)</span>"
                }
            }
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
