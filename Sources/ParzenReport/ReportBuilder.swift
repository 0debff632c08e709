import Foundation
import ParzenFormat
import ParzenRunner

/// Reads, runs and writes one notebook at a time: `Notebook` (read) → `NotebookRun` (run)
/// → the HTML body (write).
public struct ReportBuilder: Sendable {
    public let registry: DirectiveRegistry
    public let allowOutside: Bool
    /// Render untrusted notebooks: raw HTML reduced to an allow-list, no remote images (see
    /// `HTMLRenderer.Options.safe` and docs/security.md).
    public let safe: Bool
    /// How results are cached between renders; nil computes everything and stores nothing
    /// (`--no-cache`, `parzen check`).
    public let cache: ResultCache.Policy?
    /// Told when directives start and finish computing (`parzen render`'s progress line).
    public let observer: (any RunObserver)?
    /// How many directives of a notebook may compute at once.
    public let jobs: Int
    /// The project's front-matter defaults (`defaults:` in `parzen.yml`).
    public let defaults: FrontMatterDefaults

    public init(registry: DirectiveRegistry, allowOutside: Bool, safe: Bool = false,
                defaults: FrontMatterDefaults = .none, cache: ResultCache.Policy? = nil,
                observer: (any RunObserver)? = nil, jobs: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.registry = registry
        self.allowOutside = allowOutside && !safe
        self.safe = safe
        self.defaults = defaults
        self.cache = cache
        self.observer = observer
        self.jobs = jobs
    }

    /// Builds the notebook at `path`. In check mode directives are validated but not run,
    /// and the body is still typeset so that math errors are found.
    /// `outputPath` is where the report goes in the output folder, which links to sibling
    /// notebooks are relative to (nil: the notebook's own name, ``NotebookBuild/outputFileName``).
    public func build(path: String, checkOnly: Bool, outputPath: String? = nil) -> NotebookBuild {
        switch Self.read(path) {
        case .success(let text): return build(text: text, path: path, checkOnly: checkOnly, outputPath: outputPath)
        case .failure(let problem):
            var build = NotebookBuild(path: path, frontMatter: FrontMatter(), bodyHTML: nil, headings: [],
                                      diagnostics: [problem.diagnostic], results: [])
            build.plannedOutputPath = outputPath
            return build
        }
    }

    /// Reads, runs and writes the notebook at `path` with another writer (`.ipynb`): the
    /// document is nil when the notebook cannot be read.
    public func write<Writer: NotebookWriter>(path: String, with writer: Writer)
        -> (document: Writer.Document?, diagnostics: [Diagnostic]) {
        let text: String
        switch Self.read(path) {
        case .success(let read): text = read
        case .failure(let problem): return (nil, [problem.diagnostic])
        }
        let notebook = Notebook(text: text, path: path, defaults: defaults)
        let run = self.run(notebook, checkOnly: false)
        let resources = PageResources(notebook: notebook, paths: paths(notebook))
        let (document, writeDiagnostics) = writer.write(notebook, run, resources: resources)
        let diagnostics = Diagnostic.capped((notebook.diagnostics + run.diagnostics + resources.diagnostics
            + writeDiagnostics).sorted { ($0.location, $0.severity.rank) < ($1.location, $1.severity.rank) })
        return (document, diagnostics)
    }

    private struct Unreadable: Error {
        var diagnostic: Diagnostic
    }

    private static func read(_ path: String) -> Result<String, Unreadable> {
        guard let data = FileManager.default.contents(atPath: path) else {
            let diagnostic = Diagnostic(.error, file: path, at: SourceLocation(line: 1, column: 1),
                                        "cannot read the notebook", fix: "check that it is a readable file")
            return .failure(Unreadable(diagnostic: diagnostic))
        }
        // A UTF-8 byte-order mark is not part of the text (as Foundation's reading had it).
        let bytes = data.starts(with: [0xEF, 0xBB, 0xBF]) ? [UInt8](data.dropFirst(3)) : [UInt8](data)
        guard let invalid = InvalidUTF8(in: bytes) else { return .success(String(decoding: bytes, as: UTF8.self)) }
        let diagnostic = Diagnostic(.error, file: path, at: invalid.location,
                                    "cannot read the notebook as UTF-8 text: \(invalid.byteName) here is not UTF-8",
                                    fix: "save it as UTF-8")
        return .failure(Unreadable(diagnostic: diagnostic))
    }

