import CostModel
import DistillCore
import Pricing

/// Text helpers shared by the pricing commands: rates and aligned tables,
/// all without a locale so output is the same on every machine.
enum PricingFormatting {
    /// `input / cached / cache-write / output`, `-` where no rate is published.
    static func rates(_ rates: TokenRates) -> String {
        [rates.input.description, rates.cachedInput?.description ?? "-", rates.cacheWrite?.description ?? "-", rates.output.description]
            .joined(separator: " / ")
    }

    /// Columns padded to their widest cell; the first column left-aligned, the rest as given.
    static func table(_ rows: [[String]], rightAligned: Set<Int> = []) -> String {
        guard let columns = rows.map(\.count).max() else { return "" }
        var widths = [Int](repeating: 0, count: columns)
        for row in rows { for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) } }
        return rows.map { row in
            row.enumerated().map { index, cell in
                let padding = String(repeating: " ", count: widths[index] - cell.count)
                return rightAligned.contains(index) ? padding + cell : (index == row.count - 1 ? cell : cell + padding)
            }.joined(separator: "  ")
        }.map { line in String(line.reversed().drop { $0 == " " }.reversed()) }.joined(separator: "\n") + "\n"
    }
}
