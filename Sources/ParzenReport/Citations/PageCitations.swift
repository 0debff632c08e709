import Foundation
import ParzenCitations
import ParzenFormat
import ParzenMarkup
import ParzenRunner

/// A page's citations, read before it is written: the `.bib` files its front matter names
/// (read once per notebook), the citation style, the document with each citation turned into a
/// `{cite}` role, and the processor that formats them and the reference list.
public struct PageCitations: Sendable {
    /// The document to write: the notebook's, with citations as `{cite}` roles.
    let document: MarkdownDocument
    /// Every citation by where it starts.
    let citations: [SourceLocation: Citation]
    let processor: CitationProcessor
    /// Where `bibliography:` stands (formulas in titles report their errors there).
    let bibliographyLocation: SourceLocation
    /// `.bib` problems (at the `.bib` file's line and column), front-matter problems and
    /// unknown keys (at their position in the notebook).
    public let diagnostics: [Diagnostic]

    /// Whether the page has a reference list to write.
    var hasReferences: Bool { !processor.references.isEmpty }
    /// Whether the front matter names `.bib` files.
    let namesBibliography: Bool

    /// - Parameters:
    ///   - text: the notebook's text, for the positions cmark's escapes hide (`\@`).
    ///   - paths: where `.bib` files may come from (relative to the notebook, inside the project).
    public init(notebook: Notebook, text: String, paths: ProjectPaths) {
        let frontMatter = notebook.frontMatter
        let file = notebook.path
        namesBibliography = !frontMatter.bibliography.isEmpty
        var diagnostics: [Diagnostic] = []
        var style = CitationStyle.authorYear
        if let written = frontMatter.citationStyle {
            if let named = CitationStyle(named: written.text) {
                style = named
            } else {
                diagnostics.append(Diagnostic(
                    .error, file: file, at: written.location,
                        "unknown citation style '\(written.text)'",
                        fix: Suggestion.fix(for: written.text, among: CitationStyle.names)))
            }
        }
        let (files, unreadable) = Self.readFiles(frontMatter.bibliography, notebook: file, paths: paths)
        let (database, bibDiagnostics) = BibDatabase.parse(files: files)

        var rewriter = CitationRewriter(notebookText: text, readsNarrative: !frontMatter.bibliography.isEmpty)
        document = rewriter.rewrite(notebook.document)
        let found = rewriter.found
        citations = Dictionary(found.map { ($0.location, $0.citation) }, uniquingKeysWith: { first, _ in first })
        processor = CitationProcessor(database: database, style: style, citations: found.map(\.citation))
        bibliographyLocation = frontMatter.bibliography.first?.location ?? SourceLocation(line: 1, column: 1)

        // A file that cannot be read loses citations only when something is cited.
        diagnostics += unreadable.map { problem in
            var problem = problem
            if found.isEmpty { problem.severity = .warning }
            return problem
        }
        diagnostics += bibDiagnostics
        if frontMatter.bibliography.isEmpty {
            diagnostics += found.map { found in
                Diagnostic(.error, file: file, at: found.keyLocations.first ?? found.location,
                    "citation of '\(found.citation.items.first?.key ?? "")' but the front matter names no bibliography",
                           fix: "add 'bibliography: refs.bib' (a .bib file next to the notebook) to the front matter")
            }
        } else if unreadable.isEmpty {
            for found in found {
                let unknown = found.citation.unknownKeys(in: database)
                for key in unknown {
                    let index = found.citation.items.firstIndex { $0.keyRange == key.keyRange } ?? 0
                    diagnostics.append(key.diagnostic(file: file, at: found.keyLocations[index]))
                }
            }
        }
        self.diagnostics = diagnostics
    }

    /// The `.bib` files' texts, named as the user would find them (relative to where the
    /// notebook was named from), and a diagnostic for each that cannot be read.
    private static func readFiles(
        _ written: [LocatedText], notebook: String, paths: ProjectPaths
    ) -> (files: [(name: String, contents: String)], problems: [Diagnostic]) {
        var files: [(name: String, contents: String)] = []
        var problems: [Diagnostic] = []
        let folder = (notebook as NSString).deletingLastPathComponent
        for path in written {
            let name = path.text.hasPrefix("/") || folder.isEmpty ? path.text : folder + "/" + path.text
            switch paths.resolve(path.text) {
            case .success(let resolved):
                if let contents = try? String(contentsOfFile: resolved, encoding: .utf8) {
                    files.append((name, contents))
                } else {
                    problems.append(Diagnostic(.error, file: notebook, at: path.location,
                                               "cannot read the bibliography '\(path.text)' as UTF-8 text",
                                               fix: "save it as UTF-8"))
                }
            case .failure(.missing(let resolved)):
                problems.append(Diagnostic(.error, file: notebook, at: path.location,
                                           "bibliography '\(path.text)' not found (looked for \(resolved))",
                                           fix: "paths are relative to the notebook's folder"))
            case .failure(.outsideProject(_, let root)):
                problems.append(Diagnostic(.error, file: notebook, at: path.location,
                                           "bibliography '\(path.text)' leaves the project folder \(root)",
                                           fix: "move the file into the project, or run with --allow-outside"))
            }
        }
        return (files, problems)
    }
}
