import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ParzenFormat
import ParzenReport
import ParzenTestSupport
import Testing

/// Markdown images embedded and links between sibling notebooks, through a real project
/// (`Tests/Fixtures/links`: `intro.md` and `series/part-1.md`, images written by
/// `images/make-images.py`), rendered as `parzen render` does and parsed by libxml2.
@Suite struct InlineImagesAndLinksReportTests {
    static let folder = Fixtures.repositoryRoot.path + "/Tests/Fixtures/links"

    /// The project built by its plan, by output path.
    static func buildProject(safe: Bool = false) throws -> [String: NotebookBuild] {
        let plan = try RenderPlan(notebooks: [], output: nil, safe: safe, currentDirectory: folder)
        #expect(plan.entries.map(\.outputPath) == ["intro.html", "series/part-1.html"])
        // The plan names notebooks relative to its folder; the test process runs elsewhere.
        var absolute = plan
        absolute.entries = plan.entries.map {
            RenderPlan.Entry(path: folder + "/" + $0.path, outputPath: $0.outputPath)
        }
        let builds = ReportBuilder(registry: testRegistry, allowOutside: false, safe: safe).build(absolute)
        return Dictionary(uniqueKeysWithValues: builds.map { ($0.build.outputPath, $0.build) })
    }

    static func document(_ build: NotebookBuild?) throws -> XMLDocument {
        let html = try #require(build?.bodyHTML)
        return try XMLDocument(xmlString: "<html><body>" + html + "</body></html>", options: [.documentTidyHTML])
    }

    static func attributes(_ xpath: String, _ name: String, in document: XMLDocument) throws -> [String] {
        try document.nodes(forXPath: xpath).compactMap { ($0 as? XMLElement)?.attribute(forName: name)?.stringValue }
    }

    static func messages(_ build: NotebookBuild?) -> [String] {
        (build?.diagnostics ?? []).map {
            "\($0.severity) \($0.location.line):\($0.location.column): \($0.message) | \($0.fix ?? "")"
        }
    }

