import Foundation
import ParzenFormat
import ParzenMarkup

/// What one `parzen render` (or `check`) works on: the notebooks, the file each writes, the
/// output folder, the project's front-matter defaults and site settings.
///
/// With no notebook arguments the project (the nearest `parzen.yml` at or above the current
/// folder) is built: its `notebooks:` globs in order. Named notebooks use the project that holds
/// the first of them, if any. Inside a project the output keeps the source layout
/// (`a/intro.md` → `a/intro.html`, relative to the project folder); outside one every report
/// is named after its notebook alone. Either way two notebooks never write one file: the
/// second is left out with an error naming both. A notebook whose report is `index.html`
/// is the site's index, and no index is generated (docs/project.md).
public struct RenderPlan: Sendable {
    /// A notebook to build and the report it writes.
    public struct Entry: Sendable, Equatable {
        /// The notebook's path for opening it and for messages (relative to the current folder
        /// when the project was searched from it).
        public var path: String
        /// The report's path inside the output folder.
        public var outputPath: String

        public init(path: String, outputPath: String) {
            self.path = path
            self.outputPath = outputPath
        }
    }

    /// Why nothing can be built.
    public enum Problem: Error, Equatable {
        /// No notebook was named and no `parzen.yml` was found from `folder`.
        case noProject(folder: String)
    }

    public var project: ProjectFile?
    /// `parzen.yml` as messages name it (relative to the current folder).
    public var projectFileName: String?
    public var entries: [Entry]
    /// Where to write: `-o`, else the project's `output`, else `out`.
    public var outputDirectory: String
    public var site: SiteSettings
    /// Problems in `parzen.yml`, and reports two notebooks would both write.
    public var diagnostics: [Diagnostic]

    /// The project's front-matter defaults, for the ``ReportBuilder``.
    public var defaults: FrontMatterDefaults { project?.defaults ?? .none }

    /// True when a diagnostic of the plan is an error (the command then exits 1).
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// True when `parzen.yml` has errors: nothing should be built then.
    public var projectHasErrors: Bool {
        diagnostics.contains { $0.severity == .error && $0.file == projectFileName }
    }

