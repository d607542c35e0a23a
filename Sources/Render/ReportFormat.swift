/// The formats every report renders to; `md` also writes its charts as SVG files beside it.
package enum ReportFormat: String, CaseIterable, Sendable {
    case html, md, xlsx, json

    /// Parses `html,md,xlsx,json`; throws naming the unknown format.
    package static func parseList(_ text: String) throws -> [ReportFormat] {
        try text.split(separator: ",").map { name in
            let trimmed = name.trimmingCharacters(in: .whitespaces).lowercased()
            guard let format = ReportFormat(rawValue: trimmed == "markdown" ? "md" : trimmed) else {
                throw RenderError("unknown report format \"\(name)\": use html, md, xlsx or json, comma-separated.")
            }
            return format
        }
    }
}

import Foundation
