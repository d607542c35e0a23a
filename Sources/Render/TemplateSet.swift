import Foundation
import Mustache

/// The Mustache templates for HTML and Markdown: the shipped `templates/` folder, with any file of
/// the same name in `--templates DIR` taking its place (overrides are file by file).
///
/// What several templates share is written once, as partials: `{{> report.css}}` includes the file
/// `partials/report.css`, and `{{<page.html}}` makes `partials/page.html` the parent whose blocks
/// the template fills. A user's folder may override a partial like any template. swift-mustache
/// renders a partial it does not know as nothing, so the set loads every partial a template uses
/// before rendering and names the file it cannot find.
package struct TemplateSet: Sendable {
    package let directories: [String]

    /// `defaultDirectory` first; `overrideDirectory` wins where it has the file.
    package init(defaultDirectory: String, overrideDirectory: String? = nil) {
        directories = [overrideDirectory, defaultDirectory].compactMap { $0 }
    }

    /// Renders the template `name` (e.g. `weekly.html.mustache`) with the partials it uses, and
    /// the partials they use in turn.
    func render(_ name: String, context: Any) throws -> String {
        guard let root = try file(name) else {
            throw RenderError(
                "no template \(name) in \(directories.joined(separator: " or ")); run from the distill-roi folder or pass --templates DIR.")
        }
        var library = MustacheLibrary()
        var loaded: Set<String> = []
        var pending = root.partialNames.map { (partial: $0, usedBy: name) }
        while let (partial, usedBy) = pending.popLast() {
            guard loaded.insert(partial).inserted else { continue }
            let relativePath = "partials/\(partial)"
            guard let file = try file(relativePath) else {
                throw RenderError(
                    "\(usedBy) uses the partial \(partial), but there is no \(relativePath) in \(directories.joined(separator: " or ")); add the file or remove the tag.")
            }
            library.register(file.template, named: partial)
            pending += file.partialNames.map { (partial: $0, usedBy: relativePath) }
        }
        return root.template.render(context, library: library)
    }

    /// The file at `relativePath` in the first directory that has it, parsed; nil when none has it.
    private func file(_ relativePath: String) throws -> TemplateFile? {
        for directory in directories {
            let path = (directory as NSString).appendingPathComponent(relativePath)
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            return try TemplateFile(text: String(decoding: data, as: UTF8.self), path: path)
        }
        return nil
    }
}
