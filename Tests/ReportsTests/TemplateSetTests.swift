import Testing
import TestSupport

@testable import Render

/// How templates find their partials: in `partials/` of the user's folder first, then of the
/// shipped one; a missing or broken file is an error that names it, never an empty block.
@Suite struct TemplateSetTests {
    private let context: [String: Any] = ["title": "W48"]

    /// A shipped folder laid out like `templates/`: the page names a layout as its parent and fills
    /// its block; the layout includes a stylesheet.
    private func shippedFolder() throws -> TemporaryDirectory {
        let folder = try TemporaryDirectory("templates")
        try folder.write("page.html.mustache", "{{<layout.html}}\n{{$main}}\n<h1>{{title}}</h1>\n{{/main}}\n{{/layout.html}}\n")
        try folder.write("partials/layout.html", "<style>\n{{> page.css}}\n</style>\n{{$main}}\n{{/main}}\n")
        try folder.write("partials/page.css", "body { margin: 0; }\n")
        return folder
    }

    @Test func resolvesPartialsAndThePartialsTheyInclude() throws {
        let shipped = try shippedFolder()
        let html = try TemplateSet(defaultDirectory: shipped.url.path).render("page.html.mustache", context: context)
        #expect(html == "<style>\nbody { margin: 0; }\n</style>\n<h1>W48</h1>\n")
    }

    @Test func aUserFolderOverridesOnePartialAndKeepsTheOthers() throws {
        let shipped = try shippedFolder()
        let user = try TemporaryDirectory("user-templates")
        try user.write("partials/page.css", "body { margin: 8px; }\n")
        let html = try TemplateSet(defaultDirectory: shipped.url.path, overrideDirectory: user.url.path)
            .render("page.html.mustache", context: context)
        #expect(html == "<style>\nbody { margin: 8px; }\n</style>\n<h1>W48</h1>\n")
    }

    @Test(arguments: [
        (template: "{{> absent.css}}\n", usedBy: "page.html.mustache"),
        (template: "{{<absent.css}}{{/absent.css}}\n", usedBy: "page.html.mustache"),
        (template: "{{<layout.html}}{{/layout.html}}\n", usedBy: "partials/layout.html"),
    ])
    func aMissingPartialNamesItsFileAndWhoUsesIt(template: String, usedBy: String) throws {
        let shipped = try TemporaryDirectory("templates")
        try shipped.write("page.html.mustache", template)
        try shipped.write("partials/layout.html", "<title>{{title}}</title>\n{{> absent.css}}\n")
        let error = try #require(throws: RenderError.self) {
            try TemplateSet(defaultDirectory: shipped.url.path).render("page.html.mustache", context: context)
        }
        #expect(error.description.hasPrefix("\(usedBy) uses the partial absent.css, but there is no partials/absent.css in "))
    }

    @Test(arguments: ["page.html.mustache", "partials/layout.html", "partials/page.css"])
    func aFileThatDoesNotParseNamesItself(brokenFile: String) throws {
        let shipped = try shippedFolder()
        let user = try TemporaryDirectory("user-templates")
        let path = try user.write(brokenFile, "<h1>{{title}}</h1>\n{{#rows}}<p>{{/row}}\n")
        let error = try #require(throws: RenderError.self) {
            try TemplateSet(defaultDirectory: shipped.url.path, overrideDirectory: user.url.path)
                .render("page.html.mustache", context: context)
        }
        #expect(error.description.hasPrefix("the template \(path) does not parse at line 2, "))
    }
}
