import Foundation
import Mustache

/// The Mustache templates for HTML and Markdown: the shipped `templates/` folder, with any file of
/// the same name in `--templates DIR` taking its place (overrides are file by file).
package struct TemplateSet: Sendable {
    package let directories: [String]

    /// `defaultDirectory` first; `overrideDirectory` wins where it has the file.
    package init(defaultDirectory: String, overrideDirectory: String? = nil) {
        directories = [overrideDirectory, defaultDirectory].compactMap { $0 }
    }

    func template(named name: String) throws -> MustacheTemplate {
        for directory in directories {
            let path = (directory as NSString).appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            do {
                return try MustacheTemplate(string: String(decoding: data, as: UTF8.self))
            } catch {
                throw RenderError("the template \(path) does not parse: \(error).")
            }
        }
        throw RenderError(
            "no template \(name) in \(directories.joined(separator: " or ")); run from the distill-roi folder or pass --templates DIR.")
    }
}
