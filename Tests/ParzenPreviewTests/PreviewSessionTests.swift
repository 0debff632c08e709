import Foundation
import ParzenPreview
import ParzenReport
import ParzenRunner
import ParzenTestSupport
import Testing

/// The session without the server: what is served after a template breaks and is fixed.
struct PreviewSessionTests {
    /// In a project the preview serves what `parzen render` writes: each page at its path in
    /// the output folder (so a link between folders leads to the page), with the project's
    /// defaults and its title on the index.
    @Test func aProjectIsPreviewedAsItIsRendered() throws {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("parzen-session-" + UUID().uuidString)
        defer { try? FileManager.default.removeItem(at: folder) }
        for part in ["part-1", "part-2"] {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent(part),
                                                    withIntermediateDirectories: true)
        }
        try "title: Two parts\ndefaults:\n  lang: de\n"
            .write(to: folder.appendingPathComponent("parzen.yml"), atomically: true, encoding: .utf8)
        try "---\ntitle: A\n---\n\nOn to [the second](../part-2/b.md).\n"
            .write(to: folder.appendingPathComponent("part-1/a.md"), atomically: true, encoding: .utf8)
        try "---\ntitle: B\n---\n\nThe end.\n"
            .write(to: folder.appendingPathComponent("part-2/b.md"), atomically: true, encoding: .utf8)
        let notebooks = ["part-1/a.md", "part-2/b.md"].map { folder.appendingPathComponent($0).path }
        let plan = try RenderPlan(notebooks: notebooks, output: nil)
        let session = PreviewSession(plan: plan, builder: ReportBuilder(registry: StandardDirectives.registry,
                                                                        allowOutside: false, defaults: plan.defaults),
                                     templates: try Templates.bundled(), templatesFolder: nil)
        let outcome = session.renderAll()
        #expect(outcome.diagnostics.isEmpty)
        #expect(outcome.pageNames == ["part-1/a.html", "part-2/b.html"])
        let first = try #require(session.page(named: "part-1/a.html")).html
        #expect(first.contains("href=\"../part-2/b.html\""))
        #expect(first.contains("<html lang=\"de\""))
        #expect(session.page(named: "part-2/b.html") != nil)
        #expect(session.page(named: "index.html")?.html.contains("Two parts") == true)
    }

    @Test func aBrokenTemplateKeepsTheOldOnesAndShowsTheErrorOnEveryPage() throws {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("parzen-session-" + UUID().uuidString)
        let templates = folder.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: Fixtures.repositoryFile("templates"), to: templates)
        let notebook = folder.appendingPathComponent("n.md")
        try "---\ntitle: Session\n---\n\nSome prose.\n".write(to: notebook, atomically: true, encoding: .utf8)
        let session = PreviewSession(plan: try RenderPlan(notebooks: [notebook.path], output: nil),
                                     builder: ReportBuilder(registry: StandardDirectives.registry, allowOutside: false),
                                     templates: try Templates(folder: templates.path), templatesFolder: templates.path)
        _ = session.renderAll()
        #expect(session.page(named: "n.html")?.html.contains(ErrorOverlay.elementID) == false)

        let page = templates.appendingPathComponent("page.mustache")
        let good = try String(contentsOf: page, encoding: .utf8)
        try (good + "{{#unclosed}}").write(to: page, atomically: true, encoding: .utf8)
        let broken = session.rerender([], templatesChanged: true)
        #expect(broken.diagnostics.contains { $0.file == templates.path && $0.severity == .error })
        for name in ["n.html", "index.html"] {
            let html = try #require(session.page(named: name)).html
            #expect(html.contains(ErrorOverlay.elementID), "\(name)")
            #expect(html.contains("page.mustache"), "\(name)")
        }
        #expect(session.page(named: "n.html")?.html.contains("Some prose.") == true, "the old templates stay in use")

        try good.write(to: page, atomically: true, encoding: .utf8)
        _ = session.rerender([], templatesChanged: true)
        #expect(session.page(named: "n.html")?.html.contains(ErrorOverlay.elementID) == false)
    }
}
