import Mustache

/// One template or partial file, parsed, with the partials it names: swift-mustache keeps its
/// tokens to itself, so the names are read from the text.
struct TemplateFile {
    let template: MustacheTemplate
    /// The names in its `{{> name}}` partial tags and `{{< name}}` parent tags, in order. Tags
    /// written after a delimiter change (`{{=<% %>=}}`) are not seen.
    let partialNames: [String]

    init(text: String, path: String) throws {
        do {
            template = try MustacheTemplate(string: text)
        } catch let error as MustacheTemplate.ParserError {
            throw RenderError(
                "the template \(path) does not parse at line \(error.context.lineNumber), column \(error.context.columnNumber): \(error.error).")
        }
        partialNames = text.matches(of: /\{\{[<>]\s*([^\s}]+)\s*\}\}/).map { String($0.output.1) }
    }
}
