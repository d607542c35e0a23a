import Reports

extension ReportedCostLine {
    /// The line as the weekly and finance templates show it (`cell` escapes for the format).
    func templateRow(cell: (String) -> String, currency: String) -> [String: String] {
        [
            "model": cell(model), "requests": DisplayFormat.count(requests),
            "reportedRequests": DisplayFormat.count(reportedRequests),
            "computed": computed.map { DisplayFormat.money($0, currency: currency) } ?? "unpriced",
            "reported": DisplayFormat.money(reported, currency: currency),
            "difference": difference.map { DisplayFormat.money($0, currency: currency) } ?? "–",
        ]
    }
}
