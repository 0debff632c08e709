import Foundation
import ParzenReport
import ParzenRunner
import ParzenTestSupport
import Testing

/// The bundled tutorials written as LaTeX and compiled by the real pdflatex (twice, for
/// references), when it is on PATH; otherwise a notice is printed and nothing is checked.
@Suite(.serialized) struct LaTeXCompileTests {
    static let tutorials = ["what-is-a-generative-model", "a-linear-model", "directives-tour"]

    /// Overfull boxes pdflatex may report per document, and how wide one may be. A box
    /// less than 5 pt too wide (half a letter at 11 pt) is not visible in print, and prose
    /// edits in the tutorials can push a line by that much; anything wider, or more than
    /// two, means text or a figure runs into the margin. Today the tutorials have none.
    static let overfullTolerance = (count: 2, points: 5.0)

    static let pdflatex: String? = {
        let found = ExternalProcess.onPath("pdflatex")
        if found == nil {
            print("notice: skipping the LaTeX compile tests: pdflatex is not on PATH (Debian: texlive-latex-base "
                  + "texlive-latex-recommended texlive-latex-extra texlive-pictures)")
        }
        return found
    }()

    /// The tutorials' `.tex` in a fresh folder, with the errors the writer reported.
    static let rendered: (folder: String, diagnostics: [String: [String]]) = {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("parzen-latex-\(UUID().uuidString)").path
        try! FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let builder = ReportBuilder(registry: StandardDirectives.registry, allowOutside: false)
        let writer = LaTeXNotebookWriter(registry: StandardDirectives.registry)
        var diagnostics: [String: [String]] = [:]
        for name in tutorials {
            let (document, problems) = builder.write(path: Repository.root + "/notebooks/\(name).md", with: writer)
            try! AtomicFile.write(document!, to: folder + "/\(name).tex")
            diagnostics[name] = problems.filter { $0.severity == .error }.map(\.description)
        }
        return (folder, diagnostics)
    }()

    /// Compiles `folder/name.tex` twice (the second pass resolves references), recording a
    /// failure with the end of pdflatex's output; true when both passes succeeded.
    static func compileTwice(_ pdflatex: String, _ name: String, in folder: String) async -> Bool {
        for _ in 1...2 {
            let result = await IPYNBValidationTests.run(pdflatex, ["-interaction=nonstopmode", "-halt-on-error",
                                                             "-output-directory", folder, folder + "/\(name).tex"])
            #expect(result.status == 0, "\(result.output.suffix(3000))")
            guard result.status == 0 else { return false }
        }
        return true
    }

    @Test(arguments: tutorials) func tutorialIsWrittenWithoutErrors(name: String) {
        #expect(Self.rendered.diagnostics[name] == [])
    }

    @Test(arguments: tutorials) func compilesWithPdflatex(name: String) async throws {
        guard let pdflatex = Self.pdflatex else { return }
        guard await Self.compileTwice(pdflatex, name, in: Self.rendered.folder) else { return }
        let log = try String(contentsOfFile: Self.rendered.folder + "/\(name).log", encoding: .utf8)
        #expect(FileManager.default.fileExists(atPath: Self.rendered.folder + "/\(name).pdf"))
        // TeX wraps its log at 79 columns; the messages sit at a line's start.
        let overfull = log.split(separator: "\n").filter { $0.hasPrefix("Overfull \\hbox") }
        let widths = overfull.compactMap { line -> Double? in
            guard let open = line.firstIndex(of: "("), let end = line.range(of: "pt too wide") else { return nil }
            return Double(line[line.index(after: open)..<end.lowerBound])
        }
        #expect(overfull.count <= Self.overfullTolerance.count, "\(overfull)")
        #expect(widths.allSatisfy { $0 < Self.overfullTolerance.points }, "\(overfull)")
        #expect(!log.contains("There were undefined references"), "undefined references in \(name)")
    }

    @Test(arguments: tutorials) func everyDeclaredFigureIsDrawn(name: String) throws {
        let tex = try String(contentsOfFile: Self.rendered.folder + "/\(name).tex", encoding: .utf8)
        let source = try String(contentsOfFile: Repository.root + "/notebooks/\(name).md", encoding: .utf8)
        let figures = tex.components(separatedBy: "\\begin{figure}").count - 1
        let plots = source.components(separatedBy: "```{plot}").count - 1
        #expect(figures >= plots && plots > 0)
        #expect(tex.components(separatedBy: "\\begin{tikzpicture}").count - 1 >= figures)
    }
}
