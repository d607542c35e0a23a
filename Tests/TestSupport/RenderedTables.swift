import Foundation

/// The tables of a rendered report, read back as cells, so a test checks a figure in its row and
/// column instead of anywhere on the page.
package struct RenderedTable: Sendable, Equatable {
    package var header: [String]
    package var rows: [[String]]

    /// The cell in the row whose first cell is `row` and the column headed `column`.
    package func cell(row: String, column: String) -> String? {
        guard let index = header.firstIndex(of: column) else { return nil }
        return rows.first { $0.first == row }.flatMap { index < $0.count ? $0[index] : nil }
    }

    /// Every Markdown pipe table in `text`; cells are trimmed and unwrapped from backticks.
    package static func markdown(_ text: String) -> [RenderedTable] {
        var tables: [RenderedTable] = []
        var lines: [[String]] = []
        func flush() {
            // Line 2 is the alignment row (`|---|---:|`).
            if lines.count >= 2 { tables.append(RenderedTable(header: lines[0], rows: Array(lines.dropFirst(2)))) }
            lines = []
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasPrefix("|") else {
                flush()
                continue
            }
            lines.append(line.dropFirst().dropLast().split(separator: "|", omittingEmptySubsequences: false).map(clean))
        }
        flush()
        return tables
    }

    /// Every HTML `<table>` in `html`, its first row as the header; tags inside cells are removed.
    package static func html(_ html: String) -> [RenderedTable] {
        html.components(separatedBy: "<table").dropFirst().compactMap { part in
            let body = part.components(separatedBy: "</table>")[0]
            let rows = body.components(separatedBy: "<tr>").dropFirst().map { row in
                row.components(separatedBy: "</tr>")[0]
                    .split(separator: /<t[hd][^>]*>/, omittingEmptySubsequences: false).dropFirst()
                    .map { clean(Substring(stripTags(String($0)))) }
            }
            guard let header = rows.first else { return nil }
            return RenderedTable(header: header, rows: Array(rows.dropFirst()))
        }
    }

    /// The headline cards of an HTML report: label → value.
    package static func htmlCards(_ html: String) -> [String: String] {
        var cards: [String: String] = [:]
        for card in html.components(separatedBy: #"<div class="card">"#).dropFirst() {
            let parts = card.components(separatedBy: "</div>")
            guard parts.count >= 2 else { continue }
            cards[clean(Substring(stripTags(parts[0])))] = clean(Substring(stripTags(parts[1])))
        }
        return cards
    }

    /// The first table in `tables` whose header holds `column` and a row labelled `row`.
    package static func cell(in tables: [RenderedTable], row: String, column: String) -> String? {
        tables.lazy.compactMap { $0.cell(row: row, column: column) }.first
    }

    private static func stripTags(_ text: String) -> String {
        text.replacingOccurrences(of: #"<[^>]*>"#, with: "", options: .regularExpression)
    }

    private static func clean(_ cell: Substring) -> String {
        cell.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "`"))
    }
}
