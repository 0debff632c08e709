import Foundation
import ParzenFormat
import ParzenPreview
import ParzenReport
import ParzenRunner
import ParzenTestSupport
import Testing

/// The reload script and the overlay belong to the preview only.
struct PublishedPageTests {
    /// What `parzen render` writes for the bundled notebooks (the same `Site.pages()`).
    @Test func renderedPagesContainNoScript() throws {
        let builder = ReportBuilder(registry: StandardDirectives.registry, allowOutside: false)
        let folder = Fixtures.repositoryFile("notebooks")
        let notebooks = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".md") }.sorted().map { folder.appendingPathComponent($0).path }
        #expect(notebooks.count >= 3)
        let pages = Site(builds: notebooks.map { builder.build(path: $0, checkOnly: false) },
                         templates: try Templates.bundled()).pages()
        for page in pages {
            #expect(page.html.range(of: "<script", options: .caseInsensitive) == nil, "\(page.fileName)")
            #expect(!page.html.contains(LiveReloadScript.eventsPath), "\(page.fileName)")
            #expect(!page.html.contains(ErrorOverlay.elementID), "\(page.fileName)")
        }
    }

    @Test func thePreviewAddsTheScriptBeforeTheLastBodyEnd() {
        let page = PreviewPage(fileName: "a.html", renderedHTML: "<html><body><p>x</p></body></html>", overlay: nil)
        #expect(page.html.hasPrefix("<html><body><p>x</p><script>"))
        #expect(page.html.hasSuffix("</script>\n</body></html>"))
        #expect(page.html.contains("const page = \"a.html\""))
    }

    /// A file name is a JSON string inside the script: quotes and `</script>` cannot escape it.
    @Test func aHostilePageNameStaysInsideTheScriptString() {
        let script = LiveReloadScript.element(forPage: "x\"</script><b>.html")
        #expect(script.contains("const page = \"x\\u0022\\u003c/script\\u003e\\u003cb\\u003e.html\""))
        #expect(script.components(separatedBy: "</script>").count == 2)
    }

    @Test func theOverlayListsEveryDiagnosticEscaped() {
        let diagnostics = [
            Diagnostic(.error, file: "n.md", at: SourceLocation(line: 3, column: 7), "bad <b>option</b> & more",
                       fix: "write <i>this</i>"),
            Diagnostic(.warning, file: "n.md", at: SourceLocation(line: 9, column: 1), "a warning"),
        ]
        let html = ErrorOverlay(diagnostics: diagnostics, showsLastGoodPage: true).html
        #expect(html.contains("n.md:3:7: error: bad &lt;b&gt;option&lt;/b&gt; &amp; more"))
        #expect(html.contains("write &lt;i&gt;this&lt;/i&gt;"))
        #expect(html.contains("n.md:9:1: warning: a warning"))
        #expect(html.contains("1 error(s)"))
        #expect(!html.contains("<b>option"))
    }
}
