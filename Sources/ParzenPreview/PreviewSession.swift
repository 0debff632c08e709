import Foundation
import ParzenFormat
import ParzenReport

/// The notebooks being previewed and the pages served for them.
///
/// Rendering is full for now: a changed notebook is read, run and written again, the others
/// keep their builds. Every page is then re-templated (cheap, and needed: series links and the
/// index carry the other notebooks' titles). When the result cache lands, it plugs in below
/// ``build(_:)``, which is the only place a notebook is run.
///
/// A notebook whose latest build has errors keeps serving its last good build, with an
/// ``ErrorOverlay`` listing the new diagnostics; with no good build yet, the failing build
/// itself is shown (its errors in place) under the overlay.
///
/// ``renderAll()`` and ``rerender(_:templatesChanged:)`` must not run concurrently with each
/// other (the preview loop calls them one after another); ``page(named:)`` may be called from
/// any thread at any time and never waits for a render.
public final class PreviewSession: @unchecked Sendable {
    /// The notebooks as the user named them (or the project lists them), in index order.
    public let notebooks: [String]
    public let builder: ReportBuilder
    /// Each notebook's page, where `parzen render` would write it in the output folder
    /// (`part-1/intro.html` in a project that keeps folders): served at that path, so that the
    /// links between pages work as they do in the rendered site.
    private let outputPaths: [String: String]
    /// The project's title and navigation, as `parzen render` templates them.
    private let site: SiteSettings
    /// The templates folder given with `--templates`, watched for changes; nil for the built-in ones.
    public let templatesFolder: String?

    private var templates: Templates
    /// Why the templates folder could not be reloaded; the old templates stay in use meanwhile.
    private var templateProblem: Diagnostic?
    private var latest: [String: NotebookBuild] = [:]
    private var lastGood: [String: NotebookBuild] = [:]
    /// Guards `pages`, the only state that request handlers read.
    private let lock = NSLock()
    private var pages: [String: PreviewPage] = [:]

    /// What one render did.
    public struct Outcome: Sendable {
        /// The notebooks that were run again.
        public var rebuilt: [String]
        /// The file names of their pages (for the reload announcements).
        public var pageNames: [String]
        /// The diagnostics of those notebooks (and of the templates, if they failed to load).
        public var diagnostics: [Diagnostic]
        public var duration: Duration
    }

    /// Starts a session for the notebooks of `plan` (as `parzen render` would write them) with
    /// `templates` (loaded by the caller, so that a missing or broken folder is a usage error
    /// before anything is served). Nothing is rendered yet.
    public init(plan: RenderPlan, builder: ReportBuilder, templates: Templates, templatesFolder: String?) {
        notebooks = plan.entries.map(\.path)
        outputPaths = Dictionary(plan.entries.map { ($0.path, $0.outputPath) }) { first, _ in first }
        site = plan.site
        self.builder = builder
        self.templates = templates
        self.templatesFolder = templatesFolder
    }

    /// The page served as `fileName` (`index.html` for the index), with the reload script.
    public func page(named fileName: String) -> PreviewPage? {
        lock.withLock { pages[fileName] }
    }

    /// Every notebook's input files (absolute paths), the notebook itself first.
    public func inputs() -> [String: [String]] {
        Dictionary(uniqueKeysWithValues: notebooks.map { notebook in
            (notebook, [NotebookInputs.absolute(notebook)]
                + NotebookInputs.files(readBy: notebook, registry: builder.registry))
        })
    }

    /// Renders every notebook.
    public func renderAll() -> Outcome {
        rerender(notebooks, templatesChanged: false)
    }

    /// Renders `changed` (notebooks of this session) again and, when `templatesChanged`,
    /// reloads the templates folder first.
    public func rerender(_ changed: [String], templatesChanged: Bool) -> Outcome {
        let start = ContinuousClock.now
        if templatesChanged, let folder = templatesFolder { reloadTemplates(from: folder) }
        var diagnostics: [Diagnostic] = templateProblem.map { [$0] } ?? []
        for notebook in changed {
            let build = build(notebook)
            latest[notebook] = build
            if !build.hasErrors { lastGood[notebook] = build }
            diagnostics += build.diagnostics
        }
        publish()
        return Outcome(rebuilt: changed, pageNames: changed.map(outputPath(of:)),
                       diagnostics: diagnostics, duration: ContinuousClock.now - start)
    }

    /// Reads, runs and writes one notebook (the seam for the result cache).
    private func build(_ notebook: String) -> NotebookBuild {
        builder.build(path: notebook, checkOnly: false, outputPath: outputPath(of: notebook))
    }

    private func outputPath(of notebook: String) -> String {
        outputPaths[notebook] ?? NotebookBuild.outputFileName(for: notebook)
    }

    private func reloadTemplates(from folder: String) {
        do {
            templates = try Templates(folder: folder)
            templateProblem = nil
        } catch {
            templateProblem = Diagnostic(.error, file: folder, at: SourceLocation(line: 1, column: 1), "\(error)",
                                         fix: "fix the template; the previous templates are used meanwhile")
        }
    }

    /// Templates every page from the builds to show and swaps them in at once.
    private func publish() {
        let rendered = notebooks.compactMap { notebook in latest[notebook].map { (notebook, $0) } }
        let shown = rendered.map { notebook, build in lastGood[notebook] ?? build }
        let sitePages = Site(builds: shown, templates: templates, settings: site).pages()
        var fresh: [String: PreviewPage] = [:]
        for (index, page) in sitePages.enumerated() {
            let overlay = index < rendered.count ? overlay(for: rendered[index].1, shown: shown[index])
                : templateProblem.map { ErrorOverlay(diagnostics: [$0], showsLastGoodPage: true) }
            fresh[page.fileName] = PreviewPage(fileName: page.fileName, renderedHTML: page.html, overlay: overlay)
        }
        lock.withLock { pages = fresh }
    }

    /// The overlay for a notebook whose latest build is `latest` while `shown` is served.
    private func overlay(for latest: NotebookBuild, shown: NotebookBuild) -> ErrorOverlay? {
        let problems = (templateProblem.map { [$0] } ?? []) + (latest.hasErrors ? latest.diagnostics : [])
        guard !problems.isEmpty else { return nil }
        return ErrorOverlay(diagnostics: problems, showsLastGoodPage: !shown.hasErrors)
    }
}
