import Foundation
import ParzenTestSupport
import Testing

/// The `parzen` executable end to end: exit statuses, diagnostics on stderr, files written.
@Suite struct CommandLineTests {
    struct Run {
        var status: Int32
        var stderr: String
    }

    /// The `parzen` binary built next to this test bundle.
    static let executable: URL = {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        while folder.pathComponents.count > 1 {
            folder.deleteLastPathComponent()
            let candidate = folder.appendingPathComponent("parzen")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return URL(fileURLWithPath: Repository.root + "/.build/debug/parzen")
    }()

    func parzen(_ arguments: [String], in folder: String) async throws -> Run {
        try await parzenWithOutput(arguments, in: folder).run
    }

    func parzenWithOutput(_ arguments: [String], in folder: String,
                          environment: [String: String] = ["PARZEN_TEMPLATES": Repository.templates]) async throws
        -> (run: Run, stdout: String) {
        let run = try await ExternalProcess.run(Self.executable, arguments, in: URL(fileURLWithPath: folder),
                                                environment: environment)
        return (Run(status: run.status, stderr: run.errors), run.output)
    }

    func folder(with files: [String: String]) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("parzen-cli-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8) }
        return folder
    }

    @Test func cleanNotebookExitsZeroAndWritesReportIndexAndJSON() async throws {
        let dir = try folder(with: ["a.md": "---\ntitle: A\n---\n# Hello\n\n$x_i$\n"])
        let run = try await parzen(["render", "a.md", "-o", "out", "--json", "out/results.json"], in: dir)
        #expect(run.status == 0)
        #expect(run.stderr == "")
        for name in ["a.html", "index.html", "results.json"] {
            #expect(FileManager.default.fileExists(atPath: dir + "/out/" + name))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir + "/out").sorted() == ["a.html", "index.html", "results.json"])
    }

    /// `parzen --version` prints the version the pages it writes name as their generator.
    @Test func versionIsTheOneThePagesName() async throws {
        let dir = try folder(with: ["a.md": "---\ntitle: A\n---\nText.\n"])
        let (version, printed) = try await parzenWithOutput(["--version"], in: dir)
        #expect(version.status == 0)
        #expect(try await parzen(["render", "a.md", "-o", "out"], in: dir).status == 0)
        let html = try String(contentsOfFile: dir + "/out/a.html", encoding: .utf8)
        let generator = html.components(separatedBy: "<meta name=\"generator\" content=\"").dropFirst().first?
            .prefix { $0 != "\"" }
        #expect(!printed.isEmpty && generator == "Parzen " + printed.trimmingCharacters(in: .newlines))
    }

    @Test func notebookErrorsExitOneAndStillWriteTheReport() async throws {
        let dir = try folder(with: ["bad.md": "# Title\n\n```{nosuchthing} x\na: 1\n```\n"])
        let run = try await parzen(["render", "bad.md", "-o", "out"], in: dir)
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("bad.md:3:5: error: unknown directive '{nosuchthing}'"))
        let html = try String(contentsOfFile: dir + "/out/bad.html", encoding: .utf8)
        #expect(html.contains("directive-error"))
    }

    @Test func checkPrintsJSONDiagnostics() async throws {
        let dir = try folder(with: ["bad.md": "---\nseed: x\n---\n"])
        let run = try await parzen(["check", "bad.md", "--diagnostics", "json"], in: dir)
        #expect(run.status == 1)
        let parsed = try JSONSerialization.jsonObject(with: Data(run.stderr.utf8)) as? [[String: Any]]
        #expect(parsed?.count == 1)
        #expect(parsed?.first?["line"] as? Int == 2)
        #expect(parsed?.first?["column"] as? Int == 7)
        #expect(parsed?.first?["severity"] as? String == "error")
    }

    @Test func usageErrorsExitTwo() async throws {
        let dir = try folder(with: [:])
        #expect(try await parzen(["render", "missing.md"], in: dir).status == 2)
        #expect(try await parzen(["render", "--no-such-flag", "x.md"], in: dir).status == 2)
        #expect(try await parzen(["render"], in: dir).status == 2)
    }

    // MARK: parzen fit

    @Test func fitPrintsTheGaussianMLEAsJSON() async throws {
        // Mean 2 and variance ((−1)² + 0² + 1²)/3 = 2/3 by hand; NLL = ½ log(2π·2/3) + ½.
        let dir = try folder(with: ["d.csv": "x\n1\n2\n3\n"])
        let (run, stdout) = try await parzenWithOutput(["fit", "d.csv", "--model", "gaussian", "--json"], in: dir)
        #expect(run.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any])
        #expect(json["mean"] as? Double == 2)
        #expect(abs((json["variance"] as? Double ?? 0) - 2.0 / 3) < 1e-15)
        let nll = 0.5 * log(2 * Double.pi * 2 / 3) + 0.5
        #expect(abs((json["nll_train"] as? Double ?? 0) - nll) < 1e-14)
    }

    @Test func fitNamesFileLineAndColumnOfABadCell() async throws {
        let dir = try folder(with: ["bad.csv": "x,y\n1,2\n3,abc\n"])
        let run = try await parzen(["fit", "bad.csv", "--columns", "y", "--model", "gaussian"], in: dir)
        #expect(run.status == 1)
        #expect(run.stderr == "bad.csv:3:3: error: column 'y' has 'abc', which is not a number; every cell of a data column must be a finite number\n")
    }

    @Test func fitRefusesAMissingColumnAndConstantData() async throws {
        let dir = try folder(with: ["d.csv": "eruptions\n2\n2\n2\n"])
        let missing = try await parzen(["fit", "d.csv", "--columns", "eruption", "--model", "gaussian"], in: dir)
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("no column named 'eruption'; did you mean 'eruptions'?"))
        let constant = try await parzen(["fit", "d.csv", "--model", "kde"], in: dir)
        #expect(constant.status == 1)
        #expect(constant.stderr.hasPrefix("d.csv:"))
    }
}
