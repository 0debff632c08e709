import Foundation
import Testing

/// `parzen render`/`check` with no notebook arguments inside a project, end to end.
@Suite struct ProjectCommandLineTests {
    let cli = CommandLineTests()

    @Test func renderWithoutArgumentsBuildsTheProjectFromASubfolder() async throws {
        let project = try TemporaryProject([
            "parzen.yml": "title: P\nsite-url: https://example.org/p/\noutput: site\n",
            "a.md": "---\ntitle: A\n---\n# A\n", "sub/b.md": "---\ntitle: B\nprevious: ../a.md\n---\n# B\n",
        ])
        let run = try await cli.parzen(["render"], in: project.root.appendingPathComponent("sub").path)
        #expect(run.status == 0)
        #expect(run.stderr == "")
        let site = project.root.appendingPathComponent("site")
        #expect(ProjectFileWalk.files(site) == ["a.html", "index.html", "sitemap.xml", "sub/b.html"])
        let b = try String(contentsOf: site.appendingPathComponent("sub/b.html"), encoding: .utf8)
        #expect(b.contains("<a class=\"previous\" rel=\"prev\" href=\"../a.html\"><span class=\"series-direction\">← Previous</span> A</a>"))
        #expect(b.contains("<link rel=\"canonical\" href=\"https://example.org/p/sub/b.html\">"))
    }

    @Test func theIPYNBWriterKeepsTheLayoutToo() async throws {
        let project = try TemporaryProject(["parzen.yml": "", "x/a.md": "# A\n"])
        let run = try await cli.parzen(["render", "--to", "ipynb"], in: project.root.path)
        #expect(run.status == 0)
        #expect(ProjectFileWalk.files(project.root.appendingPathComponent("out")) == ["x/a.ipynb"])
    }

    @Test func aCollisionExitsOneAndNamesBothNotebooks() async throws {
        let project = try TemporaryProject(["parzen.yml": "", "a.md": "# Firstling\n", "a.markdown": "# Secondling\n"])
        let run = try await cli.parzen(["render", "a.md", "a.markdown"], in: project.root.path)
        #expect(run.status == 1)
        #expect(run.stderr == "a.markdown:1:1: error: this notebook and 'a.md' would both write 'a.html', so it is "
                + "not rendered; rename one of the two notebooks\n")
        let page = try String(contentsOf: project.root.appendingPathComponent("out/a.html"), encoding: .utf8)
        #expect(page.contains("Firstling") && !page.contains("Secondling"))
    }

    @Test func aMistakeInParzenYmlStopsTheBuildAtItsPosition() async throws {
        let project = try TemporaryProject(["parzen.yml": "title: T\nsite-ulr: https://x.org/\n", "a.md": ""])
        let run = try await cli.parzen(["render"], in: project.root.path)
        #expect(run.status == 1)
        #expect(run.stderr == "parzen.yml:2:1: error: unknown project-file key 'site-ulr'; did you mean 'site-url'?\n")
        #expect(!FileManager.default.fileExists(atPath: project.root.appendingPathComponent("out").path))
        let check = try await cli.parzen(["check"], in: project.root.path)
        #expect(check.status == 1)
        #expect(check.stderr == run.stderr)
    }

    @Test func checkWithoutArgumentsChecksTheProject() async throws {
        let project = try TemporaryProject(["parzen.yml": "", "a.md": "```{nosuchthing} x\n```\n"])
        let run = try await cli.parzen(["check"], in: project.root.path)
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("a.md:1:5: error: unknown directive '{nosuchthing}'"))
    }

    @Test func budgetWarnsAboutLargePagesAndKeepsExitStatusZero() async throws {
        let project = try TemporaryProject(["parzen.yml": "", "m.md": "# M\n\n$x^2$\n"])
        // The page is the stylesheet, a 2 KB math font cut to x and 2, and a line of text.
        let run = try await cli.parzen(["render", "--budget", "10k"], in: project.root.path)
        #expect(run.status == 0)
        #expect(run.stderr.hasPrefix("m.md:1:1: warning: its page m.html is "))
        #expect(run.stderr.contains("over the budget of 10.0 KB; largest parts: styles "))
        #expect(run.stderr.contains(", 1 formula "))
        #expect(try await cli.parzen(["render", "--budget", "5 MiB"], in: project.root.path).stderr == "")
        #expect(try await cli.parzen(["render", "--budget", "50x"], in: project.root.path).status == 2)
        #expect(try await cli.parzen(["render", "--budget", "50k", "--to", "latex"], in: project.root.path).status == 2)
    }

    @Test func noArgumentsOutsideAProjectIsAUsageError() async throws {
        let folder = try TemporaryProject([".git/HEAD": ""])
        let run = try await cli.parzen(["render"], in: folder.root.path)
        #expect(run.status == 2)
        #expect(run.stderr.contains("No notebooks named, and no parzen.yml in \(folder.root.path) or above it."))
    }
}

/// Every regular file below a folder, relative and sorted.
enum ProjectFileWalk {
    static func files(_ root: URL) -> [String] {
        let prefix = root.resolvingSymlinksInPath().path + "/"
        let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
        return (walker?.allObjects as? [URL] ?? [])
            .filter { (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true }
            .map { String($0.resolvingSymlinksInPath().path.dropFirst(prefix.count)) }.sorted()
    }
}
