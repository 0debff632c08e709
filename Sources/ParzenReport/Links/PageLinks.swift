import Foundation
import ParzenFormat
import ParzenHTML
import ParzenMarkup
import ParzenRunner

/// The page's links to files of the project, checked and rewritten before it is written: a
/// link to a sibling notebook (`[part 1](part-1.md)`, `part-1.md#the-model`) points to that
/// notebook's report (`part-1.html#the-model`, or `.ipynb`, `.pdf` for the other writers) where
/// ``RenderPlan`` puts it — the source layout inside a project, every report side by side
/// outside one — and a link to a notebook or other local file that does not exist is a warning
/// at the link, as is a `#section` that is no heading of that notebook. Front-matter
/// `next:`/`previous:` naming a missing notebook is a warning too.
///
/// URLs with a scheme (`https:`, `mailto:`), protocol-relative ones and `#fragment` links are
/// left as written. A link to another local file (`data/iris.csv`) keeps its path: the report
/// links to where the file is beside the notebook, which is right when the output folder is the
/// notebook's folder and is for the author to copy otherwise.
public struct PageLinks: Sendable {
    /// The report a link points to, by where the link (`[`) starts: its path in the output
    /// folder without the extension, and the `#fragment`.
    private let targets: [SourceLocation: (report: String, fragment: String)]
    /// This page's report in the output folder (its folder is what links are relative to).
    private let here: String
    /// Links to files that do not exist, at the link.
    public let diagnostics: [Diagnostic]

    /// No links rewritten: what a writer uses when it was given none.
    static let none = PageLinks(targets: [:], here: "", diagnostics: [])

    private init(targets: [SourceLocation: (report: String, fragment: String)], here: String,
                 diagnostics: [Diagnostic]) {
        self.targets = targets
        self.here = here
        self.diagnostics = diagnostics
    }

    /// The URL of the link at `location` when it names a sibling notebook: its report with the
    /// writer's `extension` (`html`, `ipynb`, `pdf`), relative to this page, with the fragment.
    func destination(at location: SourceLocation, extension: String) -> String? {
        targets[location].map { RelativePath.href(from: here, to: $0.report + "." + `extension`) + $0.fragment }
    }

    /// - Parameters:
    ///   - outputPath: this notebook's report inside the output folder, when a plan placed it;
    ///     otherwise where ``RenderPlan`` would.
    ///   - source: the notebook's text, to place warnings at the paths as written.
    init(notebook: Notebook, paths: ProjectPaths, outputPath: String?, source text: ProseSource) {
        let layout = Layout(paths: paths)
        let here = outputPath ?? layout.report(for: (paths.notebookFolder as NSString)
            .appendingPathComponent((notebook.path as NSString).lastPathComponent))
        var targets: [SourceLocation: (report: String, fragment: String)] = [:]
        var diagnostics: [Diagnostic] = []
        // The heading ids of each linked notebook, read once however often it is linked to.
        var sections: [String: [String]] = [:]
        func warn(_ message: String, at location: SourceLocation, fix: String) {
            diagnostics.append(Diagnostic(.warning, file: notebook.path, at: location, message, fix: fix))
        }
        for inline in notebook.document.allInlines {
            guard case .link(let destination, _, _) = inline.kind,
                  let target = LocalTarget(destination), !URLSafety.runsScript(destination) else { continue }
            let (resolved, exists) = layout.locate(target.path)
            guard exists else {
                // At the path where it is written that way, else at the link's `[`.
                let at = text.destination(destination, ofLinkAt: inline.location) ?? inline.location
                warn("the link to '\(destination)' leads nowhere: \(resolved) does not exist", at: at,
                     fix: layout.fix(for: target.path))
                continue
            }
            guard target.isNotebook else { continue }
            targets[inline.location] = (layout.report(for: resolved), target.fragment)
            if let section = Self.sectionID(target.fragment) {
                if sections[resolved] == nil { sections[resolved] = Self.headingIDs(ofNotebookAt: resolved) }
                let ids = sections[resolved] ?? []
                if !ids.contains(section) {
                    let at = text.destination(destination, ofLinkAt: inline.location) ?? inline.location
                    warn("the link to '\(destination)' names no section of '\(target.path)'", at: at,
                         fix: Suggestion.didYouMean(section, among: ids).map { "\($0) (a heading's id)" }
                             ?? "link to one of its headings: " + ids.map { "#" + $0 }.joined(separator: ", "))
                }
            }
        }
        for (key, link) in [("previous", notebook.frontMatter.previous), ("next", notebook.frontMatter.next)] {
            guard let link, let target = LocalTarget(link.target), target.isNotebook,
                  !layout.locate(target.path).exists else { continue }
            warn("'\(key):' names the notebook '\(link.target)', which does not exist",
                 at: link.location ?? SourceLocation(line: 1, column: 1), fix: layout.fix(for: target.path))
        }
        self.targets = targets
        self.here = here
        self.diagnostics = diagnostics
    }