    /// Builds a notebook from its text; `path` names it in diagnostics and anchors its files.
    public func build(text: String, path: String, checkOnly: Bool, outputPath: String? = nil) -> NotebookBuild {
        let notebook = Notebook(text: text, path: path, defaults: defaults)
        let paths = self.paths(notebook)
        // What the page reads besides results (its bibliography, images and links) is read
        // while the directives run (one after the other with `jobs` 1): ~3 ms of a warm render's 50.
        let parts = DependencyScheduler(independentJobs: 2, width: min(2, jobs)).map { index -> PageParts in
            index == 0 ? .run(self.run(notebook, checkOnly: checkOnly))
                : .read(PageCitations(notebook: notebook, text: notebook.text, paths: paths),
                        PageResources(notebook: notebook, paths: paths, outputPath: outputPath))
        }
        guard case .run(let run) = parts[0], case .read(let citations, let resources) = parts[1] else {
            preconditionFailure("DependencyScheduler.map keeps the jobs' order")
        }
        let (body, writeDiagnostics) = HTMLNotebookWriter(registry: registry, safe: safe, citations: citations)
            .write(notebook, run, resources: resources)

        let diagnostics = Diagnostic.capped(
            (notebook.diagnostics + run.diagnostics + citations.diagnostics + resources.diagnostics
                + writeDiagnostics)
                .sorted { ($0.location, $0.severity.rank) < ($1.location, $1.severity.rank) })
        let fences = notebook.directiveFences
        let results = zip(fences, run.cells).compactMap { fence, cell -> (String, String, DirectiveResult)? in
            guard let label = fence.label, case .success(let result) = cell else { return nil }
            return (label, fence.name, result)
        }
        let timings = zip(fences, zip(run.durations, run.provenance)).map { fence, measured in
            DirectiveTiming(directive: fence.name, label: fence.label, location: fence.location,
                            duration: measured.0, provenance: measured.1)
        }
        var build = NotebookBuild(path: path, frontMatter: notebook.frontMatter,
                                  bodyHTML: checkOnly ? nil : body.html, headings: body.headings,
                                  diagnostics: diagnostics,
                                  results: results.map { (label: $0.0, directive: $0.1, result: $0.2) },
                                  timings: timings)
        build.plannedOutputPath = outputPath
        return build
    }

    /// A page's two halves that need not wait for each other.
    private enum PageParts: Sendable {
        case run(NotebookRun)
        case read(PageCitations, PageResources)
    }

    /// Where the notebook's files (data, `.bib`, images) may come from.
    private func paths(_ notebook: Notebook) -> ProjectPaths {
        ProjectPaths(notebookPath: notebook.path, allowOutside: allowOutside)
    }

    /// Runs the notebook's directives.
    public func run(_ notebook: Notebook, checkOnly: Bool) -> NotebookRun {
        let context = RunContext(file: notebook.path, paths: paths(notebook),
                                 globalSeed: notebook.frontMatter.seed, checkOnly: checkOnly)
        let cache = checkOnly ? nil : cache?.cache(forNotebook: notebook.path)
        return NotebookRunner(registry: registry, cache: cache, observer: observer, jobs: jobs)
            .run(notebook.directiveFences.map(DirectiveSource.init), in: context,
                 defaults: DirectivePresentation(notebook.frontMatter))
    }
}

/// The HTML writer: the page body and its table of contents.
public struct HTMLNotebookWriter: NotebookWriter {
    public struct Body: Sendable {
        public var html: String
        public var headings: [TableOfContentsEntry]
    }

    /// The directives, for what each fence declares (figures, derivations).
    public let registry: DirectiveRegistry
    /// Untrusted input: raw HTML reduced to an allow-list, no remote images (docs/security.md).
    public let safe: Bool
    /// The page's citations (``PageCitations``); without them citations print as written.
    public let citations: PageCitations?

    public init(registry: DirectiveRegistry, safe: Bool = false, citations: PageCitations? = nil) {
        self.registry = registry
        self.safe = safe
        self.citations = citations
    }

    public func write(_ notebook: Notebook, _ run: NotebookRun, resources: PageResources)
        -> (document: Body, diagnostics: [Diagnostic]) {
        let declarations = ReferenceDeclaration.declarations(
            in: notebook.directiveFences, registry: registry, defaultOutput: notebook.frontMatter.output)
        let writer = HTMLBodyWriter(notebook: notebook, run: run, declarations: declarations, safe: safe,
                                    citations: citations, resources: resources)
        let html = writer.render(citations?.document ?? notebook.document)
        return (Body(html: html, headings: writer.headings), writer.diagnostics)
    }
}

extension Diagnostic.Severity {
    /// Errors first when two diagnostics share a position.
    var rank: Int {
        switch self {
        case .error: 0
        case .warning: 1
        case .note: 2
        }
    }
}

extension DirectiveSource {
    /// The runner's view of a fence found by the Markdown layer.
    init(_ fence: DirectiveFence) {
        self.init(
            name: fence.name, nameLocation: fence.nameLocation, label: fence.label, labelLocation: fence.labelLocation,
            location: fence.location, body: fence.body, bodyLine: fence.bodyStart.line,
            bodyColumn: fence.bodyStart.column)
    }
}
