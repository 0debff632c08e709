import ArgumentParser
import ParzenCommandLine
import Foundation
import ParzenReport
import ParzenRunner

struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Run notebooks and write one self-contained HTML report per notebook, plus an index, "
            + "or one Jupyter notebook, LaTeX document or PDF each.",
        discussion:
            "parzen render a.md b.md -o out/ writes out/a.html, out/b.html and out/index.html. With no notebooks, "
                + "inside a project (parzen.yml here or above), it builds the project's notebooks into its output "
                + "folder, keeping their folders (docs/project.md). Reports are written atomically, also when a "
                + "notebook has errors (they appear in red boxes at their place); the exit status is then 1."
    )

    @OptionGroup var notebookOptions: NotebookOptions
    @OptionGroup var cacheOptions: CacheOptions

    @Option(name: [.short, .customLong("output")],
            help: "The folder to write the reports into. Default: the project's output, else out.")
    var output: String?

    @Option(help: ArgumentHelp("The format to write: html (a page per notebook and an index) "
                               + "ipynb (a Jupyter notebook each), latex (a .tex each) or pdf (latex run through "
                               + "pdflatex, which must be installed). Default: html."))
    var to: RenderFormat = .html

    @Option(help: "Also write every directive's results, by notebook and label, to this JSON file.")
    var json: String?

    @Option(help: "How many notebooks, and directives of a notebook, may compute at once. Default: the cores.")
    var jobs = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: """
        Print no progress line while a directive computes for long (none is printed unless standard error is a \
        terminal).
        """)
    var quiet = false

    @Flag(help: """
        Print how long each notebook and each of its directives took, and whether the directive was computed or \
        taken from the cache, on standard error.
        """)
    var timings = false

    @Option(help: ArgumentHelp("Warn about every page larger than this (e.g. 300k, 1.5MB, 300KiB) and list its "
                               + "largest parts. Default: no budget.", valueName: "size"))
    var budget: PageBudget?

    func validate() throws {
        if jobs < 1 { throw ValidationError("--jobs must be at least 1, not \(jobs).") }
        if to != .html, budget != nil {
            throw ValidationError("--budget measures HTML pages; drop it or --to \(to.rawValue).")
        }
        if to != .html, json != nil {
            throw ValidationError("--json is written with --to html only; "
                                  + "run parzen render --json once more without --to \(to.rawValue).")
        }
    }

    /// Whether `.bib` and data files may come from outside the project (never with `--safe`).
    var allowsOutside: Bool { notebookOptions.allowOutside && !notebookOptions.safe }

    func run() throws {
        let registry = StandardDirectives.registry
        switch to {
        case .html: break
        case .ipynb: return try writeDocuments(IPYNBNotebookWriter(registry: registry, allowOutside: allowsOutside),
                                               extension: "ipynb")
        case .latex: return try writeDocuments(LaTeXNotebookWriter(registry: registry, allowOutside: allowsOutside),
                                               extension: "tex")
        case .pdf: return try writePDFs()
        }
        // The templates are parsed while the notebooks are found (~1.5 ms each of a warm render).
        let templateFolder = notebookOptions.templateFolder
        let loading = BackgroundValue { try NotebookOptions.loadTemplates(from: templateFolder) }
        let plan = try notebookOptions.plan(output: output)
        let templates = try loading.get()
        let progress = ProgressLine.onTerminal(quiet: quiet)
        let cache = cacheOptions.policy()
        let builder = notebookOptions.builder(for: plan, cache: cache, observer: progress, jobs: jobs)
        // Each page's math font is cut while the other notebooks compute; the cut is kept in
        // memory by code-point set, so `site.pages()` below finds it made.
        let sheets = Site(builds: [], templates: templates, settings: plan.site, cache: cache)
        let built = builder.build(plan) { build in sheets.styleSheets(for: build) }
        progress?.finish()
        if timings {
            for (build, duration) in built { printTimings(build, total: duration) }
        }
        // Only a notebook that computed something stored entries: a warm render skips the
        // scan of the cache folder, which cost it ~5% of its time.
        cacheOptions.trim(for: built.map(\.build).filter { $0.timings.contains { $0.provenance == .computed } }
            .map(\.path))
        let builds = built.map(\.build)
        let site = Site(builds: builds, templates: templates, settings: plan.site, cache: cache)
        let pages = site.pages()
        let overBudget = budget.map { site.budgetWarnings(budget: $0.bytes, pages: pages) } ?? []
        notebookOptions.diagnostics.print(plan.diagnostics + builds.flatMap(\.diagnostics)
                                          + pages.flatMap(\.diagnostics) + overBudget)
        let folder = plan.outputDirectory as NSString
        var files = pages.map { (path: folder.appendingPathComponent($0.fileName), contents: $0.html) }
        if let sitemap = site.sitemap() { files.append((folder.appendingPathComponent("sitemap.xml"), sitemap)) }
        if let json { files.append((json, site.resultsJSON().serialized() + "\n")) }
        // Written concurrently: a rename that replaces an earlier report makes ext4 write the
        // new file's data out first (1.5–7 ms a page here), which one after another was about a
        // tenth of rendering the bundled notebooks. The first failure in page order is reported.
        let written = files
        let failures = DependencyScheduler(independentJobs: written.count, width: jobs).map { index -> String? in
            do {
                try AtomicFile.write(written[index].contents, to: written[index].path)
                return nil
            } catch {
                return error.localizedDescription
            }
        }
        if let failure = failures.compactMap({ $0 }).first {
            throw ValidationError("Cannot write the report: \(failure)")
        }
        if plan.hasErrors || builds.contains(where: \.hasErrors) { throw ExitStatus.notebookErrors }
    }
}

