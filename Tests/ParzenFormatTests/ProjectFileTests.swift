import Foundation
import Testing
@testable import ParzenFormat

@Suite struct ProjectFileTests {
    func parse(_ text: String) -> (ProjectFile, [String]) {
        let (project, diagnostics) = ProjectFileParser.parse(text, file: "parzen.yml")
        return (project, diagnostics.map(\.description))
    }

    @Test func readsEveryKey() {
        let (project, diagnostics) = parse("""
        title: Generative models
        notebooks: ["*.md", "chapters/**/*.md"]
        output: ../out
        site-url: https://example.org/notes
        navigation:
          - section: Basics
            notebooks: [intro.md, chapters/kde.md]
          - section: More
            notebooks: extra.md
        defaults:
          seed: 7
          math: {macros: {R: "\\\\mathbb{R}"}}
          compat: jekyll
          authors: [Ada]
        cache:
          max-size: 250 MiB
        """)
        #expect(diagnostics == [])
        #expect(project.title == "Generative models")
        #expect(project.notebooks.map(\.text) == ["*.md", "chapters/**/*.md"])
        #expect(project.notebooks[1].location == SourceLocation(line: 2, column: 21))
        #expect(project.output?.text == "../out")
        #expect(project.siteURL == "https://example.org/notes/")
        #expect(project.navigation.map(\.title) == ["Basics", "More"])
        #expect(project.navigation.map { $0.notebooks.map(\.text) } == [["intro.md", "chapters/kde.md"], ["extra.md"]])
        #expect(project.defaults.values.seed == 7)
        #expect(project.defaults.values.mathMacros == ["R": "\\mathbb{R}"])
        #expect(project.defaults.values.compatibility == .jekyll)
        #expect(project.defaults.values.authors == [Author(name: "Ada")])
        #expect(project.cache.maxBytes == 250 * 1_048_576)
    }

    @Test func aFileWithCommentsOnlyHasEveryDefault() {
        let (project, diagnostics) = parse("# Marks the project root.\n")
        #expect(diagnostics == [])
        #expect(project.notebooks.map(\.text) == ["**/*.md"])
        #expect(project.cache.maxBytes == 1 << 30)
        #expect(project.siteURL == nil && project.title == nil && project.navigation.isEmpty)
        #expect(project.defaults == .none)
    }

