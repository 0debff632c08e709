import Foundation
import ParzenPreview
import ParzenReport
import ParzenRunner
import ParzenTestSupport
import Testing

/// The session without the server: what is served after a template breaks and is fixed.
struct PreviewSessionTests {
    @Test func aBrokenTemplateKeepsTheOldOnesAndShowsTheErrorOnEveryPage() throws {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("parzen-session-" + UUID().uuidString)
        let templates = folder.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: Fixtures.repositoryFile("templates"), to: templates)
        let notebook = folder.appendingPathComponent("n.md")
        try "---\ntitle: Session\n---\n\nSome prose.\n".write(to: notebook, atomically: true, encoding: .utf8)
        let session = PreviewSession(notebooks: [notebook.path],
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
