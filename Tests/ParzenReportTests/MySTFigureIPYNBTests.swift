import Foundation
import ParzenReport
import Testing

/// `{figure}` and `{table}` in the Jupyter writer: the fixture of ``MySTFigureReportTests``
/// written as `.ipynb`, each image an nbformat attachment of the cell that shows it, numbered
/// as on the page, and the notebook checked by Jupyter's own validator when the venv is there.
@Suite struct MySTFigureIPYNBTests {
    static func write() throws -> (json: String, cells: [[String: Any]]) {
        let builder = ReportBuilder(registry: testRegistry, allowOutside: false)
        let (document, problems) = builder.write(path: MySTFigureReportTests.path,
                                                 with: IPYNBNotebookWriter(registry: testRegistry))
        #expect(problems.filter { $0.severity == .error }.map(\.description) == [])
        let json = try #require(document)
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        return (json, object?["cells"] as? [[String: Any]] ?? [])
    }

    static func source(_ cell: [String: Any]) -> String { (cell["source"] as? [String] ?? []).joined() }

    @Test func figuresAreAttachmentsWithTheirNumbers() throws {
        let (_, cells) = try Self.write()
        let prose = cells.filter { $0["cell_type"] as? String == "markdown" }
        let first = try #require(prose.first { Self.source($0).contains("attachment:figure-1-gradient.png") })
        // The alt text escaped for Markdown, so `<to>` is not read as HTML.
        #expect(Self.source(first).contains("![A gradient from \"blue\" \\<to\\> red \\& green]"
            + "(attachment:figure-1-gradient.png)\n\n**Figure 1.** A colour gradient"))
        let attachments = try #require(first["attachments"] as? [String: [String: String]])
        let bytes = try Data(contentsOf: URL(fileURLWithPath: MySTFigureReportTests.folder + "/images/gradient.png"))
        #expect(attachments["figure-1-gradient.png"]?["image/png"].flatMap { Data(base64Encoded: $0) } == bytes)
        let all = prose.map(Self.source).joined(separator: "\n")
        #expect(all.contains("(attachment:figure-2-circle.svg)\n\n**Figure 3.** A circle drawn in SVG"))
        #expect(all.contains("**Table 1.** Held-out NLL per model\n\n| model | NLL |\n|---|---:|\n| kde | 1.669 |"))
        #expect(all.contains("See Figure 1, Figure 3, Figure 2 and Table 1."))
        #expect(!all.contains("{figure}") && !all.contains("{table}") && !all.contains(":name:"))
    }

    @Test func passesTheNbformatValidator() async throws {
        guard let bin = await IPYNBValidationTests.venv else { return }
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("parzen-myst-\(UUID().uuidString).ipynb")
        try Data(try Self.write().json.utf8).write(to: path)
        let script = "import sys, nbformat; nbformat.validate(nbformat.read(sys.argv[1], as_version=4)); print('valid')"
        let result = await IPYNBValidationTests.run(bin + "/python", ["-c", script, path.path])
        #expect(result.status == 0 && result.output.contains("valid"), "\(result.output)")
    }
}
