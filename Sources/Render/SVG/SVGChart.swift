/// A chart drawn as inline SVG: axes with ticks, labels, a legend, and either stacked columns or
/// lines. No script, no external resources; colours come from CSS classes so the page's light and
/// dark schemes restyle it, and a fallback `<style>` keeps a standalone .svg file readable.
struct SVGChart: Sendable {
    enum Kind: Sendable { case stackedColumns, lines }

    struct Series: Sendable {
        var name: String
        /// One value per category; `.nan` where there is no data: a line breaks there (a gap,
        /// not a drop to zero) and a column is left out.
        var values: [Double]
        /// Drawn dashed: a threshold such as the one-time cost.
        var dashed = false
    }

    var title: String
    var kind: Kind
    var categories: [String]
    var series: [Series]
    var yAxisLabel: String
    var valueFormat: @Sendable (Double) -> String

    static let width = 720.0
    static let height = 300.0
    private static let left = 72.0, right = 16.0, top = 36.0, bottom = 64.0
    private static let palette = 6

    /// The SVG element; `standalone` adds the XML namespace and a style block for files.
    func render(standalone: Bool = false) -> String {
        let plotWidth = Self.width - Self.left - Self.right
        let plotHeight = Self.height - Self.top - Self.bottom
        let (low, high) = valueRange()
        let ticks = Self.niceTicks(low: low, high: high)
        let yMin = ticks.first ?? 0, yMax = ticks.last ?? 1
        func y(_ value: Double) -> Double { Self.top + plotHeight * (1 - (value - yMin) / max(yMax - yMin, 1e-12)) }
        let slot = plotWidth / Double(max(categories.count, 1))
        func x(_ index: Int) -> Double { Self.left + slot * (Double(index) + 0.5) }

        let legend = legendLayout()
        let totalHeight = Self.height + Double((legend.map(\.row).max() ?? 0)) * Self.legendRowHeight
        var svg = "<svg class=\"chart\" viewBox=\"0 0 \(Self.number(Self.width)) \(Self.number(totalHeight))\" role=\"img\" aria-label=\"\(HTMLEscaping.escape(title))\""
        svg += standalone ? " xmlns=\"http://www.w3.org/2000/svg\">\n<style>\(Self.standaloneStyle)</style>\n" : ">\n"
        svg += "<title>\(HTMLEscaping.escape(title))</title>\n"
        svg += "<text class=\"chart-title\" x=\"\(Self.number(Self.left))\" y=\"20\">\(HTMLEscaping.escape(title))</text>\n"
        for tick in ticks {
            let position = Self.number(y(tick))
            svg += "<line class=\"grid\" x1=\"\(Self.number(Self.left))\" x2=\"\(Self.number(Self.width - Self.right))\" y1=\"\(position)\" y2=\"\(position)\"/>"
            svg += "<text class=\"tick\" x=\"\(Self.number(Self.left - 6))\" y=\"\(position)\" text-anchor=\"end\" dominant-baseline=\"middle\">\(HTMLEscaping.escape(valueFormat(tick)))</text>\n"
        }
        svg += "<text class=\"axis-label\" transform=\"translate(14 \(Self.number(Self.top + plotHeight / 2))) rotate(-90)\" text-anchor=\"middle\">\(HTMLEscaping.escape(yAxisLabel))</text>\n"
        let labelEvery = max(1, Int((Double(categories.count) / 8).rounded(.up)))
        for (index, category) in categories.enumerated() where index % labelEvery == 0 {
            svg += "<text class=\"tick\" x=\"\(Self.number(x(index)))\" y=\"\(Self.number(Self.top + plotHeight + 16))\" text-anchor=\"middle\">\(HTMLEscaping.escape(category))</text>\n"
        }
        svg += "<line class=\"axis\" x1=\"\(Self.number(Self.left))\" x2=\"\(Self.number(Self.width - Self.right))\" y1=\"\(Self.number(y(max(yMin, 0))))\" y2=\"\(Self.number(y(max(yMin, 0))))\"/>\n"
        switch kind {
        case .stackedColumns:
            var base = Array(repeating: 0.0, count: categories.count)
            for (seriesIndex, series) in series.enumerated() {
                for (index, value) in series.values.enumerated() where index < categories.count && value > 0 {
                    let top = y(base[index] + value), bottom = y(base[index])
                    svg += "<rect class=\"s\(seriesIndex % Self.palette)\" x=\"\(Self.number(x(index) - slot * 0.35))\" y=\"\(Self.number(top))\" width=\"\(Self.number(slot * 0.7))\" height=\"\(Self.number(max(bottom - top, 0)))\"><title>\(HTMLEscaping.escape("\(series.name), \(categories[index]): \(valueFormat(value))"))</title></rect>"
                    base[index] += value
                }
                svg += "\n"
            }
        case .lines:
            for (seriesIndex, series) in series.enumerated() {
                let dash = series.dashed ? " stroke-dasharray=\"6 4\"" : ""
                for run in Self.runsWithData(series.values.prefix(categories.count)) {
                    if run.count == 1, let only = run.first {
                        svg += "<circle class=\"s\(seriesIndex % Self.palette)\" cx=\"\(Self.number(x(only.offset)))\" cy=\"\(Self.number(y(only.element)))\" r=\"2.5\"/>\n"
                        continue
                    }
                    let points = run.map { "\(Self.number(x($0.offset))),\(Self.number(y($0.element)))" }.joined(separator: " ")
                    svg += "<polyline class=\"line s\(seriesIndex % Self.palette)\" fill=\"none\"\(dash) points=\"\(points)\"/>\n"
                }
            }
        }
        for (index, item) in legend.enumerated() {
            let seriesIndex = index % Self.palette
            let legendY = Self.height + Double(item.row) * Self.legendRowHeight - 14
            svg += "<rect class=\"s\(seriesIndex)\" x=\"\(Self.number(item.x))\" y=\"\(Self.number(legendY - 9))\" width=\"10\" height=\"10\"/>"
            svg += "<text class=\"legend\" x=\"\(Self.number(item.x + 14))\" y=\"\(Self.number(legendY))\">\(HTMLEscaping.escape(series[index].name))</text>\n"
        }
        return svg + "</svg>"
    }

