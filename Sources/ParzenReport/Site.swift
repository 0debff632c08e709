import Foundation
import ParzenFormat
import ParzenMarkup
import ParzenRunner

/// The pages rendered together: one per notebook and an index. Series links, navigation and
/// breadcrumbs are completed here because they need the other notebooks' titles; every link
/// between pages is relative (``RelativePath``).
public struct Site: Sendable {
    public var builds: [NotebookBuild]
    public let templates: Templates
    /// The project's title, site URL and navigation (``SiteSettings/none`` outside a project).
    public let settings: SiteSettings
    /// Where pages' math font subsets are cached: each notebook's result cache folder
    /// (``ResultCache/folder(forNotebook:)``); nil makes them anew and stores nothing (`--no-cache`).
    public let cache: ResultCache.Policy?

    public init(builds: [NotebookBuild], templates: Templates, settings: SiteSettings = .none,
                cache: ResultCache.Policy? = nil) {
        self.builds = builds
        self.templates = templates
        self.settings = settings
        self.cache = cache
    }

    /// A file to write into the output folder.
    public struct Page: Sendable {
        /// The path inside the output folder (`a/intro.html`).
        public var fileName: String
        public var html: String
        /// Warnings about the page's cached parts (its math font), at the notebook's first line.
        public var diagnostics: [Diagnostic] = []
    }

    /// The index's path; an author's notebook that writes it is the index.
    static let indexPath = "index.html"

    /// Whether the index is generated: not when a notebook writes `index.html` itself.
    var generatesIndex: Bool {
        !builds.contains { $0.outputPath.lowercased() == Self.indexPath }
    }

    /// Every notebook's page, then the generated `index.html` (unless a notebook is the index).
    /// The pages are made on every core: each is a template filled from its own build.
    public func pages() -> [Page] {
        DependencyScheduler(independentJobs: builds.count).map { page(for: builds[$0]) }
            + (generatesIndex ? [Page(fileName: Self.indexPath, html: index())] : [])
    }

    // MARK: Series

    /// A link to a neighbouring page, as the template shows it.
    struct NeighbourLink {
        var href: String
        var title: String
    }

    /// Notebooks of one series in reading order: by `order`, then by title.
    func seriesMembers(_ name: String) -> [NotebookBuild] {
        builds.filter { $0.frontMatter.series?.name == name }
            .sorted {
                ($0.frontMatter.series?.order ?? .max, $0.title) < ($1.frontMatter.series?.order ?? .max, $1.title)
            }
    }

    /// The explicit `previous`/`next` link, else the neighbour in the series.
    func neighbour(of build: NotebookBuild, offset: Int) -> NeighbourLink? {
        if let link = offset < 0 ? build.frontMatter.previous : build.frontMatter.next {
            return resolve(link, of: build)
        }
        guard let series = build.frontMatter.series else { return nil }
        let members = seriesMembers(series.name)
        guard let index = members.firstIndex(where: { $0.path == build.path }),
              members.indices.contains(index + offset) else { return nil }
        let other = members[index + offset]
        return NeighbourLink(href: RelativePath.href(from: build.outputPath, to: other.outputPath), title: other.title)
    }

    /// A front-matter link of `build`: to a notebook (`x.md`, relative to `build`'s notebook;
    /// linked to its report and titled from it when it is rendered too) or to any other URL.
    func resolve(_ link: PageLink, of build: NotebookBuild) -> NeighbourLink {
        guard link.target.hasSuffix(".md") || link.target.hasSuffix(".markdown") else {
            return NeighbourLink(href: link.target, title: link.title ?? link.target)
        }
        let folder = URL(fileURLWithPath: build.path).deletingLastPathComponent()
        let source = folder.appendingPathComponent(link.target).standardizedFileURL.path
        // Where its report is: inside a project the output mirrors the sources, so the written
        // path carries over; outside one every report sits beside the others.
        let report = settings.hasNavigation
            ? RelativePath.resolve(RenderPlan.reportPath(for: link.target, extension: "html"), from: build.outputPath)
            : NotebookBuild.outputFileName(for: link.target)
        let other = builds.first { URL(fileURLWithPath: $0.path).standardizedFileURL.path == source }
            ?? builds.first { $0.outputPath == report }
        return NeighbourLink(href: RelativePath.href(from: build.outputPath, to: other?.outputPath ?? report),
                             title: link.title ?? other?.title ?? link.target)
    }

