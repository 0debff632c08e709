import Foundation
import ParzenFormat
import ParzenRunner

/// The pages rendered together: one per notebook and an index. Series links are completed
/// here because they need the other notebooks' titles.
public struct Site: Sendable {
    public var builds: [NotebookBuild]
    public let templates: Templates

    public init(builds: [NotebookBuild], templates: Templates) {
        self.builds = builds
        self.templates = templates
    }

    /// A file to write into the output folder.
    public struct Page: Sendable {
        public var fileName: String
        public var html: String
    }

    /// Every notebook's page, then `index.html`.
    public func pages() -> [Page] {
        builds.map { Page(fileName: $0.outputFileName, html: page(for: $0)) } + [
            Page(fileName: "index.html", html: index())
        ]
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
            return resolve(link)
        }
        guard let series = build.frontMatter.series else { return nil }
        let members = seriesMembers(series.name)
        guard let index = members.firstIndex(where: { $0.path == build.path }),
              members.indices.contains(index + offset) else { return nil }
        let other = members[index + offset]
        return NeighbourLink(href: other.outputFileName, title: other.title)
    }

    /// A front-matter link: to a notebook (`x.md` → `x.html`, titled from that notebook when
    /// it is rendered too) or to any other URL.
    func resolve(_ link: PageLink) -> NeighbourLink {
        let isNotebook = link.target.hasSuffix(".md") || link.target.hasSuffix(".markdown")
        let href = isNotebook ? NotebookBuild.outputFileName(for: link.target) : link.target
        let other = builds.first { $0.outputFileName == href }
        return NeighbourLink(href: href, title: link.title ?? other?.title ?? link.target)
    }

    // MARK: Pages

    func page(for build: NotebookBuild) -> String {
        let frontMatter = build.frontMatter
        let previous = neighbour(of: build, offset: -1)
        let next = neighbour(of: build, offset: +1)
        let errorCount = build.diagnostics.filter { $0.severity == .error }.count
        // Absent values are left out of the context (Mustache would print "nil" for them).
        var context: [String: Any] = [
            "title": build.title,
            "authors": frontMatter.authors.map { ["name": $0.name, "affiliations": $0.affiliations] },
            "hasByline": !frontMatter.authors.isEmpty || frontMatter.date != nil,
            "hasSeriesLinks": previous != nil || next != nil,
            "toc": Self.tableOfContents(build.headings),
            "hasToc": build.headings.count >= 2,
            "hasErrors": errorCount > 0,
            "errorCount": errorCount,
            "body": build.bodyHTML ?? "",
            "css": templates.css(includingMath: build.bodyHTML?.contains("<math") ?? false),
            "sourceName": (build.path as NSString).lastPathComponent,
        ]
        context["description"] = frontMatter.description
        context["date"] = frontMatter.date
        context["series"] = frontMatter.series.map { series -> [String: Any] in
            var entry: [String: Any] = ["name": series.name]
            entry["order"] = series.order
            return entry
        }
        context["previous"] = previous.map { ["href": $0.href, "title": $0.title] }
        context["next"] = next.map { ["href": $0.href, "title": $0.title] }
        return templates.page.render(context)
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

    /// The index: notebooks grouped by series (series by name, members in reading order),
    /// then the notebooks that belong to no series.
    func index() -> String {
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
            if !seriesNames.isEmpty { group["name"] = "Other notebooks" }
            groups.append(group)
        }
        let title = seriesNames.count == 1 ? seriesNames[0] : "Notebooks"
        return templates.index.render(
            ["title": title, "groups": groups, "css": templates.css(includingMath: false)] as [String: Any])
    }

    private func indexEntry(_ build: NotebookBuild) -> [String: Any] {
        var entry: [String: Any] = ["href": build.outputFileName, "title": build.title]
        entry["description"] = build.frontMatter.description
        return entry
    }

    // MARK: Results

    /// Every notebook's results and diagnostics as JSON (keys documented in docs/notebook-format.md).
    public func resultsJSON() -> JSONValue {
        .object([("notebooks", .array(builds.map { build in
            .object([
                ("source", .string(build.path)),
                ("report", .string(build.outputFileName)),
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
