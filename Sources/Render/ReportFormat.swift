/// The formats every report renders to; `md` also writes its charts as SVG files beside it.
package enum ReportFormat: String, CaseIterable, Sendable {
    case html, md, xlsx, json

    /// A format by name, any case; `markdown` is `md`.
    package init?(name: String) {
        let lowered = name.lowercased()
        self.init(rawValue: lowered == "markdown" ? "md" : lowered)
    }
}
