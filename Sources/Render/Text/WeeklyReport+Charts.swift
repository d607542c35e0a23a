import CostModel
import DistillCore
import Reports

extension WeeklyReport {
    /// The report's four charts, drawn from figures already in the report (converted to doubles
    /// for plotting only).
    func charts() -> [(name: String, chart: SVGChart)] {
        let days = range.days
        let labels = days.map { String($0.description.dropFirst(5)) }
        let models = Array(Set(daily.map(\.model))).sorted()
        func series(_ value: (DailyFigures) -> Double?) -> [SVGChart.Series] {
            models.map { model in
                SVGChart.Series(name: model, values: days.map { day in
                    daily.first { $0.day == day && $0.model == model }.flatMap(value) ?? 0
                })
            }
        }
        let moneyFormat: @Sendable (Double) -> String = { "$" + DecimalFormatting.fixed($0, places: $0 < 10 ? 2 : 0) }
        let countFormat: @Sendable (Double) -> String = { DecimalFormatting.grouped(Int64($0.rounded())) }
        var charts: [(String, SVGChart)] = [
            ("cost-by-day", SVGChart(
                title: "Cost by day and model", kind: .stackedColumns, categories: labels,
                series: series { $0.cost?.approximateDouble }, yAxisLabel: "USD", valueFormat: moneyFormat)),
            ("requests-by-day", SVGChart(
                title: "Requests by day and model", kind: .stackedColumns, categories: labels,
                series: series { Double($0.requests) }, yAxisLabel: "requests", valueFormat: countFormat)),
        ]
        if !cumulative.isEmpty {
            let oneTime = headline.oneTimeCost.total.approximateDouble
            charts.append(("cumulative-savings", SVGChart(
                title: "Cumulative savings since go-live against the one-time cost", kind: .lines,
                categories: cumulative.map { String($0.day.description.dropFirst(5)) },
                series: [
                    SVGChart.Series(name: "cumulative savings", values: cumulative.map(\.cumulativeSavings.approximateDouble)),
                    SVGChart.Series(name: "one-time cost", values: cumulative.map { _ in oneTime }, dashed: true),
                ], yAxisLabel: "USD", valueFormat: moneyFormat)))
        }
        let latencySeries = models.flatMap { model -> [SVGChart.Series] in
            let rows = days.map { day in daily.first { $0.day == day && $0.model == model }?.latency }
            guard rows.contains(where: { $0 != nil }) else { return [] }
            return [
                SVGChart.Series(name: "\(model) p50", values: rows.map { $0?.p50 ?? .nan }),
                SVGChart.Series(name: "\(model) p95", values: rows.map { $0?.p95 ?? .nan }, dashed: true),
            ]
        }
        if !latencySeries.isEmpty {
            charts.append(("latency", SVGChart(
                title: "Latency percentiles by day", kind: .lines, categories: labels, series: latencySeries,
                yAxisLabel: "ms", valueFormat: countFormat)))
        }
        return charts
    }
}
