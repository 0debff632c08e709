import ArgumentParser
import Foundation
import ParzenReport
import ParzenRunner

struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run notebooks and write one self-contained HTML report per notebook, plus an index, "
            + "or one Jupyter notebook, LaTeX document or PDF each.",
        discussion:
            "parzen render a.md b.md -o out/ writes out/a.html, out/b.html and out/index.html. Reports are written "
                + "atomically, also when a notebook has errors (they appear in red boxes at their place); the exit "
                + "status is then 1."
    )

    @OptionGroup var notebookOptions: NotebookOptions
    @OptionGroup var cacheOptions: CacheOptions

    @Option(name: [.short, .customLong("output")], help: "The folder to write the reports into. Default: out.")
    var output = "out"

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

    func validate() throws {
        if jobs < 1 { throw ValidationError("--jobs must be at least 1, not \(jobs).") }
        if to != .html, json != nil {
            throw ValidationError("--json is written with --to html only; "
                                  + "run parzen render --json once more without --to \(to.rawValue).")
        }
    }

    func run() throws {
        switch to {
        case .html: break
        case .ipynb: return try writeDocuments(IPYNBNotebookWriter(registry: StandardDirectives.registry),
                                               extension: "ipynb")
        case .latex: return try writeDocuments(LaTeXNotebookWriter(registry: StandardDirectives.registry),
                                               extension: "tex")
        case .pdf: return try writePDFs()
        }
        let templates = try notebookOptions.loadTemplates()
        let progress = ProgressLine.onTerminal(quiet: quiet)
        let builder = ReportBuilder(registry: StandardDirectives.registry, allowOutside: notebookOptions.allowOutside,
                                    safe: notebookOptions.safe, cache: cacheOptions.policy(), observer: progress,
                                    jobs: jobs)
        let clock = ContinuousClock()
        let timed = notebookOptions.notebooks.concurrentMap(width: jobs) { path in
            let start = clock.now
            let build = builder.build(path: path, checkOnly: false)
            return (build: build, duration: clock.now - start)
        }
        progress?.finish()
        let builds = timed.map(\.build)
        if timings {
            for (build, duration) in timed { printTimings(build, total: duration) }
        }
        cacheOptions.trim(for: notebookOptions.notebooks)
        let site = Site(builds: builds, templates: templates)
        notebookOptions.diagnostics.print(builds.flatMap(\.diagnostics))
        do {
            for page in site.pages() {
                try AtomicFile.write(page.html, to: (output as NSString).appendingPathComponent(page.fileName))
            }
            if let json {
                try AtomicFile.write(site.resultsJSON().serialized() + "\n", to: json)
            }
        } catch {
            throw ValidationError("Cannot write the report: \(error.localizedDescription)")
        }
        if builds.contains(where: \.hasErrors) { throw ExitStatus.notebookErrors }
    }
}

extension Render {
    /// `--to ipynb`/`latex`: `<name>.<extension>` per notebook in the output folder, written
    /// atomically; `finish`, when given, turns each written file into another (the PDF).
    func writeDocuments<Writer: NotebookWriter>(_ writer: Writer, extension: String,
                                                finish: ((String) throws -> Void)? = nil) throws
        where Writer.Document == String {
        let builder = ReportBuilder(registry: StandardDirectives.registry, allowOutside: notebookOptions.allowOutside,
                                    safe: notebookOptions.safe, cache: cacheOptions.policy())
        var hasErrors = false
        for path in notebookOptions.notebooks {
            let (document, diagnostics) = builder.write(path: path, with: writer)
            notebookOptions.diagnostics.print(diagnostics)
            hasErrors = hasErrors || document == nil || diagnostics.contains { $0.severity == .error }
            guard let document else { continue }
            let name = NotebookBuild.outputFileName(for: path, extension: `extension`)
            let file = (output as NSString).appendingPathComponent(name)
            do {
                try AtomicFile.write(document, to: file)
            } catch {
                throw ValidationError("Cannot write \(file): \(error.localizedDescription)")
            }
            try finish?(file)
        }
        cacheOptions.trim(for: notebookOptions.notebooks)
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
