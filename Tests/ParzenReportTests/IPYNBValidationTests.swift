import Foundation
import ParzenReport
import ParzenRunner
import ParzenTestSupport
import Testing

/// The bundled tutorials written as `.ipynb`, checked by Jupyter's own tools: the `nbformat`
/// validator (the nbformat 4.5 JSON schema) and `jupyter nbconvert --to html`, installed into
/// a virtual environment under `.build/` on first use. Without python3 or a working pip the
/// tests print a notice and check only what Swift can.
@Suite(.serialized) struct IPYNBValidationTests {
    static let tutorials = ["what-is-a-generative-model", "a-linear-model", "directives-tour"]

    /// The tutorials rendered with the standard directives into a fresh folder, by name.
    static let rendered: (folder: String, diagnostics: [String: [String]]) = {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("parzen-ipynb-\(UUID().uuidString)").path
        try! FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let builder = ReportBuilder(registry: StandardDirectives.registry, allowOutside: false)
        let writer = IPYNBNotebookWriter(registry: StandardDirectives.registry)
        var diagnostics: [String: [String]] = [:]
        for name in tutorials {
            let (document, problems) = builder.write(path: Repository.root + "/notebooks/\(name).md", with: writer)
            try! AtomicFile.write(document!, to: folder + "/\(name).ipynb")
            diagnostics[name] = problems.filter { $0.severity == .error }.map(\.description)
        }
        return (folder, diagnostics)
    }()

    /// `.build/venv-nbformat/bin`, with nbformat and nbconvert installed, or nil (and a
    /// notice printed) when Python or pip is not available. Set up once, by the first test
    /// that asks; the others wait for it without holding a thread.
    static var venv: String? {
        get async { await venvSetup.value }
    }

    private static let venvSetup = Task<String?, Never> {
        await PythonVenv.prepare("venv-nbformat", modules: ["nbformat", "nbconvert"],
                                 packages: ["nbformat", "nbconvert"], purpose: "nbformat validation")
    }

    static func run(_ executable: String, _ arguments: [String]) async -> (status: Int32, output: String) {
        await PythonVenv.run(executable, arguments)
    }

    static func notebook(_ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: rendered.folder + "/\(name).ipynb"))
        return try JSONSerialization.jsonObject(with: data) as! [String: Any]
    }

    @Test(arguments: tutorials) func tutorialIsWrittenWithoutErrors(name: String) {
        #expect(Self.rendered.diagnostics[name] == [])
    }

    @Test(arguments: tutorials) func passesTheNbformatValidator(name: String) async throws {
        guard let bin = await Self.venv else { return }
        let script = "import sys, nbformat; nbformat.validate(nbformat.read(sys.argv[1], as_version=4)); print('valid')"
        let result = await Self.run(bin + "/python", ["-c", script, Self.rendered.folder + "/\(name).ipynb"])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output == "valid\n")
    }

    /// One `image/svg+xml` output per `{plot}` fence in the tutorial's source.
    @Test(arguments: tutorials) func everyFigureIsPresent(name: String) throws {
        let source = try String(contentsOfFile: Repository.root + "/notebooks/\(name).md", encoding: .utf8)
        let plots = source.components(separatedBy: "\n```{plot}").count - 1
        let cells = try Self.notebook(name)["cells"] as! [[String: Any]]
        let figures = cells.flatMap { $0["outputs"] as? [[String: Any]] ?? [] }
            .filter { ($0["data"] as? [String: Any])?["image/svg+xml"] != nil }
        #expect(plots > 0)
        #expect(figures.count == plots)
    }

    @Test func metadataListsTheDataFilesRead() throws {
        let metadata = try Self.notebook("a-linear-model")["metadata"] as! [String: Any]
        let parzen = metadata["parzen"] as! [String: Any]
        #expect(parzen["data"] as? [String] == ["data/old-faithful.csv"])
        #expect(metadata["title"] as? String == "A linear model")
    }

    @Test func nbconvertWritesHTMLWithTheFigures() async throws {
        guard let bin = await Self.venv else { return }
        let output = Self.rendered.folder + "/html"
        let result = await Self.run(bin + "/jupyter", ["nbconvert", "--to", "html", "--output-dir", output,
                                                 Self.rendered.folder + "/a-linear-model.ipynb"])
        #expect(result.status == 0, "\(result.output)")
        let html = try String(contentsOfFile: output + "/a-linear-model.html", encoding: .utf8)
        #expect(html.components(separatedBy: "data-mime-type=\"image/svg+xml\"").count - 1 == 3)
    }
}
