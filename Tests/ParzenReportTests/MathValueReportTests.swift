import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ParzenFormat
import ParzenReport
import ParzenTestSupport
import Testing

/// `\val{label.key}` in formulas and `label.key:se` through a real notebook
/// (`Tests/Fixtures/writing-values/values.md`): the page parsed by libxml2, the numbers read
/// from its `<mn>` elements; the LaTeX and `.ipynb` writers get the numbers in the TeX.
@Suite struct MathValueReportTests {
    static let path = Fixtures.repositoryRoot.path + "/Tests/Fixtures/writing-values/values.md"

    static func render() throws -> (html: String, document: XMLDocument) {
        let build = ReportBuilder(registry: valuesRegistry, allowOutside: false).build(path: path, checkOnly: false)
        #expect(build.diagnostics.map(\.description) == [])
        let html = try #require(build.bodyHTML)
        let document = try XMLDocument(xmlString: "<html><body>" + html + "</body></html>",
                                       options: [.documentTidyHTML])
        return (html, document)
    }

    /// The text of each `<mn>`, `<mo>` and `<mtext>` of the `index`-th `<math>`, in order.
    static func tokens(of index: Int, in document: XMLDocument) throws -> [String] {
        let maths = try document.nodes(forXPath: "//math")
        let math = try #require(maths.count > index ? maths[index] : nil)
        return try math.nodes(forXPath: ".//*[self::mn or self::mo or self::mtext or self::mi]").compactMap {
            $0.stringValue
        }
    }

    @Test func proseShowsTheValueWithItsStandardError() throws {
        let (_, document) = try Self.render()
        let values = try document.nodes(forXPath: "//span[@class='value']").map { $0.stringValue ?? "" }
        #expect(values == ["0.29 ± 0.12", "1.5 ± 0", "2 ± NaN"])
    }

    @Test func inlineFormulasTypesetTheNumbersAsMn() throws {
        let (_, document) = try Self.render()
        #expect(try Self.tokens(of: 0, in: document) == ["Δ", "=", "0.2915"])
        #expect(try Self.tokens(of: 1, in: document).suffix(4) == ["=", "0.29", "±", "0.12"])
        #expect(try Self.tokens(of: 2, in: document) == ["kde"])
        let mn = try document.nodes(forXPath: "(//math)[2]//mn").map { $0.stringValue ?? "" }
        #expect(mn == ["0.29", "0.12"])
    }

    @Test func displayFormulasAndEnvironmentsToo() throws {
        let (_, document) = try Self.render()
        let display = try document.nodes(forXPath: "(//math)[4]//mn").map { $0.stringValue ?? "" }
        #expect(display == ["0.29", "0.12", "2", "0.12"])
        let aligned = try document.nodes(forXPath: "(//math)[5]//mn").map { $0.stringValue ?? "" }
        // `\val{…}^2` squares the number; a `\val` in a `%` comment is not looked at.
        #expect(aligned == ["1", "2", "0.29", "0.12", "2", "0.0042", "2"])
        // A MyST `{math}` block, numbered and labelled as usual.
        let block = try document.nodes(forXPath: "(//math)[6]//mn").map { $0.stringValue ?? "" }
        #expect(block == ["0.29", "0.12"])
    }

    @Test func theTeXAnnotationCarriesTheNumber() throws {
        let (_, document) = try Self.render()
        let alt = try document.nodes(forXPath: "(//math)[1]/@alttext").first?.stringValue
        #expect(alt == "\\Delta = {0.2915}")
    }

    @Test func latexGetsTheNumbersInTheFormula() throws {
        let builder = ReportBuilder(registry: valuesRegistry, allowOutside: false)
        let (tex, problems) = builder.write(path: Self.path, with: LaTeXNotebookWriter(registry: valuesRegistry))
        #expect(problems.map(\.description) == [])
        let text = try #require(tex)
        #expect(text.contains("$\\widehat{L} = {0.29 \\pm 0.12}$"))
        #expect(text.contains("\\Delta = {0.29 \\pm 0.12} > 2\\,\\mathrm{SE} = {0.12}"))
        #expect(text.contains("0.29 ± 0.12") || text.contains("0.29 \\ensuremath{\\pm} 0.12")
            || text.contains("0.29 $\\pm$ 0.12"))
        #expect(!text.contains("\\val{cmp"))  // the one in a `%` comment stays
    }

    /// The real pdflatex (when on PATH) compiles the numbers in the formulas: nothing undefined.
    @Test func pdflatexCompilesTheNumbers() async throws {
        guard let pdflatex = LaTeXCompileTests.pdflatex else { return }
        let builder = ReportBuilder(registry: valuesRegistry, allowOutside: false)
        let tex = try #require(builder.write(path: Self.path, with: LaTeXNotebookWriter(registry: valuesRegistry)).0)
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("parzen-values-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try AtomicFile.write(tex, to: folder + "/values.tex")
        let result = await IPYNBValidationTests.run(pdflatex, ["-interaction=nonstopmode", "-halt-on-error",
                                                         "-output-directory", folder, folder + "/values.tex"])
        #expect(result.status == 0, "\(result.output.suffix(3000))")
        let log = try String(contentsOfFile: folder + "/values.log", encoding: .utf8)
        #expect(!log.contains("Undefined control sequence"))
        // The numbers are in the PDF's text (read back by poppler's pdftotext, when installed).
        guard let pdftotext = ExternalProcess.onPath("pdftotext") else { return }
        let text = await IPYNBValidationTests.run(pdftotext, [folder + "/values.pdf", "-"]).output
        #expect(text.contains("0.2915") && text.contains("0.29") && text.contains("0.0042"))
    }

    @Test func ipynbGetsTheNumbersInTheFormula() throws {
        let builder = ReportBuilder(registry: valuesRegistry, allowOutside: false)
        let (json, problems) = builder.write(path: Self.path, with: IPYNBNotebookWriter(registry: valuesRegistry))
        #expect(problems.map(\.description) == [])
        let text = try #require(json)
        #expect(text.contains("\\\\widehat{L} = {0.29 \\\\pm 0.12}"))
        #expect(text.contains("0.29 ± 0.12 nats"))
        #expect(!text.contains("\\\\val{cmp"))
    }
}
