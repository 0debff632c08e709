import Foundation
import Testing

/// `parzen render --to ipynb` end to end, through the built executable.
@Suite struct IPYNBCommandLineTests {
    let cli = CommandLineTests()

    @Test func writesOneNotebookPerNotebookAndNoIndex() async throws {
        let dir = try cli.folder(with: ["a.md": "---\ntitle: A\n---\n# Hello\n\n$x_i$\n"])
        let run = try await cli.parzen(["render", "--to", "ipynb", "a.md", "-o", "out"], in: dir)
        #expect(run.status == 0)
        #expect(run.stderr == "")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir + "/out") == ["a.ipynb"])
        let data = try Data(contentsOf: URL(fileURLWithPath: dir + "/out/a.ipynb"))
        let json = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        #expect(json?["nbformat"] as? Int == 4)
    }

    @Test func notebookErrorsExitOneAndStillWriteTheNotebook() async throws {
        let dir = try cli.folder(with: ["bad.md": "# Title\n\n```{nosuchthing} x\na: 1\n```\n"])
        let run = try await cli.parzen(["render", "--to", "ipynb", "bad.md", "-o", "out"], in: dir)
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("bad.md:3:5: error: unknown directive '{nosuchthing}'"))
        let text = try String(contentsOfFile: dir + "/out/bad.ipynb", encoding: .utf8)
        #expect(text.contains("\"name\": \"stderr\""))
    }

    @Test func jsonResultsAreRefusedWithIpynb() async throws {
        let dir = try cli.folder(with: ["a.md": "# A\n"])
        let run = try await cli.parzen(["render", "--to", "ipynb", "a.md", "--json", "r.json"], in: dir)
        #expect(run.status == 2)
        #expect(run.stderr.contains("--json is written with --to html only"))
    }

    @Test func unknownFormatIsAUsageError() async throws {
        let dir = try cli.folder(with: ["a.md": "# A\n"])
        let run = try await cli.parzen(["render", "--to", "docx", "a.md"], in: dir)
        #expect(run.status == 2)
        #expect(run.stderr.contains("'docx'"))
    }
}