    // MARK: Pages

    /// The style sheets `build`'s page inlines, its math font cut to the page's characters (or
    /// taken from the notebook's cache), with what went wrong with the cache entry, if anything.
    /// Cuts are kept in memory by code-point set: `parzen render` makes each as soon as its
    /// notebook is built, while others still compute, and `pages()` finds it made.
    @discardableResult
    public func styleSheets(for build: NotebookBuild) -> (css: String, cacheProblem: (message: String, fix: String)?) {
        let cache = cache.map { ResultCache(folder: ResultCache.folder(forNotebook: build.path), mode: $0.mode) }
        return templates.css(forPageBody: build.bodyHTML ?? "", cache: cache)
    }

    func page(for build: NotebookBuild) -> Page {
        let (css, cacheProblem) = styleSheets(for: build)
        let frontMatter = build.frontMatter
        let previous = neighbour(of: build, offset: -1)
        let next = neighbour(of: build, offset: +1)
        let errorCount = build.diagnostics.filter { $0.severity == .error }.count
        let words = frontMatter.words
        // The notebook as it sits in the project: its report's folder, its own file name.
        let sourceName = ((build.outputPath as NSString).deletingLastPathComponent as NSString)
            .appendingPathComponent((build.path as NSString).lastPathComponent)
        // Absent values are left out of the context (Mustache would print "nil" for them).
        var context: [String: Any] = [
            "title": build.title,
            "lang": words.language,
            "words": words.byName,
            "problems": words.phrase(.problems, ["count": String(errorCount)]),
            "renderedFrom": WordTable.fill(Escaping.text(words[.renderedFrom]),
                                           ["source": "<code>" + Escaping.text(sourceName) + "</code>"]),
            "authors": frontMatter.authors.map { ["name": $0.name, "affiliations": $0.affiliations] },
            "hasByline": !frontMatter.authors.isEmpty || frontMatter.date != nil,
            "hasSeriesLinks": previous != nil || next != nil,
            "toc": Self.tableOfContents(build.headings),
            "hasToc": build.headings.count >= 2,
            "hasErrors": errorCount > 0,
            "errorCount": errorCount,
            "body": build.bodyHTML ?? "",
            "css": css,
        ]
        context["description"] = frontMatter.description
        context["date"] = frontMatter.date.map(words.date)
        context["dateISO"] = frontMatter.date.flatMap { ISODate($0) == nil ? nil : $0 }
        context["series"] = frontMatter.series.map { series -> [String: Any] in
            var entry: [String: Any] = ["name": series.name]
            entry["order"] = series.order
            return entry
        }
        context["previous"] = previous.map { ["href": $0.href, "title": $0.title] }
        context["next"] = next.map { ["href": $0.href, "title": $0.title] }
        context.merge(siteContext(for: build.outputPath)) { _, site in site }
        context.merge(navigationContext(for: build)) { _, navigation in navigation }
        let diagnostics = cacheProblem.map {
            [Diagnostic(.warning, file: build.path, at: SourceLocation(line: 1, column: 1), $0.message, fix: $0.fix)]
        }
        return Page(fileName: build.outputPath, html: templates.page.render(context), diagnostics: diagnostics ?? [])
    }

