import Foundation
import Testing

/// `parzen render --to latex` and `--to pdf` end to end, through the built executable.
@Suite struct LaTeXCommandLineTests {
    let cli = CommandLineTests()

    @Test func writesOneTeXFilePerNotebook() async throws {
        let dir = try cli.folder(with: ["a.md": "---\ntitle: A\n---\n# Hello\n\n$x_i$\n"])
        let run = try await cli.parzen(["render", "--to", "latex", "a.md", "-o", "out"], in: dir)
        #expect(run.status == 0)
        #expect(run.stderr == "")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir + "/out") == ["a.tex"])
        let text = try String(contentsOfFile: dir + "/out/a.tex", encoding: .utf8)
        #expect(text.contains("\\title{A}") && text.contains("\\section{Hello}") && text.contains("$x_i$"))
    }

    @Test func pdfWithoutPdflatexOnPathSaysWhatToInstall() async throws {
        let dir = try cli.folder(with: ["a.md": "# A\n"])
        let (run, _) = try await cli.parzenWithOutput(["render", "--to", "pdf", "a.md"], in: dir,
                                                environment: ["PATH": dir, "PARZEN_TEMPLATES": Repository.templates])
        #expect(run.status == 2)
        #expect(run.stderr.contains("--to pdf needs pdflatex, which is not on PATH"))
    }

    @Test func pdfIsWrittenNextToTheTeXWhenPdflatexIsInstalled() async throws {
        guard let path = LaTeXCompileTests.pdflatex else { return }
        let text = "---\ntitle: A\n---\n# Hello\n\n$$\ny = x \\label{e}\n$$\n\nSee \\eqref{e}.\n"
        let dir = try cli.folder(with: ["a.md": text])
        let folder = (path as NSString).deletingLastPathComponent
        let (run, _) = try await cli.parzenWithOutput(["render", "--to", "pdf", "a.md", "-o", "out"], in: dir,
                                                environment: ["PATH": folder + ":/usr/bin:/bin",
                                                              "PARZEN_TEMPLATES": Repository.templates])
        #expect(run.status == 0, "\(run.stderr)")
        let pdf = try Data(contentsOf: URL(fileURLWithPath: dir + "/out/a.pdf"))
        #expect(pdf.starts(with: Array("%PDF-".utf8)))
    }
}
