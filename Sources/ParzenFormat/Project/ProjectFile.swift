import Foundation

/// `parzen.yml`, the project file: it marks the project folder (paths in notebooks may not
/// leave it) and says how `parzen render` with no notebook arguments builds the site.
///
/// ```yaml
/// title: Generative models
/// notebooks: ["*.md", "chapters/**/*.md"]   # globs, in order (default: **/*.md)
/// output: ../out                             # relative to this file (default: out)
/// site-url: https://example.org/notes/       # sitemap.xml, canonical and Open Graph links
/// navigation:
///   - section: Basics
///     notebooks: [intro.md, chapters/kde.md]
/// defaults: {seed: 7, lang: de, math: {macros: {R: "\\mathbb{R}"}}}
/// words: {Figure: Abb.}                      # the report's own words (``Word``), per project
/// cache: {max-size: 1 GiB}
/// ```
///
/// A file with comments only is a valid project with every default (docs/project.md).
public struct ProjectFile: Sendable, Equatable {
    /// The name the file must have.
    public static let fileName = "parzen.yml"
    /// Every top-level key, for did-you-mean.
    public static let knownKeys = ["title", "notebooks", "output", "site-url", "navigation", "defaults", "words",
                                   "cache"]
    /// `notebooks:` when it is not given: every Markdown file of the project.
    public static let defaultNotebookGlobs = ["**/*.md"]
    /// `output:` when it is not given, relative to the project folder.
    public static let defaultOutput = "out"

    /// The file's path, as found or given (diagnostics name it).
    public var path: String
    /// `title:`, the site's name in every page's navigation and on the index.
    public var title: String?
    /// `notebooks:`, globs relative to the project folder, in build order.
    public var notebooks: [LocatedText]
    /// `output:`, the folder to write into, relative to the project folder.
    public var output: LocatedText?
    /// `site-url:`, an absolute http(s) URL ending in `/`, under which the output folder is
    /// published.
    public var siteURL: String?
    /// `navigation:`, the sections of the site navigation; empty: one list of every notebook.
    public var navigation: [NavigationSection] = []
    /// `defaults:`, front-matter values for every notebook, and `words:` (``FrontMatterDefaults/words``).
    public var defaults: FrontMatterDefaults = .none
    /// `cache:`.
    public var cache = CacheSettings()

    /// A project file with every default.
    public init(path: String) {
        self.path = path
        self.notebooks = Self.defaultNotebookGlobs.map { LocatedText($0, at: SourceLocation(line: 1, column: 1)) }
    }

    /// The folder holding the file: notebook globs, `output` and navigation paths are relative to it.
    public var directory: String {
        let folder = (path as NSString).deletingLastPathComponent
        return folder.isEmpty ? "." : folder
    }

    /// `.parzen/cache/` beside the project file, where results are cached between builds.
    public var cacheDirectory: String {
        ((directory as NSString).appendingPathComponent(".parzen") as NSString).appendingPathComponent("cache")
    }

    /// The output folder: `output:` resolved against the project folder, else `out` in it.
    public var outputDirectory: String {
        let written = output?.text ?? Self.defaultOutput
        if written.hasPrefix("/") { return written }
        return URL(fileURLWithPath: directory, isDirectory: true).appendingPathComponent(written)
            .standardizedFileURL.path
    }

    /// Reads and checks the project file at `path`; diagnostics are located in it.
    public static func read(path: String) -> (ProjectFile, [Diagnostic]) {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            return (ProjectFile(path: path), [
                Diagnostic(.error, file: path, at: SourceLocation(line: 1, column: 1),
                           "cannot read the project file as UTF-8 text", fix: "save it as UTF-8")
            ])
        }
        return ProjectFileParser.parse(text, file: path)
    }

    /// The nearest `parzen.yml` at or above `directory` (absolute path), or nil. The search
    /// stops at the file system's root and at a folder holding `.git` (a folder, or the file a
    /// worktree or submodule has): a project never spans repositories, and a stray
    /// `parzen.yml` in a home folder does not capture every checkout below it.
    public static func locate(from directory: String) -> String? {
        let files = FileManager.default
        var folder = URL(fileURLWithPath: directory, isDirectory: true).standardizedFileURL
        while true {
            let candidate = folder.appendingPathComponent(fileName).path
            var isFolder: ObjCBool = false
            if files.fileExists(atPath: candidate, isDirectory: &isFolder), !isFolder.boolValue { return candidate }
            if files.fileExists(atPath: folder.appendingPathComponent(".git").path) { return nil }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { return nil }
            folder = parent
        }
    }
}
