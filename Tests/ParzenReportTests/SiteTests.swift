import Foundation
import ParzenReport
import ParzenRunner
import Testing

@Suite struct SiteTests {
    func site(_ notebooks: [(String, String)]) throws -> Site {
        let builder = ReportBuilder(registry: testRegistry, allowOutside: false)
        let builds = try notebooks.map { name, text in builder.build(path: try temporaryNotebook(text, name: name), checkOnly: false) }
        return Site(builds: builds, templates: try Templates(folder: Repository.templates))
    }

    @Test func seriesGetPreviousAndNextLinksAndAnIndexInOrder() throws {
        let site = try site([
            ("second.md", "---\ntitle: Second part\nseries: {name: S, order: 2}\n---\ntext\n"),
            ("first.md", "---\ntitle: First part\ndescription: The start.\nseries: {name: S, order: 1}\n---\ntext\n"),
        ])
        let pages = Dictionary(uniqueKeysWithValues: site.pages().map { ($0.fileName, $0.html) })
        #expect(Set(pages.keys) == ["first.html", "second.html", "index.html"])
        #expect(pages["first.html"]!.contains("<a class=\"next\" rel=\"next\" href=\"second.html\">Second part →</a>"))
        #expect(!pages["first.html"]!.contains("rel=\"prev\""))
        #expect(pages["second.html"]!.contains("<a class=\"previous\" rel=\"prev\" href=\"first.html\">← First part</a>"))
        let index = pages["index.html"]!
        #expect(index.range(of: "First part")!.lowerBound < index.range(of: "Second part")!.lowerBound)
        #expect(index.contains("The start."))
    }

    @Test func explicitNextLinkToAnotherNotebookTakesItsTitle() throws {
        let site = try site([
            ("a.md", "---\ntitle: A\nnext: b.md\n---\n"),
            ("b.md", "---\ntitle: Bee\n---\n"),
        ])
        let a = site.pages().first { $0.fileName == "a.html" }!.html
        #expect(a.contains("href=\"b.html\">Bee →</a>"))
    }

    @Test func pageIsSelfContained() throws {
        let html = try site([("a.md", "---\ntitle: A\n---\n# x\n\n$x^2$\n")]).pages()[0].html
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("<link "))
        // Nothing is fetched: no src/href/url() pointing at the network (namespace names such
        // as http://www.w3.org/2000/svg and licence URLs in comments are not requests).
        for request in ["src=\"http", "href=\"http", "url(http", "url(\"http", "@import"] {
            #expect(!html.contains(request))
        }
        #expect(html.contains("<style>"))
    }

    @Test func frontMatterTextIsEscaped() throws {
        let html = try site([("a.md", "---\ntitle: \"<script>alert(1)</script>\"\nauthors: [\"A & B\"]\n---\n")]).pages()[0].html
        #expect(!html.contains("<script>alert"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("A &amp; B"))
    }

    @Test func resultsJSONHasStableKeys() throws {
        let site = try site([("a.md", "```{echo} e\nvalue: 0.5\n```\n")])
        let json = site.resultsJSON().serialized()
        #expect(json == """
        {
          "notebooks": [
            {
              "source": "\(site.builds[0].path)",
              "report": "a.html",
              "title": "a",
              "results": {
                "e": {
                  "directive": "echo",
                  "kind": "echo",
                  "values": {
                    "value": 0.5,
                    "name": "<b>&</b>"
                  }
                }
              },
              "diagnostics": []
            }
          ]
        }
        """)
    }
}

@Suite struct AtomicFileTests {
    @Test func writesAndLeavesNoTemporaryFiles() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("parzen-atomic-\(UUID().uuidString)").path
        let path = folder + "/out/report.html"
        try AtomicFile.write("first", to: path)
        try AtomicFile.write("second", to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "second")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/out") == ["report.html"])
    }

    @Test func failedWriteKeepsTheOldFileAndLeavesNoDebris() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("parzen-atomic-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder + "/report.html", withIntermediateDirectories: true)
        try "keep".write(toFile: folder + "/report.html/inner", atomically: false, encoding: .utf8)
        #expect(throws: (any Error).self) { try AtomicFile.write("new", to: folder + "/report.html") }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["report.html"])
        #expect(try String(contentsOfFile: folder + "/report.html/inner", encoding: .utf8) == "keep")
    }
}

@Suite struct TableOfContentsTests {
    @Test func deeperHeadingsNestUnderThePrecedingTopLevelOne() throws {
        let result = try build("# A\n\n### A.1\n\n### A.2\n\n# B\n")
        let html = Site(builds: [result], templates: try Templates(folder: Repository.templates)).pages()[0].html
        #expect(html.contains("<li><a href=\"#a\">A</a><ol class=\"toc-sub\"><li><a href=\"#a1\">A.1</a></li><li><a href=\"#a2\">A.2</a></li></ol></li>\n<li><a href=\"#b\">B</a></li>"))
    }
}

@Suite struct StyleSheetTests {
    @Test func mathStylesOnlyGoWhereThereIsMath() throws {
        let templates = try Templates(folder: Repository.templates)
        let withMath = Site(builds: [try build("# A\n\n$x^2$\n")], templates: templates).pages()
        let withoutMath = Site(builds: [try build("# A\n\nplain\n")], templates: templates).pages()
        #expect(withMath[0].html.contains("/* math-font.css */"))
        #expect(!withoutMath[0].html.contains("/* math-font.css */"))
        #expect(withoutMath[0].html.contains("/* parzen.css */"))
        #expect(!withMath[1].html.contains("/* math"))  // the index
    }
}
