import Foundation
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

    func parzen(_ arguments: [String], in folder: String) throws -> Run {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        process.environment = ["PARZEN_TEMPLATES": Repository.templates]
        let errorPipe = Pipe()
        process.standardError = errorPipe
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let data = errorPipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stderr: String(decoding: data, as: UTF8.self))
    }

    func folder(with files: [String: String]) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("parzen-cli-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8) }
        return folder
    }

    @Test func cleanNotebookExitsZeroAndWritesReportIndexAndJSON() throws {
        let dir = try folder(with: ["a.md": "---\ntitle: A\n---\n# Hello\n\n$x_i$\n"])
        let run = try parzen(["render", "a.md", "-o", "out", "--json", "out/results.json"], in: dir)
        #expect(run.status == 0)
        #expect(run.stderr == "")
        for name in ["a.html", "index.html", "results.json"] {
            #expect(FileManager.default.fileExists(atPath: dir + "/out/" + name))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir + "/out").sorted() == ["a.html", "index.html", "results.json"])
    }

    @Test func notebookErrorsExitOneAndStillWriteTheReport() throws {
        let dir = try folder(with: ["bad.md": "# Title\n\n```{nosuchthing} x\na: 1\n```\n"])
        let run = try parzen(["render", "bad.md", "-o", "out"], in: dir)
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("bad.md:3:5: error: unknown directive '{nosuchthing}'"))
        let html = try String(contentsOfFile: dir + "/out/bad.html", encoding: .utf8)
        #expect(html.contains("directive-error"))
    }

    @Test func checkPrintsJSONDiagnostics() throws {
        let dir = try folder(with: ["bad.md": "---\nseed: x\n---\n"])
        let run = try parzen(["check", "bad.md", "--diagnostics", "json"], in: dir)
        #expect(run.status == 1)
        let parsed = try JSONSerialization.jsonObject(with: Data(run.stderr.utf8)) as? [[String: Any]]
        #expect(parsed?.count == 1)
        #expect(parsed?.first?["line"] as? Int == 2)
        #expect(parsed?.first?["column"] as? Int == 7)
        #expect(parsed?.first?["severity"] as? String == "error")
    }

    @Test func usageErrorsExitTwo() throws {
        let dir = try folder(with: [:])
        #expect(try parzen(["render", "missing.md"], in: dir).status == 2)
        #expect(try parzen(["render", "--no-such-flag", "x.md"], in: dir).status == 2)
        #expect(try parzen(["render"], in: dir).status == 2)
    }
}