    /// The heading id a `#fragment` names; nil for none, and for the ids Parzen gives figures,
    /// tables, equations, footnotes and references (`figure-…`, `table-…`, `eqn-…`, `fn-…`,
    /// `ref-…`), which the notebook's headings alone cannot confirm.
    private static func sectionID(_ fragment: String) -> String? {
        let id = String(fragment.dropFirst())
        let generated = ["figure-", "table-", "eqn-", "fn-", "fnref-", "ref-", "references"]
        guard !id.isEmpty, !generated.contains(where: id.hasPrefix) else { return nil }
        return id.removingPercentEncoding ?? id
    }

    /// The ids the headings of the notebook at `path` get on its page, as its HTML writer slugs
    /// them, and the `:name:`s of its admonitions (ids too).
    private static func headingIDs(ofNotebookAt path: String) -> [String] {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        let document = Notebook(text: String(decoding: data, as: UTF8.self), path: path).document
        let headings = HTMLRenderer(options: .init(headingIDs: true, safe: true)).render(document).headings
        return headings.map(\.id) + document.allBlocks.compactMap {
            if case .admonition(let admonition) = $0.kind { admonition.name } else { nil }
        }
    }

    /// A link's destination when it names a local file: the path (percent-decoded) and the
    /// `#fragment` after it (with its `#`, empty when none).
    private struct LocalTarget {
        var path: String
        var fragment: String

        init?(_ destination: String) {
            // `https:`, `mailto:` … : a scheme is a letter, then letters, digits, `+`, `-`, `.`.
            let scheme = destination.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
            let hasScheme = scheme.first?.isLetter == true && destination.dropFirst(scheme.count).first == ":"
            guard !hasScheme, !PageImages.isRemote(destination), !destination.hasPrefix("#") else { return nil }
            let hash = destination.firstIndex(of: "#") ?? destination.endIndex
            let query = destination[..<hash].firstIndex(of: "?") ?? hash
            let written = String(destination[..<query])
            guard !written.isEmpty else { return nil }
            path = written.removingPercentEncoding ?? written
            fragment = String(destination[hash...])
        }

        var isNotebook: Bool { path.hasSuffix(".md") || path.hasSuffix(".markdown") }
    }

    /// Where reports go: ``RenderPlan``'s rule, from the notebook's project.
    private struct Layout {
        let paths: ProjectPaths
        /// The project folder, nil outside a project (then every report sits in the output root).
        let project: String?

        init(paths: ProjectPaths) {
            self.paths = paths
            project = paths.isProject ? paths.root : nil
        }

        /// `written` resolved as the project's paths are (relative to the notebook's folder,
        /// symlinks followed), and whether it exists. A link may leave the project: it reads
        /// nothing, so only whether its target is there matters.
        func locate(_ written: String) -> (path: String, exists: Bool) {
            switch paths.resolve(written) {
            case .success(let resolved): (resolved, true)
            case .failure(.missing(let resolved)): (resolved, false)
            case .failure(.outsideProject(let resolved, _)):
                (resolved, FileManager.default.fileExists(atPath: resolved))
            }
        }

        /// The report of the notebook at `resolved` inside the output folder, without extension.
        func report(for resolved: String) -> String {
            let inside = project.flatMap { root in
                resolved.hasPrefix(root + "/") ? String(resolved.dropFirst(root.count + 1)) : nil
            }
            return String(RenderPlan.reportPath(for: inside ?? (resolved as NSString).lastPathComponent,
                                                extension: "").dropLast())
        }

        /// A did-you-mean among the files of the folder `written` points into.
        func fix(for written: String) -> String {
            let folder = (locate(written).path as NSString).deletingLastPathComponent
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            let prefix = written.contains("/") ? (written as NSString).deletingLastPathComponent + "/" : ""
            if let suggestion = Suggestion.didYouMean(written, among: names.sorted().map { prefix + $0 }) {
                return suggestion
            }
            return "paths are relative to the notebook's folder; check the spelling"
        }
    }
}