extension Render {
    /// `--to ipynb`/`latex`: `<name>.<extension>` per notebook in the output folder, written
    /// atomically; `finish`, when given, turns each written file into another (the PDF).
    func writeDocuments<Writer: NotebookWriter>(_ writer: Writer, extension: String,
                                                finish: ((String) throws -> Void)? = nil) throws
        where Writer.Document == String {
        let plan = try notebookOptions.plan(output: output, extension: `extension`)
        let builder = notebookOptions.builder(for: plan, cache: cacheOptions.policy(), jobs: jobs)
        notebookOptions.diagnostics.print(plan.diagnostics)
        var hasErrors = plan.hasErrors
        // Written concurrently, as HTML pages are; reported and saved in the plan's order.
        let entries = plan.entries
        let written = DependencyScheduler(independentJobs: entries.count, width: jobs).map { index in
            builder.write(path: entries[index].path, with: writer)
        }
        for (entry, (document, diagnostics)) in zip(entries, written) {
            notebookOptions.diagnostics.print(diagnostics)
            hasErrors = hasErrors || document == nil || diagnostics.contains { $0.severity == .error }
            guard let document else { continue }
            let file = (plan.outputDirectory as NSString).appendingPathComponent(entry.outputPath)
            do {
                try AtomicFile.write(document, to: file)
            } catch {
                throw ValidationError("Cannot write \(file): \(error.localizedDescription)")
            }
            try finish?(file)
        }
        cacheOptions.trim(for: plan.entries.map(\.path))
        if hasErrors { throw ExitStatus.notebookErrors }
    }

    /// `path: 123.4 ms in all`, then every directive in page order as
    /// `path:line:column: {fit} kde computed 80.1 ms` (or `cached`, or `not run`).
    func printTimings(_ build: NotebookBuild, total: Duration) {
        func milliseconds(_ d: Duration) -> String {
            let ms = Double(d.components.seconds) * 1e3 + Double(d.components.attoseconds) * 1e-15
            return String(format: "%.1f ms", ms)
        }
        var lines = ["\(build.path): \(milliseconds(total)) in all"]
        for timing in build.timings {
            let provenance = switch timing.provenance {
            case .computed: "computed"
            case .cached: "cached"
            case .notRun: "not run"
            }
            lines.append(
                "\(build.path):\(timing.location.line):\(timing.location.column): {\(timing.directive)}"
                    + "\(timing.label.map { " " + $0 } ?? "") \(provenance) \(milliseconds(timing.duration))"
            )
        }
        FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    }
}
