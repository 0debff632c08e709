import Foundation
import ParzenTestSupport
import Testing
@testable import ParzenFormat

@Suite struct NotebookGlobTests {
    @Test(arguments: [
        ("*.md", "a.md", true), ("*.md", "x/a.md", false), ("*.md", ".hidden.md", false),
        ("**/*.md", "a.md", true), ("**/*.md", "x/y/a.md", true), ("**/*.md", ".git/a.md", false),
        ("**/*.md", "x/.drafts/a.md", false), ("x/**/*.md", "x/a.md", true), ("x/**/*.md", "y/a.md", false),
        ("x/**", "x/a/b.md", true), ("ch?.md", "ch1.md", true), ("ch?.md", "ch10.md", false),
        ("ch[0-9].md", "ch7.md", true), ("ch[0-9].md", "cha.md", false), ("a/*/c.md", "a/b/c.md", true),
        ("a/*/c.md", "a/b/d/c.md", false), ("**/**/*.md", "a.md", true),
    ])
    func matchesSegmentsAndFolders(pattern: String, path: String, expected: Bool) {
        #expect(NotebookGlob(pattern).matches(path) == expected)
    }

    /// The same globs over a real tree, against Python's `glob.glob(..., recursive=True)`,
    /// which defines `**` the same way (zero or more folders, hidden ones skipped).
    @Test func agreesWithPythonGlobOnARealTree() async throws {
        guard let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first(where: {
            FileManager.default.isExecutableFile(atPath: $0)
        }) else {
            print("NotebookGlobTests: python3 is not installed; skipping the comparison with glob.glob")
            return
        }
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("parzen-glob-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        for file in ["a.md", "b.markdown", "x/c.md", "x/y/d.md", "x/y/e.txt", ".h/f.md", "x/.g.md", "ch1.md", "ch12.md"] {
            let url = root.appendingPathComponent(file)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data().write(to: url)
        }
        let patterns = ["*.md", "**/*.md", "x/**/*.md", "x/*/*.md", "ch?.md", "ch*.md", "**/*.markdown"]
        let all = ProjectFileTests.walk(root)
        for pattern in patterns {
            let script = "import glob,sys; print('\\n'.join(sorted(glob.glob(sys.argv[1], root_dir=sys.argv[2], "
                + "recursive=True))))"
            let output = try await ExternalProcess.run(python, ["-c", script, pattern, root.path]).output
            let expected = output.split(separator: "\n").map(String.init)
            #expect(all.filter(NotebookGlob(pattern).matches) == expected, "\(pattern)")
        }
    }
}