    /// Headings as a two-level list: the shallowest level present at the top, deeper headings
    /// nested under the top-level heading before them (a deeper heading before any top-level
    /// one stands at the top itself), so the numbering of the top level has no gaps.
    static func tableOfContents(_ headings: [TableOfContentsEntry]) -> [[String: Any]] {
        guard let top = headings.map(\.level).min() else { return [] }
        var entries: [[String: Any]] = []
        var children: [[String: Any]] = []
        func closeEntry() {
            guard !entries.isEmpty, !children.isEmpty else { return }
            entries[entries.count - 1]["children"] = children
            entries[entries.count - 1]["hasChildren"] = true
            children = []
        }
        for heading in headings {
            let item: [String: Any] = ["html": heading.html, "id": heading.id]
            if heading.level == top || entries.isEmpty {
                closeEntry()
                entries.append(item)
            } else {
                children.append(item)
            }
        }
        closeEntry()
        return entries
    }

    /// The index: notebooks grouped by navigation section, else by series (series by name,
    /// members in reading order) and then the notebooks that belong to no series.
    func index() -> String {
        var context: [String: Any] = ["title": siteTitle, "lang": settings.words.language,
                                      "groups": indexGroups(),
                                      "css": templates.css(includingMath: false)]
        context.merge(siteContext(for: Self.indexPath)) { _, site in site }
        return templates.index.render(context)
    }

    /// The index's groups: the project's navigation sections when it names them (notebooks in
    /// none follow as settings.words[.otherNotebooks]), else the series.
    private func indexGroups() -> [[String: Any]] {
        guard settings.sections.contains(where: { $0.title != nil }) else { return seriesGroups() }
        let byPath = Dictionary(builds.map { ($0.outputPath, $0) }, uniquingKeysWith: { first, _ in first })
        var groups: [[String: Any]] = settings.sections.map { section in
            var group: [String: Any] = ["pages": section.pages.compactMap { byPath[$0] }.map(indexEntry)]
            group["name"] = section.title
            return group
        }
        let listed = Set(settings.sections.flatMap(\.pages))
        let other = builds.filter { !listed.contains($0.outputPath) }
        if !other.isEmpty { groups.append(["name": settings.words[.otherNotebooks], "pages": other.map(indexEntry)]) }
        return groups
    }

    /// By series (by name, members in reading order), then the notebooks in no series.
    private func seriesGroups() -> [[String: Any]] {
        let seriesNames = Array(Set(builds.compactMap { $0.frontMatter.series?.name })).sorted()
        // With a single series the page title is its name; the group needs no heading of its own.
        var groups: [[String: Any]] = seriesNames.map { name in
            var group: [String: Any] = ["pages": seriesMembers(name).map(indexEntry)]
            if seriesNames.count > 1 { group["name"] = name }
            return group
        }
        let loose = builds.filter { $0.frontMatter.series == nil }
        if !loose.isEmpty {
            var group: [String: Any] = ["pages": loose.map(indexEntry)]
            if !seriesNames.isEmpty { group["name"] = settings.words[.otherNotebooks] }
            groups.append(group)
        }
        return groups
    }

    /// The site's name: the project's `title`, else the name of its only series, else "Notebooks".
    var siteTitle: String {
        if let title = settings.title { return title }
        let seriesNames = Set(builds.compactMap { $0.frontMatter.series?.name })
        return seriesNames.count == 1 ? seriesNames.first! : settings.words[.notebooks]
    }

    private func indexEntry(_ build: NotebookBuild) -> [String: Any] {
        var entry: [String: Any] = ["href": RelativePath.urlEncoded(build.outputPath), "title": build.title]
        entry["description"] = build.frontMatter.description
        return entry
    }

    // MARK: Results

    /// Every notebook's results and diagnostics as JSON (keys documented in docs/notebook-format.md).
    public func resultsJSON() -> JSONValue {
        .object([("notebooks", .array(builds.map { build in
            .object([
                ("source", .string(build.path)),
                ("report", .string(build.outputPath)),
                ("title", .string(build.title)),
                ("results", .object(build.results.map { entry in
                    (entry.label, .object([
                        ("directive", .string(entry.directive)),
                        ("kind", .string(entry.result.kind.rawValue)),
                        ("values", .object(entry.result.values.entries.map { ($0.key, $0.value.json) })),
                    ]))
                })),
                ("diagnostics", .array(build.diagnostics.map(\.json))),
            ])
        }))])
    }
}
