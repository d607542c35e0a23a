import Render
import Pricing
import Reports

/// Where and how a report command writes: the formats, the output folder, template overrides and
/// extra price catalogs. Shared by `report weekly`, `report finance` and `estimate`.
package struct ReportOutput: Sendable {
    package var formats = "html,md,xlsx,json"
    package var directory = "reports"
    package var templatesDirectory: String?
    package var pricingDirectories: [String] = []

    package init() {}

    func catalog() throws -> PriceCatalog {
        try PricingLocation.catalog(extra: pricingDirectories)
    }

    func parsedFormats() throws -> [ReportFormat] {
        try ReportFormat.parseList(formats)
    }

    /// The shipped templates, overridden file by file by `templatesDirectory`.
    func writer() throws -> ReportWriter {
        guard let templates = PackageResource.directory(named: "templates") ?? templatesDirectory else {
            throw ApplicationError("no templates/ folder found: run from the distill-roi folder or pass --templates DIR.")
        }
        return ReportWriter(
            outputDirectory: directory,
            templates: TemplateSet(defaultDirectory: templates, overrideDirectory: templatesDirectory))
    }
}