    /// - Parameters:
    ///   - notebooks: the notebooks named on the command line (none: the project's).
    ///   - output: `-o`, if given.
    ///   - extension: the reports' extension (`html`, `ipynb`, `tex`).
    ///   - safe: untrusted input: a project's `output` must stay inside the project folder.
    public init(notebooks: [String], output: String?, extension: String = "html", safe: Bool = false,
                currentDirectory: String = FileManager.default.currentDirectoryPath) throws(Problem) {
        let here = URL(fileURLWithPath: currentDirectory, isDirectory: true).standardizedFileURL.path
        func absolute(_ path: String) -> String {
            URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: here, isDirectory: true))
                .standardizedFileURL.path
        }
        var diagnostics: [Diagnostic] = []
        var project: ProjectFile?
        let start = notebooks.first.map { (absolute($0) as NSString).deletingLastPathComponent } ?? here
        // Files are read by absolute path (the current folder may not be the process's);
        // messages name them relative to the current folder, as the user sees them.
        var projectFileName: String?
        if let file = ProjectFile.locate(from: start) {
            let (read, readDiagnostics) = ProjectFile.read(path: file)
            let name = RelativePath.file(file, relativeTo: here)
            project = read
            projectFileName = name
            diagnostics += Self.renamed(readDiagnostics, to: name)
        } else if notebooks.isEmpty {
            throw .noProject(folder: here)
        }
        var paths = notebooks
        if let project, notebooks.isEmpty, !diagnostics.contains(where: { $0.severity == .error }) {
            let (found, globDiagnostics) = project.notebookPaths()
            diagnostics += Self.renamed(globDiagnostics, to: projectFileName ?? project.path)
            paths = found.map {
                RelativePath.file((project.directory as NSString).appendingPathComponent($0), relativeTo: here)
            }
        }
        let root = project.map { absolute($0.directory) }
        // The path inside the project folder, if the notebook is in it.
        func inProject(_ path: String) -> String? {
            guard let root else { return nil }
            let full = absolute(path)
            return full.hasPrefix(root + "/") ? String(full.dropFirst(root.count + 1)) : nil
        }
        var entries: [Entry] = []
        var writers: [String: String] = [:]  // output path, lowercased → the notebook writing it
        var sources: [String: String] = [:]  // path in the project → output path
        for path in paths {
            let relative = inProject(path)
            let outputPath = Self.reportPath(for: relative ?? (path as NSString).lastPathComponent,
                                             extension: `extension`)
            // Lowercased: on the case-insensitive file systems of macOS and Windows `A.html`
            // and `a.html` are one file.
            if let other = writers[outputPath.lowercased()] {
                if absolute(other) == absolute(path) { continue }
                diagnostics.append(Diagnostic(.error, file: path, at: SourceLocation(line: 1, column: 1),
                    "this notebook and '\(other)' would both write '\(outputPath)', so it is not rendered",
                                              fix: "rename one of the two notebooks"))
                continue
            }
            writers[outputPath.lowercased()] = path
            if let relative { sources[relative] = outputPath }
            entries.append(Entry(path: path, outputPath: outputPath))
        }
        if let project, safe, output == nil, let written = project.output,
           !absolute(project.outputDirectory).hasPrefix((root ?? "") + "/") {
            diagnostics.append(Diagnostic(.error, file: projectFileName ?? project.path, at: written.location,
                "with --safe the output folder must be inside the project folder, and '\(written.text)' is not",
                                          fix: "pass -o to choose the output folder yourself"))
        }
        self.project = project
        self.projectFileName = projectFileName
        self.entries = entries
        self.outputDirectory = output
            ?? project.map { RelativePath.file(absolute($0.outputDirectory), relativeTo: here) } ?? "out"
        self.diagnostics = diagnostics
        self.site = .none
        if let project {
            site = SiteSettings(title: project.title, siteURL: project.siteURL,
                                sections: navigation(of: project, sources: sources, buildsAll: notebooks.isEmpty),
                                words: WordTable(language: project.defaults.values.language,
                                                 overrides: project.defaults.words))
        }
    }

    /// `diagnostics` about `parzen.yml`, naming it `name`.
    private static func renamed(_ diagnostics: [Diagnostic], to name: String) -> [Diagnostic] {
        diagnostics.map { diagnostic in
            var renamed = diagnostic
            renamed.file = name
            return renamed
        }
    }

    /// `a/intro.md` → `a/intro.html`.
    static func reportPath(for path: String, extension: String) -> String {
        var stem = Substring(path)
        for suffix in [".md", ".markdown"] where stem.hasSuffix(suffix) {
            stem = stem.dropLast(suffix.count)
        }
        return stem + "." + `extension`
    }

    /// The project's navigation by output path: its sections, else one list of every notebook.
    /// An entry that names no notebook of the project is an error (with a did-you-mean); one
    /// that is merely not part of this build (notebooks named on the command line) is left out.
    private mutating func navigation(of project: ProjectFile, sources: [String: String],
                                     buildsAll: Bool) -> [SiteSettings.Section] {
        guard !project.navigation.isEmpty else {
            return [SiteSettings.Section(title: nil, pages: entries.map(\.outputPath))]
        }
        let known = buildsAll ? Array(sources.keys).sorted() : project.notebookPaths().paths
        return project.navigation.map { section in
            let pages = section.notebooks.compactMap { written -> String? in
                let path = written.text.hasPrefix("./") ? String(written.text.dropFirst(2)) : written.text
                if let page = sources[path] { return page }
                if !known.contains(path) {
                    diagnostics.append(Diagnostic(
                        .error, file: projectFileName ?? project.path, at: written.location,
                        "navigation entry '\(written.text)' is not a notebook of the project",
                                                  fix: Suggestion.didYouMean(path, among: known)
                                                      ?? "name a notebook matched by 'notebooks:'"))
                }
                return nil
            }
            return SiteSettings.Section(title: section.title, pages: pages)
        }
    }
}