    @Test func unknownKeysAreErrorsWithDidYouMeanAtTheirPosition() {
        let (_, diagnostics) = parse("""
        title: T
        notebook: "*.md"
        sitemap: yes
        cache:
          maxsize: 1 GiB
        navigation:
          - section: A
            notebooks: [a.md]
            titel: x
        defaults:
          sed: 3
        """)
        #expect(diagnostics == [
            "parzen.yml:2:1: error: unknown project-file key 'notebook'; did you mean 'notebooks'?",
            "parzen.yml:3:1: error: unknown project-file key 'sitemap'; expected one of: title, notebooks, output, "
                + "site-url, navigation, defaults, words, cache",
            "parzen.yml:5:3: error: unknown project-file key 'cache.maxsize'; did you mean 'max-size'?",
            "parzen.yml:9:5: error: unknown project-file key 'navigation.titel'; expected one of: section, notebooks",
            "parzen.yml:11:3: error: unknown project-file key 'defaults.sed'; did you mean 'seed'?",
        ])
    }

    @Test func wrongValuesAreLocatedAtTheValue() {
        let (project, diagnostics) = parse("""
        title: [a, b]
        notebooks: ["*.csv", "../elsewhere/*.md"]
        site-url: example.org
        cache: {max-size: 1024}
        defaults:
          title: Shared
          seed: many
        navigation:
          - notebooks: [a.md]
        """)
        #expect(diagnostics == [
            "parzen.yml:1:8: error: 'title' expects text, found a list; write e.g. title: Generative models",
            "parzen.yml:2:13: error: 'notebooks' glob '*.csv' does not name Markdown files; "
                + "end it in .md or .markdown, e.g. '**/*.md'",
            "parzen.yml:2:22: error: 'notebooks' entry '../elsewhere/*.md' leaves the project folder; "
                + "write a path relative to the folder of parzen.yml, without '..'",
            "parzen.yml:3:11: error: 'site-url' must be an absolute http or https URL, found 'example.org'; "
                + "write the address the output folder is published at, e.g. 'https://example.org/notes/'",
            "parzen.yml:4:19: error: cache.max-size: the size '1024' has no unit; "
                + "add one of: B, KB, MB, GB, KiB, MiB, GiB (e.g. '1024 MiB')",
            "parzen.yml:6:3: error: front-matter key 'title' cannot be a project default; "
                + "set it in each notebook's front matter; defaults may give authors, seed, math, compat, lang, echo, "
                + "output",
            "parzen.yml:7:9: error: front-matter key 'seed' expects a non-negative whole number, found the text 'many'; write e.g. seed: 42",
            "parzen.yml:9:5: error: navigation section has no 'section'; "
                + "give each section 'section: Title' and 'notebooks: [a.md, b.md]'",
        ])
        #expect(project.cache.maxBytes == 1 << 30)
        #expect(project.notebooks.isEmpty)
    }

    @Test func aProjectFileThatIsNotAMappingIsAnError() {
        #expect(parse("- a.md\n").1 == [
            "parzen.yml:1:1: error: the project file must be a mapping of keys to values, found a list; "
                + "write it as 'title: My notes'",
        ])
        #expect(parse("title: [\n").1.first?.hasPrefix("parzen.yml:") == true)
    }

    // MARK: Defaults

    @Test func defaultsFillInWhatANotebookDoesNotWrite() throws {
        let (project, _) = parse("defaults: {seed: 7, authors: [Ada], math: {macros: {R: 'A', N: 'B'}}, compat: jekyll}")
        let own = Notebook(text: "---\nseed: 3\nmath: {macros: {N: 'C'}}\n---\n", path: "a.md", defaults: project.defaults)
        #expect(own.frontMatter.seed == 3)
        #expect(own.frontMatter.authors == [Author(name: "Ada")])
        #expect(own.frontMatter.mathMacros == ["R": "A", "N": "C"])
        #expect(own.frontMatter.compatibility == .jekyll)
        let bare = Notebook(text: "# x\n", path: "b.md", defaults: project.defaults)
        #expect(bare.frontMatter.seed == 7)
        let standard = Notebook(text: "---\ncompat: standard\n---\n", path: "c.md", defaults: project.defaults)
        #expect(standard.frontMatter.compatibility == .standard)
    }

    @Test func languageIsAFrontMatterKeyAndADefault() {
        let (project, diagnostics) = parse("defaults: {lang: de-CH}\n")
        #expect(diagnostics == [])
        #expect(Notebook(text: "# x\n", path: "a.md", defaults: project.defaults).frontMatter.language == "de-CH")
        let own = Notebook(text: "---\nlang: pt-BR\n---\n", path: "b.md", defaults: project.defaults)
        #expect(own.frontMatter.language == "pt-BR")
        for bad in ["english please", "e", "en_US", "en--US", "123"] {
            let notebook = Notebook(text: "---\nlang: \(bad)\n---\n", path: "c.md")
            #expect(notebook.frontMatter.language == nil)
            #expect(notebook.diagnostics.map(\.description) == [
                "c.md:2:7: error: front-matter key 'lang' expects a language tag, found '\(bad)'; "
                    + "write one such as 'en', 'de' or 'pt-BR'",
            ])
        }
    }

    // MARK: Files

    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("parzen-project-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.resolvingSymlinksInPath()
    }

    static func write(_ files: [String: String], in root: URL) throws {
        for (name, text) in files {
            let url = root.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
    }

    /// Every regular file under `root`, relative and sorted (hidden ones included).
    static func walk(_ root: URL) -> [String] {
        let prefix = root.resolvingSymlinksInPath().path + "/"
        let walker = FileManager.default.enumerator(at: root.resolvingSymlinksInPath(), includingPropertiesForKeys: nil)
        return (walker?.allObjects as? [URL] ?? []).filter { !$0.hasDirectoryPath }
            .map { String($0.resolvingSymlinksInPath().path.dropFirst(prefix.count)) }
            .filter { !$0.isEmpty }.sorted()
    }

    @Test func notebookPathsFollowTheGlobsInOrderWithoutTheOutputFolder() throws {
        let root = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try Self.write([
            "parzen.yml": "notebooks: [intro.md, '**/*.md', 'drafts/*.md']\noutput: site\n",
            "intro.md": "", "b.md": "", "a/c.md": "", "a/b/d.md": "", "site/old.md": "", ".parzen/x.md": "",
            "notes.txt": "",
        ], in: root)
        let (project, readDiagnostics) = ProjectFile.read(path: root.appendingPathComponent("parzen.yml").path)
        #expect(readDiagnostics.isEmpty)
        let (paths, diagnostics) = project.notebookPaths()
        #expect(paths == ["intro.md", "a/b/d.md", "a/c.md", "b.md"])
        #expect(diagnostics.map(\.text) == ["'notebooks' glob 'drafts/*.md' matches no file; "
                                                + "check the glob against the folders beside parzen.yml"])
        #expect(diagnostics.first?.location == SourceLocation(line: 1, column: 34))
    }

    @Test func aProjectWithoutNotebooksIsAnError() throws {
        let root = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try Self.write(["parzen.yml": "title: Empty\n"], in: root)
        let (project, _) = ProjectFile.read(path: root.appendingPathComponent("parzen.yml").path)
        let (paths, diagnostics) = project.notebookPaths()
        #expect(paths.isEmpty)
        #expect(diagnostics.contains { $0.severity == .error && $0.message == "the project has no notebooks" })
    }

    @Test func locateFindsTheNearestProjectFileUpward() throws {
        let root = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try Self.write(["parzen.yml": "", "a/parzen.yml": "", "a/b/c/x.md": "", "d/e/x.md": ""], in: root)
        #expect(ProjectFile.locate(from: root.appendingPathComponent("a/b/c").path) == root.path + "/a/parzen.yml")
        #expect(ProjectFile.locate(from: root.appendingPathComponent("d/e").path) == root.path + "/parzen.yml")
        #expect(ProjectFile.locate(from: root.path) == root.path + "/parzen.yml")
        let project = ProjectFile(path: root.path + "/a/parzen.yml")
        #expect(project.cacheDirectory == root.path + "/a/.parzen/cache")
        #expect(project.outputDirectory == root.path + "/a/out")
    }

    @Test func locateStopsAtARepositoryRoot() throws {
        let root = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        // A parzen.yml above a checkout (folder .git) or a worktree (file .git) is not its project.
        try Self.write(["parzen.yml": "", "repo/.git/HEAD": "", "repo/src/x.md": "", "tree/.git": "gitdir: x\n",
                        "tree/y.md": ""], in: root)
        #expect(ProjectFile.locate(from: root.appendingPathComponent("repo/src").path) == nil)
        #expect(ProjectFile.locate(from: root.appendingPathComponent("tree").path) == nil)
        try Self.write(["repo/parzen.yml": ""], in: root)
        #expect(ProjectFile.locate(from: root.appendingPathComponent("repo/src").path) == root.path + "/repo/parzen.yml")
    }

    @Test func locateStopsAtTheFileSystemRoot() {
        // The temporary folder's parents hold no parzen.yml on a test machine.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("parzen-none-\(UUID().uuidString)")
        #expect(ProjectFile.locate(from: folder.path) == nil)
    }
}
