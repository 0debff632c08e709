import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ParzenFormat
import ParzenReport
import ParzenTestSupport
import Testing

/// MyST `{figure}` and `{table}` through a real notebook (`Tests/Fixtures/myst/figures.md`):
/// the page parsed by libxml2's HTML parser (Foundation's `XMLDocument`), not by Parzen, and
/// checked for numbering shared with the plots, citations, embedded image bytes and escaping.
@Suite struct MySTFigureReportTests {
    static let folder = Fixtures.repositoryRoot.path + "/Tests/Fixtures/myst"
    static let path = folder + "/figures.md"

    static func render() throws -> (html: String, document: XMLDocument) {
        let build = ReportBuilder(registry: testRegistry, allowOutside: false).build(path: path, checkOnly: false)
        #expect(build.diagnostics.map(\.description) == [])
        let html = try #require(build.bodyHTML)
        let document = try XMLDocument(xmlString: "<html><body>" + html + "</body></html>",
                                       options: [.documentTidyHTML])
        return (html, document)
    }

    static func elements(_ xpath: String, in document: XMLDocument) throws -> [XMLElement] {
        try document.nodes(forXPath: xpath).compactMap { $0 as? XMLElement }
    }

    @Test func figuresAreNumberedWithThePlotsAndTablesOnTheirOwn() throws {
        let (_, document) = try Self.render()
        let captions = try Self.elements("//figure/figcaption", in: document).map {
            ($0.stringValue ?? "").split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        #expect(captions.count == 4)
        #expect(captions[0].hasPrefix("Figure 1. A colour gradient, with math"))
        #expect(captions[1].hasPrefix("Figure 2"))  // the {echo} plot
        #expect(captions[2] == "Figure 3. A circle drawn in SVG (its script never runs).")
        #expect(captions[3] == "Table 1. Held-out NLL per model")
        let ids = try Self.elements("//figure[@id]", in: document)
            .compactMap { $0.attribute(forName: "id")?.stringValue }
        #expect(ids.contains("figure-fig-gradient") && ids.contains("figure-fig-circle")
            && ids.contains("table-tab-nll"))
        // The table's caption comes before it; the image's after it.
        let table = try #require(Self.elements("//figure[@id='table-tab-nll']", in: document).first)
        #expect(table.children?.compactMap { ($0 as? XMLElement)?.name } == ["figcaption", "table"])
        let references = try Self.elements("//a[contains(@class,'-ref')]", in: document).map {
            ($0.stringValue ?? "", $0.attribute(forName: "href")?.stringValue ?? "")
        }
        #expect(references.map(\.0) == ["Figure 1", "Figure 3", "Figure 2", "Table 1"])
        #expect(references.map(\.1)
            == ["#figure-fig-gradient", "#figure-fig-circle", "#figure-first", "#table-tab-nll"])
    }

    @Test func imagesAreEmbeddedByteForByteAndAltTextIsEscaped() throws {
        let (html, document) = try Self.render()
        let images = try Self.elements("//figure/img", in: document)
        #expect(images.count == 2)
        for (image, (file, type)) in zip(images, [("gradient.png", "image/png"), ("circle.svg", "image/svg+xml")]) {
            let source = try #require(image.attribute(forName: "src")?.stringValue)
            let prefix = "data:\(type);base64,"
            #expect(source.hasPrefix(prefix))
            let bytes = try Data(contentsOf: URL(fileURLWithPath: Self.folder + "/images/" + file))
            #expect(Data(base64Encoded: String(source.dropFirst(prefix.count))) == bytes)
        }
        #expect(images[0].attribute(forName: "alt")?.stringValue == "A gradient from \"blue\" <to> red & green")
        #expect(images[0].attribute(forName: "style")?.stringValue == "width: 80%")
        #expect(html.contains("alt=\"A gradient from &quot;blue&quot; &lt;to&gt; red &amp; green\""))
        // The SVG's script is inside the data: URI, never in the page.
        #expect(!html.contains("<script") && !html.contains("onload"))
    }

    @Test func epigraphIsAQuoteWithItsAttributionAndMarginsAreAsides() throws {
        let (_, document) = try Self.render()
        let epigraph = try #require(Self.elements("//blockquote[@class='epigraph']", in: document).first)
        let paragraphs = epigraph.children?.compactMap { $0 as? XMLElement } ?? []
        #expect(paragraphs.map { $0.stringValue ?? "" }
            == ["All models are wrong, but some are useful.", "\u{2014}\u{2009}George E. P. Box"])
        #expect(paragraphs.last?.attribute(forName: "class")?.stringValue == "attribution")
        let margins = try Self.elements("//aside[@class='margin']", in: document)
        #expect(margins.count == 2)
        let title = try margins[0].nodes(forXPath: "p[@class='admonition-title']").map { $0.stringValue ?? "" }
        #expect(title == ["Aside"])
        #expect(try margins[1].nodes(forXPath: "p").map { $0.stringValue ?? "" } == ["An untitled side note."])
        #expect(try margins[0].nodes(forXPath: ".//math").count == 1)
    }

    @Test func misspeltNamesSuggestTheNewDirectives() throws {
        let build = try build("```{figur} a.png\n```\n\n:::{tabel} T\n:::\n\n```{epigrahp}\nx\n```\n")
        let errors = build.diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.fix) == ["did you mean 'figure'?", "did you mean 'table'?", "did you mean 'epigraph'?"])
    }

    @Test func mistakesAreErrorsAtTheirPositionWithAFix() throws {
        let notebook = try temporaryNotebook("""
            ```{figure} missing.png
            :nmae: x
            :width: wide
            ```

            ```{figure} ../outside.png
            ```

            ```{table} Not a table
            just text
            ```

            {numref}`nope`

            ```{epigraph} Box
            :name: quote
            ```
            """)
        let build = ReportBuilder(registry: testRegistry, allowOutside: false).build(path: notebook, checkOnly: false)
        let messages = build.diagnostics.map {
            "\($0.location.line):\($0.location.column): \($0.message) | \($0.fix ?? "")"
        }
        #expect(messages.contains { $0.hasPrefix("1:13: image 'missing.png' not found") })
        #expect(messages.contains("2:1: unknown option ':nmae:' for {figure} | did you mean 'name'?"))
        #expect(messages.contains { $0.hasPrefix("3:9: ':width:' must be a positive length") })
        #expect(messages.contains { $0.hasPrefix("6:13: image '../outside.png' leaves the project folder")
            && $0.hasSuffix("run with --allow-outside") })
        #expect(messages.contains { $0.hasPrefix("9:1: {table} must hold exactly one GFM table") })
        #expect(messages.contains { $0.hasPrefix("13:10: reference to undefined label 'nope'") })
        #expect(messages.contains("15:15: {epigraph} takes no argument, found 'Box' | put the quotation in the body "
            + "and its source on a last line starting with '-- '"))
        #expect(messages.contains { $0.hasPrefix("16:1: unknown option ':name:' for {epigraph}") })
        // Nothing is dropped: the text of the broken table is still on the page.
        #expect(build.bodyHTML?.contains("just text") == true)
    }
}
