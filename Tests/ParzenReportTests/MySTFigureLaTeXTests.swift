import Foundation
import ParzenReport
import Testing

/// `{figure}` and `{table}` in the LaTeX writer: the fixture of ``MySTFigureReportTests`` written
/// as `.tex` and compiled twice by the real pdflatex (when on PATH), whose `.aux` must number
/// the floats as the HTML page does.
@Suite(.serialized) struct MySTFigureLaTeXTests {
    static func write() -> (tex: String, warnings: [String]) {
        let builder = ReportBuilder(registry: testRegistry, allowOutside: false)
        let (document, problems) = builder.write(path: MySTFigureReportTests.path,
                                                 with: LaTeXNotebookWriter(registry: testRegistry))
        #expect(problems.filter { $0.severity == .error }.map(\.description) == [])
        return (document ?? "", problems.filter { $0.severity == .warning }.map(\.message))
    }

    @Test func floatsAreFiguresAndTablesWithCaptionsAndLabels() {
        let (tex, warnings) = Self.write()
        let png = URL(fileURLWithPath: MySTFigureReportTests.folder + "/images/gradient.png")
            .resolvingSymlinksInPath().path
        #expect(tex.contains("\\includegraphics[width=0.8\\linewidth]{\(png)}\n"))
        #expect(tex.contains("\\label{fig-gradient}"))
        #expect(tex.contains("\\begin{table}[htbp]\n\\caption{Held-out NLL per model}\\label{tab-nll}\n"))
        #expect(tex.contains("Figure~\\ref{fig-gradient}") && tex.contains("Table~\\ref{tab-nll}"))
        #expect(tex.contains("\\begin{quote}\n\\itshape\nAll models are wrong, but some are \\emph{useful}.\n"
            + "\\par\\hfill\\upshape---\\,George E. P. Box\n\\end{quote}\n"))
        #expect(tex.contains("\\begin{quote}\nAn untitled side note.\n\\end{quote}\n"))
        // pdflatex cannot read SVG: a framed alt text and a warning, not a silent gap.
        #expect(tex.contains("\\fbox{\\parbox{0.8\\linewidth}{\\centering A blue circle}}"))
        #expect(warnings.contains { $0.hasPrefix("pdflatex cannot include the image 'images/circle.svg'") })
    }

    @Test func pdflatexNumbersThemAsThePage() async throws {
        guard let pdflatex = LaTeXCompileTests.pdflatex else { return }
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("parzen-myst-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try AtomicFile.write(Self.write().tex, to: folder + "/figures.tex")
        guard await LaTeXCompileTests.compileTwice(pdflatex, "figures", in: folder) else { return }
        let aux = try String(contentsOfFile: folder + "/figures.aux", encoding: .utf8)
        #expect(aux.contains("\\newlabel{fig-gradient}{{1}"))
        #expect(aux.contains("\\newlabel{first}{{2}"))
        #expect(aux.contains("\\newlabel{fig-circle}{{3}"))
        #expect(aux.contains("\\newlabel{tab-nll}{{1}"))
    }
}