    private static let legendRowHeight = 18.0

    /// The stretches of consecutive values that are numbers, with their category indexes.
    static func runsWithData(_ values: some Collection<Double>) -> [[(offset: Int, element: Double)]] {
        var runs: [[(offset: Int, element: Double)]] = []
        var current: [(offset: Int, element: Double)] = []
        for point in values.enumerated() {
            if point.element.isFinite {
                current.append(point)
            } else if !current.isEmpty {
                runs.append(current)
                current = []
            }
        }
        if !current.isEmpty { runs.append(current) }
        return runs
    }

    /// Legend entries left to right, wrapping onto new rows below the chart when a row is full.
    private func legendLayout() -> [(x: Double, row: Int)] {
        var x = Self.left
        var row = 0
        return series.map { series in
            let width = 24 + Double(series.name.count) * 6.5
            if x + width > Self.width - Self.right, x > Self.left {
                x = Self.left
                row += 1
            }
            defer { x += width }
            return (x, row)
        }
    }

    private func valueRange() -> (Double, Double) {
        let values: [Double]
        switch kind {
        case .stackedColumns:
            values = categories.indices.map { index in series.reduce(0) { $0 + max(0, ($1.values[safe: index]).flatMap { $0.isFinite ? $0 : nil } ?? 0) } }
        case .lines:
            values = series.flatMap(\.values).filter(\.isFinite)
        }
        return (min(0, values.min() ?? 0), max(values.max() ?? 1, 0))
    }

    /// Five or so round tick values covering `low...high` (steps of 1, 2 or 5 × 10ⁿ).
    static func niceTicks(low: Double, high: Double) -> [Double] {
        let span = max(high - low, 1e-9)
        let rough = span / 5
        let magnitude = pow10(floor(log10(rough)))
        let step = [1.0, 2.0, 5.0, 10.0].map { $0 * magnitude }.first { $0 >= rough } ?? rough
        let first = floor(low / step) * step
        var ticks: [Double] = []
        var value = first
        while (ticks.last.map { $0 < high - step * 1e-9 } ?? true) && ticks.count < 12 {
            ticks.append(value)
            value += step
        }
        if ticks.count < 2 { ticks.append(first + step) }
        return ticks
    }

    /// Coordinates with at most two decimals, without locale.
    static func number(_ value: Double) -> String {
        let hundredths = (value * 100).rounded()
        let whole = Int(hundredths) / 100
        let fraction = abs(Int(hundredths) % 100)
        if fraction == 0 { return "\(whole)" }
        let sign = hundredths < 0 && whole == 0 ? "-" : ""
        return sign + "\(whole)." + (fraction < 10 ? "0\(fraction)" : "\(fraction)").replacingSuffixZero()
    }

    static let standaloneStyle = """
        text{font:12px system-ui,sans-serif;fill:#222}.chart-title{font-weight:600;font-size:14px}\
        .grid{stroke:#ddd}.axis{stroke:#888}.line{stroke-width:2}\
        .s0{fill:#4e79a7;stroke:#4e79a7}.s1{fill:#f28e2b;stroke:#f28e2b}.s2{fill:#59a14f;stroke:#59a14f}\
        .s3{fill:#e15759;stroke:#e15759}.s4{fill:#76b7b2;stroke:#76b7b2}.s5{fill:#b07aa1;stroke:#b07aa1}\
        polyline{fill:none}@media(prefers-color-scheme:dark){text{fill:#ddd}.grid{stroke:#444}}
        """
}

extension String {
    fileprivate func replacingSuffixZero() -> String {
        hasSuffix("0") ? String(dropLast()) : self
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

private func pow10(_ exponent: Double) -> Double { pow(10, exponent) }
