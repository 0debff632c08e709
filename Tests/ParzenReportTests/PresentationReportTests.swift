import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ParzenFormat
import ParzenReport
import ParzenRunner
import ParzenTestSupport
import Testing

/// `echo:` and `output:` through a real notebook (`Tests/Fixtures/writing-values/presentation.md`:
/// front-matter defaults `echo: true`, `output: brief`, overridden per directive), the page
/// parsed by libxml2; LaTeX and `.ipynb` honour them; misspelt values get a did-you-mean.
@Suite struct PresentationReportTests {
    static let path = Fixtures.repositoryRoot.path + "/Tests/Fixtures/writing-values/presentation.md"
    static var fixture: String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }
    static let builder = ReportBuilder(registry: StandardDirectives.registry, allowOutside: false)

    static func render() throws -> XMLDocument {
        let build = builder.build(path: path, checkOnly: false)
        #expect(build.diagnostics.map(\.description) == [])
        let html = try #require(build.bodyHTML)
        return try XMLDocument(xmlString: "<html><body>" + html + "</body></html>", options: [.documentTidyHTML])
    }

    /// The names of the elements directly in directive `label`'s box, in order.
    static func children(_ label: String, in document: XMLDocument) throws -> [String] {
        let box = try #require(try document.nodes(forXPath: "//div[@id='\(label)']").first as? XMLElement)
        return (box.children ?? []).compactMap { ($0 as? XMLElement).map { $0.name ?? "" } }
    }

    @Test func echoShowsTheFenceAsWrittenInAFoldedDetails() throws {
        let document = try Self.render()
        let sources = try document.nodes(forXPath: "//div[@id='d']/details[@class='directive-source']")
        #expect(sources.count == 1)
        let summary = try sources[0].nodes(forXPath: "summary").first?.stringValue
        #expect(summary == "Source")
        let code = try sources[0].nodes(forXPath: "pre/code").first?.stringValue
        #expect(code == "```{data} d\ngenerate: {gaussian: {mean: 0, sd: 1}}\nn: 200\nholdout: 0.25\n```")
        // `<details>` is closed unless opened: no `open` attribute, no script.
        #expect(try document.nodes(forXPath: "//details[@open]").isEmpty)
        #expect(try document.nodes(forXPath: "//script").isEmpty)
        // `echo: false` on a directive beats the front matter's `echo: true`.
        #expect(try document.nodes(forXPath: "//div[@id='gauss' or @id='cmp2']/details").isEmpty)
        #expect(try document.nodes(forXPath: "//div[@id='kde' or @id='cmp']/details").count == 2)
    }

    @Test func outputKeepsFiguresAndTablesFormulasOrEverything() throws {
        let document = try Self.render()
        // brief (the front matter's): the formula, no sentences.
        #expect(try Self.children("gauss", in: document) == ["div"])
        #expect(try document.nodes(forXPath: "//div[@id='gauss']/div[@class='math-display']").count == 1)
        // full: the formula and the sentences, with the explanation the brief fit above hid.
        #expect(try Self.children("kde", in: document) == ["details", "div", "p"])
        let sentence = try document.nodes(forXPath: "//div[@id='kde']/p").first?.stringValue ?? ""
        #expect(sentence.contains("The bandwidth β is the Gaussian kernel's variance"))
        // none: the table alone (with its caption), no verdict, no derivation.
        #expect(try Self.children("cmp", in: document) == ["details", "p", "div"])
        #expect(try document.nodes(forXPath: "//div[@id='cmp']//table").count == 1)
        #expect(try document.nodes(forXPath: "//div[@id='cmp']//math").isEmpty)
        // The hidden derivation is not numbered: the shown one is (D1).
        let reference = try document.nodes(forXPath: "//a[@class='equation-ref']").first?.stringValue
        #expect(reference == "Equation (D1)")
    }

    @Test func aFailedOrRefusedDirectiveShowsItsSourceToo() throws {
        let text = "---\necho: true\n---\n\n```{fit} broken\ndata: nowhere\nmodel: kde\n```\n\n"
            + "```{fit} refused\ndata: nowhere\nmodel: kde\nexpect: error\n```\n"
        let html = try #require(try AssertDirectiveTests.build(text).bodyHTML)
        let document = try XMLDocument(xmlString: "<html><body>" + html + "</body></html>",
                                       options: [.documentTidyHTML])
        let sources = try document.nodes(forXPath: "//div[contains(@class,'directive-error') or "
            + "contains(@class,'directive-expected-error')]/details/pre/code").map { $0.stringValue ?? "" }
        #expect(sources == ["```{fit} broken\ndata: nowhere\nmodel: kde\n```",
                            "```{fit} refused\ndata: nowhere\nmodel: kde\nexpect: error\n```"])
    }

    @Test func aReferenceToAHiddenDerivationIsAnError() throws {
        let text = Self.fixture + "\nAnd {ref}`eq:cmp`.\n"
        let build = try AssertDirectiveTests.build(text)
        let line = text.split(separator: "\n", omittingEmptySubsequences: false).count - 1
        #expect(build.diagnostics.map { "\($0.location.line):\($0.location.column): \($0.message)" }
            == ["\(line):11: reference to undefined label 'eq:cmp'"])
    }

    @Test func latexShowsTheSourceVerbatimAndTheSameBlocks() throws {
        let writer = LaTeXNotebookWriter(registry: StandardDirectives.registry)
        let (tex, problems) = Self.builder.write(path: Self.path, with: writer)
        #expect(problems.filter { $0.severity == .error }.map(\.description) == [])
        let text = try #require(tex)
        #expect(text.contains("\\begin{verbatim}\n```{data} d\ngenerate: {gaussian: {mean: 0, sd: 1}}\n"))
        #expect(!text.contains("```{fit} gauss"))
        #expect(text.components(separatedBy: "\\tag{D").count == 2)  // one derivation, not two
    }

    @Test func ipynbCellsCarryTheSameOutput() throws {
        let writer = IPYNBNotebookWriter(registry: StandardDirectives.registry)
        let (json, problems) = Self.builder.write(path: Self.path, with: writer)
        #expect(problems.filter { $0.severity == .error }.map(\.description) == [])
        let data = Data(try #require(json).utf8)
        let notebook = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let cells = try #require(notebook["cells"] as? [[String: Any]])
        func text(_ value: Any?) -> String { (value as? [String])?.joined() ?? (value as? String) ?? "" }
        /// The outputs' text of the code cell after the Markdown cell that shows `fence`.
        func outputs(after fence: String) throws -> String {
            let index = try #require(cells.firstIndex { text($0["source"]).hasPrefix(fence + "\n") })
            let outputs = cells[index + 1]["outputs"] as? [[String: Any]] ?? []
            return outputs.map { ($0["data"] as? [String: Any])?.values.map(text).joined() ?? "" }.joined()
        }
        // The fence is always shown, as a Markdown cell before its outputs: `echo` adds nothing there.
        #expect(cells.contains { text($0["source"]).hasPrefix("```{fit} gauss\n") })
        #expect(try !outputs(after: "```{compare} cmp").contains("has the lowest held-out NLL"))
        #expect(try outputs(after: "```{compare} cmp2").contains("has the lowest held-out NLL"))
    }

    @Test func theNotebooksPassTheNbformatValidator() async throws {
        guard let bin = await IPYNBValidationTests.venv else { return }
        for fixture in [Self.path, MathValueReportTests.path] {
            let registry = fixture == Self.path ? StandardDirectives.registry : valuesRegistry
            let builder = ReportBuilder(registry: registry, allowOutside: false)
            let json = try #require(builder.write(path: fixture, with: IPYNBNotebookWriter(registry: registry)).0)
            let path = FileManager.default.temporaryDirectory
                .appendingPathComponent("parzen-presentation-\(UUID().uuidString).ipynb")
            try Data(json.utf8).write(to: path)
            let script = "import sys, nbformat; nbformat.validate(nbformat.read(sys.argv[1], as_version=4)); "
                + "print('valid')"
            let result = await IPYNBValidationTests.run(bin + "/python", ["-c", script, path.path])
            #expect(result.status == 0 && result.output.contains("valid"), "\(fixture): \(result.output)")
        }
    }

    @Test func misspeltValuesGetADidYouMeanAtTheirPlace() throws {
        let text = Self.fixture.replacingOccurrences(of: "output: brief", with: "output: breif")
            .replacingOccurrences(of: "output: none", with: "output: non")
            .replacingOccurrences(of: "echo: true", with: "echo: yes")
        let build = try AssertDirectiveTests.build(text, checkOnly: true)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        func line(_ needle: String) -> Int { lines.firstIndex { $0.hasPrefix(needle) }! + 1 }
        let found = build.diagnostics.map {
            "\($0.location.line):\($0.location.column): \($0.message); \($0.fix ?? "")"
        }
        #expect(found.contains("\(line("output: breif")):9: front-matter key 'output' expects one of none, brief, "
            + "full, found the text 'breif'; did you mean 'brief'?"))
        #expect(found.contains {
            $0.hasPrefix("\(line("echo: yes")):7: front-matter key 'echo' expects true or false")
        })
        #expect(found.contains("\(line("output: non")):9: option 'output' expects one of none, brief, full, found "
            + "'non'; did you mean 'none'?"))
    }

    @Test func neitherChangesTheCacheKeyNorTheDraws() throws {
        // An unlabelled directive's seed comes from its options: echo and output are not among them.
        let plain = "```{data}\ngenerate: {gaussian: {mean: 0, sd: 1}}\nn: 5\n```\n"
        let shown = "```{data}\ngenerate: {gaussian: {mean: 0, sd: 1}}\nn: 5\necho: true\noutput: none\n```\n"
        func table(_ text: String) throws -> Substring {
            let html = try #require(try AssertDirectiveTests.build(text).bodyHTML)
            let start = try #require(html.range(of: "<table")), end = try #require(html.range(of: "</table>"))
            return html[start.lowerBound..<end.upperBound]
        }
        #expect(try table(plain) == table(shown))
    }
}
