import Foundation
import ParzenReport
import ParzenTestSupport
import Testing

/// Markdown images, links between notebooks, `{margin}` and `{epigraph}` in the Jupyter and
/// LaTeX writers, through the project of ``InlineImagesAndLinksReportTests`` and the MyST
/// fixture: the `.ipynb` checked by nbformat's validator, the `.tex` compiled by pdflatex
/// (when they are there), whose `.aux` must number tables as the page does.
@Suite(.serialized) struct InlineImagesAndLinksWriterTests {
    static let intro = InlineImagesAndLinksReportTests.folder + "/intro.md"

    static func write<Writer: NotebookWriter>(_ path: String, with writer: Writer)
        -> (document: Writer.Document?, messages: [String]) {
        let (document, problems) = ReportBuilder(registry: testRegistry, allowOutside: false)
            .write(path: path, with: writer)
        return (document, problems.map { "\($0.severity) \($0.location.line):\($0.location.column): \($0.message)" })
    }

    static func cells(_ json: String?) throws -> [[String: Any]] {
        let object = try JSONSerialization.jsonObject(with: Data(try #require(json).utf8)) as? [String: Any]
        return object?["cells"] as? [[String: Any]] ?? []
    }

    @Test func ipynbAttachesImagesAndLinksToTheSiblingsNotebooks() throws {
        let (json, messages) = Self.write(Self.intro, with: IPYNBNotebookWriter(registry: testRegistry))
        #expect(!messages.contains { $0.hasPrefix("error") })
        let cells = try Self.cells(json)
        let cell = try #require(cells.first { MySTFigureIPYNBTests.source($0).contains("An inline image") })
        let source = MySTFigureIPYNBTests.source(cell)
        #expect(source.contains("![a red dot](attachment:image-1-dot.png \"The dot\") and a GIF "
            + "![a grey square](attachment:image-2-square.gif)."))
        #expect(source.contains("A drawing: ![a circle](attachment:image-3-circle.svg)."))
        #expect(source.contains("Read [part 1](series/part-1.ipynb), its "
            + "[model section](series/part-1.ipynb#the-model), the\n[data](data/values.csv), "
            + "a [lost part](series/part-9.md)"))
        #expect(source.contains("![remote](https://example.org/r.png)"))
        let attachments = try #require(cell["attachments"] as? [String: [String: String]])
        #expect(attachments.keys.sorted() == ["image-1-dot.png", "image-2-square.gif", "image-3-circle.svg"])
        let bytes = try Data(contentsOf: URL(fileURLWithPath: InlineImagesAndLinksReportTests.folder
            + "/images/square.gif"))
        #expect(attachments["image-2-square.gif"]?["image/gif"].flatMap { Data(base64Encoded: $0) } == bytes)
    }

    @Test func ipynbShowsMarginsAndEpigraphsAsQuotes() throws {
        let (json, _) = Self.write(MySTFigureReportTests.path, with: IPYNBNotebookWriter(registry: testRegistry))
        let all = try Self.cells(json).map(MySTFigureIPYNBTests.source).joined(separator: "\n")
        #expect(all.contains("> All models are wrong, but some are *useful*.\n>\n> \u{2014} George E. P. Box\n"))
        #expect(all.contains("> **Aside**\n>\n> The bandwidth $h$ is a scale.\n"))
        #expect(all.contains("> An untitled side note.\n"))
        #expect(!all.contains("{margin}") && !all.contains("{epigraph}"))
    }

    @Test func ipynbWithQuotesAndAttachmentsPassesTheNbformatValidator() async throws {
        guard let bin = await IPYNBValidationTests.venv else { return }
        let script = "import sys, nbformat\nfor p in sys.argv[1:]: nbformat.validate(nbformat.read(p, as_version=4))\n"
            + "print('valid')"
        var paths: [String] = []
        for source in [Self.intro, MySTFigureReportTests.path] {
            let path = FileManager.default.temporaryDirectory
                .appendingPathComponent("parzen-links-\(UUID().uuidString).ipynb").path
            try AtomicFile.write(try #require(Self.write(source, with: IPYNBNotebookWriter(registry: testRegistry))
                .document), to: path)
            paths.append(path)
        }
        let result = await IPYNBValidationTests.run(bin + "/python", ["-c", script] + paths)
        #expect(result.status == 0 && result.output.contains("valid"), "\(result.output)")
    }

    @Test func latexIncludesPNGsFramesWhatItCannotReadAndLinksToPDFs() throws {
        let (written, messages) = Self.write(Self.intro, with: LaTeXNotebookWriter(registry: testRegistry))
        let tex = try #require(written)
        let png = URL(fileURLWithPath: InlineImagesAndLinksReportTests.folder + "/images/dot.png")
            .resolvingSymlinksInPath().path
        #expect(tex.contains("\\includegraphics[width=\\linewidth, height=0.6\\textheight, keepaspectratio]{\(png)}"))
        #expect(tex.contains("\\fbox{\\parbox{0.8\\linewidth}{\\centering a grey square}}"))
        #expect(tex.contains("\\fbox{\\parbox{0.8\\linewidth}{\\centering a circle}}"))
        #expect(tex.contains("\\href{series/part-1.pdf}{part 1}, its \\href{series/part-1.pdf}{model section}"))
        for (position, file) in [("9:66", "square.gif"), ("11:12", "circle.svg")] {
            let message = "warning \(position): pdflatex cannot include the image 'images/\(file)'"
            #expect(messages.contains { $0.hasPrefix(message) })
        }
        #expect(messages.contains("warning 18:17: the remote image 'https://example.org/r.png' is not included in "
            + "LaTeX; its description is shown"))
    }

    /// A captioned result table is not a LaTeX `table` float: the page numbers only `{table}`s.
    static let tables = """
        ```{echo} first
        value: 1
        table-caption: A result table the page does not number.
        ```

        ```{table} The author's table
        :name: tab-own
        | a | b |
        |---|---|
        | 1 | 2 |
        ```

        See {numref}`tab-own`.
        """

    @Test func pdflatexNumbersTablesAsThePageAndCompilesTheImages() async throws {
        let notebook = try temporaryNotebook(Self.tables)
        let page = try #require(ReportBuilder(registry: testRegistry, allowOutside: false)
            .build(path: notebook, checkOnly: false).bodyHTML)
        #expect(page.contains("<span class=\"figure-number\">Table 1.</span> The author's table"))
        let (tex, _) = Self.write(notebook, with: LaTeXNotebookWriter(registry: testRegistry))
        let document = try #require(tex)
        #expect(document.contains("{\\small A result table the page does not number.}\\par\\medskip\n"))
        guard let pdflatex = LaTeXCompileTests.pdflatex else { return }
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("parzen-links-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try AtomicFile.write(document, to: folder + "/tables.tex")
        try AtomicFile.write(try #require(Self.write(Self.intro, with: LaTeXNotebookWriter(registry: testRegistry))
            .document), to: folder + "/intro.tex")
        for name in ["tables", "intro"] {
            guard await LaTeXCompileTests.compileTwice(pdflatex, name, in: folder) else { return }
        }
        let aux = try String(contentsOfFile: folder + "/tables.aux", encoding: .utf8)
        #expect(aux.contains("\\newlabel{tab-own}{{1}"))
    }
}
