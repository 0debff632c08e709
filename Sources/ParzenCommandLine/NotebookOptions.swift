import ArgumentParser
import Foundation
import ParzenReport
import ParzenRunner

/// Options shared by the commands that read notebooks.
public struct NotebookOptions: ParsableArguments {
    @Argument(help: """
        The notebooks (Markdown files) to process. Default: the project's, from the parzen.yml in this folder \
        or the nearest one above it.
        """)
    public var notebooks: [String] = []

    @Option(help: "How to print diagnostics on standard error: text (path:line:column: …) or json. Default: text.")
    public var diagnostics: DiagnosticsFormat = .text

    @Flag(help: """
        Allow notebooks to read files outside their project folder (the nearest folder with parzen.yml, \
        else the notebook's folder).
        """)
    public var allowOutside = false

    @Flag(help: """
        Render untrusted notebooks safely: raw HTML reduced to an allow-list, no remote images, \
        no files outside the project (see docs/security.md).
        """)
    public var safe = false

    @Option(help: """
        The folder with page.mustache, index.mustache and *.css to use instead of the built-in templates. \
        Default: $PARZEN_TEMPLATES if set, else the built-in ones.
        """)
    public var templates: String?

    public init() {}

    public func validate() throws {
        if safe && allowOutside {
            throw ValidationError("--safe keeps notebooks inside their project, so it cannot be combined with "
                                  + "--allow-outside. Please drop one of them.")
        }
        for path in notebooks where !FileManager.default.isReadableFile(atPath: path) {
            throw ValidationError("Cannot read the notebook '\(path)'. Please check the path.")
        }
    }

    /// The notebooks to build and where their reports go: those named, else the project's
    /// (``RenderPlan``). Problems in `parzen.yml` are printed; errors there stop the command.
    public func plan(output: String?, extension: String = "html", notebooks named: [String]? = nil) throws
        -> RenderPlan {
        let plan: RenderPlan
        do {
            plan = try RenderPlan(notebooks: named ?? notebooks, output: output, extension: `extension`, safe: safe)
        } catch .noProject(let folder) {
            throw ValidationError("No notebooks named, and no parzen.yml in \(folder) or above it. "
                                  + "Please name the notebooks, or run parzen inside a project.")
        }
        if plan.projectHasErrors {
            diagnostics.print(plan.diagnostics)
            throw ExitStatus.notebookErrors
        }
        return plan
    }

    /// A report builder with the project's front-matter defaults.
    public func builder(for plan: RenderPlan, cache: ResultCache.Policy? = nil, observer: (any RunObserver)? = nil,
                 jobs: Int = ProcessInfo.processInfo.activeProcessorCount) -> ReportBuilder {
        ReportBuilder(registry: StandardDirectives.registry, allowOutside: allowOutside, safe: safe,
                      defaults: plan.defaults, cache: cache, observer: observer, jobs: jobs)
    }

    /// Loads the templates: the folder given, else the ones compiled into the binary — never a
    /// folder found from the current directory, which an untrusted project could supply.
    public func loadTemplates() throws -> Templates {
        try Self.loadTemplates(from: templateFolder)
    }

    /// `--templates`, else `PARZEN_TEMPLATES`; nil for the bundled templates.
    public var templateFolder: String? {
        templates ?? ProcessInfo.processInfo.environment["PARZEN_TEMPLATES"]
    }

    /// The templates in `folder`, or the bundled ones.
    public static func loadTemplates(from folder: String?) throws -> Templates {
        do {
            if let folder { return try Templates(folder: folder) }
            return try Templates.bundled()
        } catch {
            throw ValidationError("\(error)")
        }
    }
}
