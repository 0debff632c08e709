import Foundation
import Testing

/// Running `parzen` inside a project you did not write (issue 16).
@Suite struct UntrustedProjectTests {
    let cli = CommandLineTests()

    /// A templates/ folder in the current directory used to replace the page template.
    @Test func templatesInTheCurrentDirectoryAreIgnored() async throws {
        let dir = try cli.folder(with: ["a.md": "# Hello\n"])
        try FileManager.default.createDirectory(atPath: dir + "/templates", withIntermediateDirectories: true)
        for name in ["page.mustache", "index.mustache"] {
            try "<script src=\"https://evil.example/x.js\"></script>".write(toFile: dir + "/templates/" + name, atomically: true, encoding: .utf8)
        }
        let (run, _) = try await cli.parzenWithOutput(["render", "a.md", "-o", "out"], in: dir, environment: [:])
        #expect(run.status == 0)
        let page = try String(contentsOfFile: dir + "/out/a.html", encoding: .utf8)
        #expect(!page.contains("evil.example"))
        #expect(page.contains("<h1 id=\"hello\">Hello</h1>"))
    }

    @Test func safeRemovesScriptFromTheAuthorsHTML() async throws {
        let dir = try cli.folder(with: ["a.md": "# Hi\n\n<img src=x onerror=\"alert(1)\"> [x](javascript:alert(1))\n"])
        let run = try await cli.parzen(["render", "--safe", "a.md", "-o", "out"], in: dir)
        #expect(run.status == 0)
        #expect(run.stderr == """
            a.md:3:12: warning: safe mode removes the attribute 'onerror' of <img> (not on the allow-list)
            a.md:3:32: warning: the link to 'javascript:alert(1)' is written as plain text: script URLs never become links; \
            link to an http(s) address or to a file of the project

            """)
        let page = try String(contentsOfFile: dir + "/out/a.html", encoding: .utf8)
        #expect(page.contains("<p><img src=\"x\"> x</p>"))
    }

    @Test func safeCannotBeCombinedWithAllowOutside() async throws {
        let dir = try cli.folder(with: ["a.md": "# Hi\n"])
        let run = try await cli.parzen(["check", "--safe", "--allow-outside", "a.md"], in: dir)
        #expect(run.status != 0)
        #expect(run.stderr.contains("--safe keeps notebooks inside their project, so it cannot be combined with --allow-outside"))
    }
}
