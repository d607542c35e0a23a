import Render
import Reports

/// Where and how a report command writes: the formats, the output folder and template overrides.
/// Shared by `report weekly`, `report finance`, `estimate` and `demo`.
package struct ReportOutput: Sendable {
    package var formats: [ReportFormat]
    package var directory: String
    package var templatesDirectory: String?

    package init(formats: [ReportFormat] = ReportFormat.allCases, directory: String = "reports", templatesDirectory: String? = nil) {
        self.formats = formats
        self.directory = directory
        self.templatesDirectory = templatesDirectory
    }

    /// The shipped templates, overridden file by file by `templatesDirectory`.
    func writer() throws -> ReportWriter {
        guard let templates = PackageResource.directory(named: "templates") ?? templatesDirectory else {
            throw ApplicationError(PackageResource.missingMessage("templates", option: "--templates"))
        }
        return ReportWriter(
            outputDirectory: directory,
            templates: TemplateSet(defaultDirectory: templates, overrideDirectory: templatesDirectory))
    }
}
