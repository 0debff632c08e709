import ParzenFormat
import ParzenRunner

/// One notebook after it was read, run and rendered: everything a page, the index and the
/// JSON results need.
public struct NotebookBuild: Sendable {
    /// The notebook's path as the user gave it.
    public var path: String
    public var frontMatter: FrontMatter
    /// The rendered body (HTML), nil in check mode.
    public var bodyHTML: String?
    /// The table of contents: headings of level 1–3 with their anchors.
    public var headings: [TableOfContentsEntry]
    /// Every diagnostic for this notebook, in order of position.
    public var diagnostics: [Diagnostic]
    /// Directive results in document order, by label.
    public var results: [(label: String, directive: String, result: DirectiveResult)]
    /// How long each directive took to run, in document order.
    public var timings: [DirectiveTiming] = []

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// The report's file name: the notebook's name with `.html`.
    public var outputFileName: String { Self.outputFileName(for: path) }

    /// The report's path inside the output folder: where ``RenderPlan`` put it (the source
    /// layout inside a project), else ``outputFileName``.
    public var outputPath: String {
        get { plannedOutputPath ?? outputFileName }
        set { plannedOutputPath = newValue }
    }
    var plannedOutputPath: String?

    /// `notebooks/a-linear-model.md` → `a-linear-model.html`.
    public static func outputFileName(for path: String, extension: String = "html") -> String {
        var name = Substring(path.split(separator: "/").last ?? Substring(path))
        for suffix in [".md", ".markdown"] where name.hasSuffix(suffix) {
            name = name.dropLast(suffix.count)
        }
        return name + "." + `extension`
    }

    /// The page title: the front matter's, else the file name.
    public var title: String {
        frontMatter.title ?? String(outputFileName.dropLast(5))
    }
}

/// A heading in the table of contents.
public struct TableOfContentsEntry: Sendable {
    public var level: Int
    /// The heading's content as HTML (it may contain math or emphasis).
    public var html: String
    public var id: String

    public init(level: Int, html: String, id: String) {
        self.level = level
        self.html = html
        self.id = id
    }
}

/// The running time of one directive.
public struct DirectiveTiming: Sendable {
    public var directive: String
    public var label: String?
    public var location: SourceLocation
    public var duration: Duration
    /// Computed, taken from the cache, or not run.
    public var provenance: NotebookRunner.Provenance
}