    @Test func localImagesAreEmbeddedByteForByteAndRemoteOnesStayLinks() throws {
        let builds = try Self.buildProject()
        let document = try Self.document(builds["intro.html"])
        let sources = try Self.attributes("//p/img", "src", in: document)
        #expect(sources.count == 4)
        for (source, (file, type)) in zip(sources, [("dot.png", "image/png"), ("square.gif", "image/gif"),
                                                    ("circle.svg", "image/svg+xml")]) {
            let prefix = "data:\(type);base64,"
            #expect(source.hasPrefix(prefix))
            let bytes = try Data(contentsOf: URL(fileURLWithPath: Self.folder + "/images/" + file))
            #expect(Data(base64Encoded: String(source.dropFirst(prefix.count))) == bytes)
        }
        #expect(sources.last == "https://example.org/r.png")
        #expect(try Self.attributes("//p/img", "alt", in: document)
            == ["a red dot", "a grey square", "a circle", "remote"])
        #expect(try Self.attributes("//p/img", "title", in: document) == ["The dot"])
        // The SVG's script and handler stay inside the data: URI, which an <img> never runs.
        let html = builds["intro.html"]?.bodyHTML ?? ""
        #expect(!html.contains("<script") && !html.contains("onload"))
        #expect(Self.messages(builds["intro.html"]).contains(
            "warning 18:17: the image 'https://example.org/r.png' is loaded from the network when the page is "
                + "opened | save it next to the notebook and use a relative path (--safe refuses remote images)"))
        // A page one folder down reads the same file by its own relative path.
        let part = try Self.document(builds["series/part-1.html"])
        #expect(try Self.attributes("//p/img", "src", in: part).first?.hasPrefix("data:image/png;base64,") == true)
    }

    @Test func linksToSiblingNotebooksPointToTheirReports() throws {
        let builds = try Self.buildProject()
        let intro = try Self.document(builds["intro.html"])
        #expect(try Self.attributes("//a", "href", in: intro) == [
            "series/part-1.html", "series/part-1.html#the-model", "data/values.csv", "series/part-9.md",
            "data/value.csv", "https://example.org/a.md", "mailto:a@example.org", "#introduction",
            "series/part-1.html#the-modle",
        ])
        let part = try Self.document(builds["series/part-1.html"])
        #expect(try Self.attributes("//a", "href", in: part) == ["../intro.html", "../intro.html#introduction"])
        // The fragments name ids the pages really have.
        #expect(try Self.attributes("//h2", "id", in: part) == ["the-model"])
        #expect(try Self.attributes("//h1", "id", in: intro) == ["introduction"])
        #expect(Self.messages(builds["series/part-1.html"]) == [])
    }

    @Test func linksToMissingFilesSectionsAndNeighboursAreWarningsAtTheirPosition() throws {
        let messages = Self.messages(try Self.buildProject()["intro.html"])
        let root = URL(fileURLWithPath: Self.folder).resolvingSymlinksInPath().path
        #expect(messages.filter { !$0.contains("loaded from the network") } == [
            "warning 4:11: 'previous:' names the notebook 'part-0.md', which does not exist "
                + "| paths are relative to the notebook's folder; check the spelling",
            "warning 14:40: the link to 'series/part-9.md' leads nowhere: \(root)/series/part-9.md does not exist "
                + "| did you mean 'series/part-1.md'?",
            "warning 14:76: the link to 'data/value.csv' leads nowhere: \(root)/data/value.csv does not exist "
                + "| did you mean 'data/values.csv'?",
            "warning 20:22: the link to 'series/part-1.md#the-modle' names no section of 'series/part-1.md' "
                + "| did you mean 'the-model'? (a heading's id)",
        ])
    }

    @Test func safeModeEmbedsLocalImagesAndRefusesRemoteOnes() throws {
        let builds = try Self.buildProject(safe: true)
        let document = try Self.document(builds["intro.html"])
        let sources = try Self.attributes("//p/img", "src", in: document)
        #expect(sources.count == 3 && sources.allSatisfy { $0.hasPrefix("data:image/") })
        #expect(builds["intro.html"]?.bodyHTML?.contains("example.org/r.png") == false)
        #expect(try Self.attributes("//a", "href", in: document).prefix(2)
            == ["series/part-1.html", "series/part-1.html#the-model"])
    }

    @Test func imageMistakesAreErrorsAtTheImage() throws {
        let notebook = try temporaryNotebook("""
            Missing: ![a plot](plots/missing.png).

            Outside: ![up](../outside.png), and text: ![notes](notes.txt).
            """)
        try "not an image".write(toFile: (notebook as NSString).deletingLastPathComponent + "/notes.txt",
                                 atomically: true, encoding: .utf8)
        let messages = Self.messages(ReportBuilder(registry: testRegistry, allowOutside: false)
            .build(path: notebook, checkOnly: false))
        #expect(messages.contains { $0.hasPrefix("error 1:20: image 'plots/missing.png' not found (looked for ") })
        #expect(messages.contains { $0.hasPrefix("error 3:16: image '../outside.png' leaves the project folder")
            && $0.hasSuffix("| move the image into the project, or run with --allow-outside") })
        #expect(messages.contains("error 3:52: 'notes.txt' is not a PNG, JPEG, GIF, WebP or SVG image "
            + "| convert it to PNG (or SVG for line drawings)"))
    }

    @Test func anImageOverOneMegabyteIsEmbeddedWithAWarning() throws {
        let notebook = try temporaryNotebook("![big](big.png)\n")
        // A PNG signature and 1.2 MB after it: recognised by its first bytes, measured by its size.
        var bytes = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        bytes.append(Data(count: 1_200_000))
        try bytes.write(to: URL(fileURLWithPath: (notebook as NSString).deletingLastPathComponent + "/big.png"))
        let build = ReportBuilder(registry: testRegistry, allowOutside: false).build(path: notebook, checkOnly: false)
        #expect(Self.messages(build) == ["warning 1:8: image 'big.png' adds 1200 kB to the page "
            + "| shrink it (e.g. to 1600 px wide) or save it as JPEG"])
        #expect(build.bodyHTML?.contains("src=\"data:image/png;base64,iVBORw0KGgo") == true)
    }

    @Test func outsideAProjectReportsSitSideBySide() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("parzen-links-\(UUID().uuidString)")
        for folder in ["a", "b"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(folder),
                                                    withIntermediateDirectories: true)
        }
        try "# B\n".write(to: root.appendingPathComponent("b/y.md"), atomically: true, encoding: .utf8)
        let path = root.appendingPathComponent("a/x.md").path
        try "[y](../b/y.md#b)\n".write(toFile: path, atomically: true, encoding: .utf8)
        // `parzen render a/x.md b/y.md` with no parzen.yml writes x.html and y.html into one folder.
        let build = ReportBuilder(registry: testRegistry, allowOutside: true).build(path: path, checkOnly: false)
        #expect(build.bodyHTML == "<p><a href=\"y.html#b\">y</a></p>\n")
    }

    @Test func aFigureNamedLikeAPlotIsAnErrorAndThePageKeepsOneID() throws {
        let build = try build("""
            ```{echo} fig-a
            value: 1
            caption: A plot.
            ```

            ```{figure} missing.png
            :name: fig-a
            A figure.
            ```
            """)
        #expect(Self.messages(build).contains(
            "error 6:1: the label 'fig-a' is already given to the figure at line 1; two numbered things cannot "
                + "share a label (nor an id) | rename one of them, e.g. 'fig-a-2'"))
        let document = try Self.document(build)
        #expect(try document.nodes(forXPath: "//*[@id='figure-fig-a']").count == 1)
        #expect(try Self.attributes("//figure", "class", in: document) == ["plot", "figure"])
    }
}
