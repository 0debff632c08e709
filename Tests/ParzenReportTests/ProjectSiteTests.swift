import Foundation
import ParzenFormat
import ParzenReport
import ParzenRunner
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A project in a real temporary folder: `parzen.yml`, notebooks in folders, built through
/// ``RenderPlan`` and ``Site`` as `parzen render` does.
struct TemporaryProject {
    let root: URL

    init(_ files: [String: String]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("parzen-site-\(UUID().uuidString)")
            .resolvingSymlinksInPath()
        for (name, text) in files {
            let url = root.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
    }

    func plan(_ notebooks: [String] = [], from folder: String = "", output: String? = nil) throws -> RenderPlan {
        try RenderPlan(notebooks: notebooks, output: output, currentDirectory: root.appendingPathComponent(folder).path)
    }

    /// Every page by output path (and `sitemap.xml`), built from the plan.
    func pages(_ plan: RenderPlan) throws -> [String: String] {
        let builder = ReportBuilder(registry: testRegistry, allowOutside: false, defaults: plan.defaults)
        let builds = plan.entries.map { entry in
            var build = builder.build(path: root.appendingPathComponent(entry.path).path, checkOnly: false)
            build.outputPath = entry.outputPath
            return build
        }
        let site = Site(builds: builds, templates: try Templates(folder: Repository.templates), settings: plan.site)
        var pages = Dictionary(uniqueKeysWithValues: site.pages().map { ($0.fileName, $0.html) })
        pages["sitemap.xml"] = site.sitemap()
        return pages
    }
}

@Suite struct ProjectSiteTests {
    static let nested: [String: String] = [
        "parzen.yml": """
            title: Course notes
            site-url: https://example.org/course
            notebooks: [intro.md, "part/**/*.md"]
            navigation:
              - section: Start
                notebooks: [intro.md]
              - section: Parts
                notebooks: [part/index.md, part/one.md, part/deep/two.md]
            defaults: {seed: 5, lang: en-GB}
            """,
        "intro.md": "---\ntitle: Intro & welcome\ndescription: \"Where to start <here>\"\ndate: 2026-11-30\n"
            + "next: part/one.md\n---\nHello\n",
        "part/index.md": "---\ntitle: The parts\n---\n",
        "part/one.md": "---\ntitle: Part one\nseries: {name: S, order: 1}\n---\n",
        "part/deep/two.md": "---\ntitle: Part two\nseries: {name: S, order: 2}\ndate: 30 November\n---\n",
    ]

    // MARK: Layout

    @Test func theOutputKeepsTheSourceLayout() throws {
        let project = try TemporaryProject(Self.nested)
        let plan = try project.plan()
        #expect(plan.diagnostics == [])
        #expect(plan.entries.map(\.path) == ["intro.md", "part/deep/two.md", "part/index.md", "part/one.md"])
        #expect(plan.entries.map(\.outputPath) == ["intro.html", "part/deep/two.html", "part/index.html", "part/one.html"])
        #expect(plan.outputDirectory == "out")
        #expect(plan.defaults.values.seed == 5)
        // Run from a subfolder: the same project, paths relative to where parzen runs.
        let fromBelow = try project.plan(from: "part/deep")
        #expect(fromBelow.entries.map(\.path) == ["../../intro.md", "two.md", "../index.md", "../one.md"])
        #expect(fromBelow.outputDirectory == "../../out")
        #expect(fromBelow.entries.map(\.outputPath) == plan.entries.map(\.outputPath))
    }

    @Test func twoNotebooksForOneReportIsAnErrorNamingBoth() throws {
        let project = try TemporaryProject(["parzen.yml": "", "a/x.md": "", "a/x.markdown": "", "B.md": "", "b.md": ""])
        let plan = try project.plan(["a/x.md", "a/x.markdown", "B.md", "b.md"])
        #expect(plan.entries.map(\.outputPath) == ["a/x.html", "B.html"])
        #expect(plan.diagnostics.map(\.description) == [
            "a/x.markdown:1:1: error: this notebook and 'a/x.md' would both write 'a/x.html', so it is not rendered; "
                + "rename one of the two notebooks",
            "b.md:1:1: error: this notebook and 'B.md' would both write 'b.html', so it is not rendered; "
                + "rename one of the two notebooks",
        ])
        #expect(plan.hasErrors && !plan.projectHasErrors)
    }

    @Test func outsideAProjectReportsSitBesideEachOtherAndStillNeverCollide() throws {
        let folder = try TemporaryProject(["x/a.md": "", "y/a.md": "", ".git/HEAD": ""])
        let plan = try folder.plan(["x/a.md", "y/a.md"])
        #expect(plan.project == nil)
        #expect(plan.entries.map(\.outputPath) == ["a.html"])
        #expect(plan.diagnostics.map(\.message) == ["this notebook and 'x/a.md' would both write 'a.html', so it is not rendered"])
        #expect(plan.site == .none)
        #expect(throws: RenderPlan.Problem.noProject(folder: folder.root.path)) { try folder.plan() }
    }

    @Test func anAuthorsIndexIsTheIndex() throws {
        let project = try TemporaryProject(["parzen.yml": "", "index.md": "---\ntitle: Home\n---\nMine.\n", "a.md": ""])
        let pages = try project.pages(try project.plan())
        #expect(Set(pages.keys) == ["a.html", "index.html"])
        #expect(pages["index.html"]!.contains("Mine."))
    }

    @Test func navigationEntriesMustNameNotebooksOfTheProject() throws {
        let project = try TemporaryProject([
            "parzen.yml": "navigation:\n  - section: A\n    notebooks: [intro.md, intoduction.md]\n",
            "intro.md": "", "introduction.md": "",
        ])
        let plan = try project.plan()
        #expect(plan.diagnostics.map(\.description) == [
            "parzen.yml:3:27: error: navigation entry 'intoduction.md' is not a notebook of the project; "
                + "did you mean 'introduction.md'?",
        ])
        #expect(plan.site.sections == [SiteSettings.Section(title: "A", pages: ["intro.html"])])
    }

    @Test func withSafeTheProjectsOutputMustStayInTheProject() throws {
        let project = try TemporaryProject(["parzen.yml": "output: ../../elsewhere\n", "a.md": ""])
        let safe = try RenderPlan(notebooks: [], output: nil, safe: true, currentDirectory: project.root.path)
        #expect(safe.projectHasErrors)
        #expect(safe.diagnostics.map(\.description) == [
            "parzen.yml:1:9: error: with --safe the output folder must be inside the project folder, and "
                + "'../../elsewhere' is not; pass -o to choose the output folder yourself",
        ])
        let chosen = try RenderPlan(notebooks: [], output: "out", safe: true, currentDirectory: project.root.path)
        #expect(!chosen.hasErrors)
        #expect(!(try project.plan()).hasErrors)
    }

    @Test func errorsInTheProjectFileStopTheBuild() throws {
        let project = try TemporaryProject(["parzen.yml": "notebook: '*.md'\n", "a.md": ""])
        let plan = try project.plan()
        #expect(plan.projectHasErrors)
        #expect(plan.entries.isEmpty)
    }

    @Test func theParallelBuildEqualsASequentialOne() throws {
        let project = try TemporaryProject(Self.nested)
        let plan = try project.plan()
        let builder = ReportBuilder(registry: testRegistry, allowOutside: false, defaults: plan.defaults)
        // The plan's paths are relative to the project folder; run from a copy with absolute paths.
        var absolute = plan
        absolute.entries = plan.entries.map {
            RenderPlan.Entry(path: project.root.appendingPathComponent($0.path).path, outputPath: $0.outputPath)
        }
        let parallel = builder.build(absolute).map(\.build)
        #expect(parallel.map(\.outputPath) == plan.entries.map(\.outputPath))
        let sequential = absolute.entries.map { builder.build(path: $0.path, checkOnly: false) }
        #expect(parallel.map(\.bodyHTML) == sequential.map(\.bodyHTML))
        #expect(parallel.map(\.diagnostics) == sequential.map(\.diagnostics))
    }

    // MARK: Pages

    @Test func navigationBreadcrumbsAndSeriesLinksAreRelative() throws {
        let project = try TemporaryProject(Self.nested)
        let pages = try project.pages(try project.plan())
        #expect(Set(pages.keys) == ["index.html", "intro.html", "part/index.html", "part/one.html",
                                    "part/deep/two.html", "sitemap.xml"])
        let two = pages["part/deep/two.html"]!
        #expect(two.contains("<ol><li><a href=\"../../index.html\">Course notes</a></li>"
                             + "<li><a href=\"../index.html\">The parts</a></li><li>deep</li>"
                             + "<li aria-current=\"page\">Part two</li></ol>"))
        #expect(two.contains("<li><a href=\"../../intro.html\">Intro &amp; welcome</a></li>"))
        #expect(two.contains("<li><a href=\"two.html\" aria-current=\"page\">Part two</a></li>"))
        #expect(two.contains("<a class=\"previous\" rel=\"prev\" href=\"../one.html\"><span class=\"series-direction\">← Previous</span> Part one</a>"))
        let one = pages["part/one.html"]!
        #expect(one.contains("<a class=\"next\" rel=\"next\" href=\"deep/two.html\"><span class=\"series-direction\">Next →</span> Part two</a>"))
        let intro = pages["intro.html"]!
        #expect(intro.contains("href=\"part/one.html\"><span class=\"series-direction\">Next →</span> Part one</a>"))
        #expect(!intro.contains("class=\"breadcrumbs\"") || intro.contains("<li aria-current=\"page\">Intro"))
        #expect(!pages["index.html"]!.contains("class=\"breadcrumbs\""))
    }

    @Test func theIndexFollowsTheNavigationSections() throws {
        var files = Self.nested
        files["part/extra.md"] = "---\ntitle: Unlisted\n---\n"
        let project = try TemporaryProject(files)
        let index = try project.pages(try project.plan())["index.html"]!
        let order = ["<h2>Start</h2>", "Intro &amp; welcome", "<h2>Parts</h2>", "The parts", "Part one", "Part two",
                     "<h2>Other notebooks</h2>", "Unlisted"].map { index.range(of: $0)?.lowerBound }
        #expect(!order.contains(nil))
        #expect(order.compactMap { $0 } == order.compactMap { $0 }.sorted())
        #expect(index.contains("<a href=\"part/deep/two.html\">Part two</a>"))
    }

    @Test func headMetaHasGeneratorCanonicalAndOpenGraph() throws {
        let project = try TemporaryProject(Self.nested)
        let pages = try project.pages(try project.plan())
        let intro = try HeadMeta(html: pages["intro.html"]!)
        #expect(intro.meta["generator"] == "Parzen \(ParzenVersion.current)")
        #expect(intro.links["canonical"] == "https://example.org/course/intro.html")
        #expect(intro.meta["og:url"] == "https://example.org/course/intro.html")
        #expect(intro.meta["og:title"] == "Intro & welcome")
        #expect(intro.meta["og:description"] == "Where to start <here>")
        #expect(intro.meta["og:site_name"] == "Course notes")
        #expect(intro.meta["og:type"] == "article")
        #expect(pages["intro.html"]!.contains("<html lang=\"en-GB\">"))
        #expect(pages["index.html"]!.contains("<html lang=\"en-GB\">"))
        let folderIndex = try HeadMeta(html: pages["part/index.html"]!)
        #expect(folderIndex.links["canonical"] == "https://example.org/course/part/")
        let index = try HeadMeta(html: pages["index.html"]!)
        #expect(index.links["canonical"] == "https://example.org/course/")
        #expect(index.meta["generator"] == "Parzen \(ParzenVersion.current)")
    }

    @Test func withoutASiteURLThereIsNoSitemapAndNoCanonicalLink() throws {
        let project = try TemporaryProject(["parzen.yml": "title: T\n", "a.md": "---\ntitle: A\n---\n"])
        let pages = try project.pages(try project.plan())
        #expect(pages["sitemap.xml"] == nil)
        let head = try HeadMeta(html: pages["a.html"]!)
        #expect(head.links["canonical"] == nil && head.meta["og:url"] == nil)
        #expect(head.meta["generator"] == "Parzen \(ParzenVersion.current)")
    }

    /// The rules of the sitemaps.org 0.9 schema and protocol: a `urlset` in the sitemap
    /// namespace holding only `url` elements; each with one `loc` first (an absolute URL under
    /// the site, at most 2,048 characters, entity-escaped) and optionally a `lastmod` in W3C
    /// Datetime form; at most 50,000 URLs and 50 MB; UTF-8.
    @Test func sitemapFollowsTheSitemapSchema() throws {
        var files = Self.nested
        files["part/a & b.md"] = "---\ntitle: Odd name\n---\n"
        let project = try TemporaryProject(files)
        let sitemap = try #require(try project.pages(try project.plan())["sitemap.xml"])
        #expect(sitemap.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"))
        #expect(sitemap.utf8.count < 50 * 1024 * 1024)
        let document = try XMLDocument(xmlString: sitemap, options: [])
        let root = try #require(document.rootElement())
        #expect(root.name == "urlset")
        #expect(root.uri == "http://www.sitemaps.org/schemas/sitemap/0.9")
        let urls = root.children?.compactMap { $0 as? XMLElement } ?? []
        #expect(urls.allSatisfy { $0.name == "url" })
        #expect(urls.count <= 50_000)
        var locations: [String] = []
        for url in urls {
            let children = url.children?.compactMap { $0 as? XMLElement } ?? []
            #expect(children.first?.name == "loc")
            #expect(Set(children.map { $0.name ?? "" }).isSubset(of: ["loc", "lastmod", "changefreq", "priority"]))
            #expect(children.filter { $0.name == "loc" }.count == 1)
            let loc = children.first?.stringValue ?? ""
            #expect(loc.count <= 2048)
            #expect(loc.hasPrefix("https://example.org/course/"))
            #expect(URL(string: loc)?.host == "example.org")
            locations.append(loc)
            for lastmod in children where lastmod.name == "lastmod" {
                #expect(lastmod.stringValue?.wholeMatch(of: /\d{4}-\d{2}-\d{2}/) != nil)
            }
        }
        #expect(locations == [
            "https://example.org/course/", "https://example.org/course/intro.html",
            "https://example.org/course/part/a%20&%20b.html", "https://example.org/course/part/deep/two.html",
            "https://example.org/course/part/", "https://example.org/course/part/one.html",
        ])
        #expect(sitemap.contains("<loc>https://example.org/course/part/a%20&amp;%20b.html</loc>"))
        // Only a calendar date becomes lastmod; "30 November" is not guessed at.
        #expect(sitemap.contains("<url><loc>https://example.org/course/intro.html</loc><lastmod>2026-11-30</lastmod></url>"))
        #expect(sitemap.contains("<url><loc>https://example.org/course/part/deep/two.html</loc></url>"))
    }
}

/// The `<meta>` and `<link>` elements of a page's head, read by libxml2's HTML parser
/// (through Foundation's `XMLDocument`), not by Parzen's own tokenizer.
struct HeadMeta {
    var meta: [String: String] = [:]
    var links: [String: String] = [:]

    init(html: String) throws {
        let head = String(html[..<(html.range(of: "<style>")?.lowerBound ?? html.endIndex)]) + "</head></html>"
        let document = try XMLDocument(xmlString: head, options: [.documentTidyHTML])
        for node in try document.nodes(forXPath: "//meta") {
            guard let element = node as? XMLElement,
                  let key = element.attribute(forName: "name")?.stringValue
                      ?? element.attribute(forName: "property")?.stringValue else { continue }
            meta[key] = element.attribute(forName: "content")?.stringValue
        }
        for node in try document.nodes(forXPath: "//link") {
            guard let element = node as? XMLElement, let rel = element.attribute(forName: "rel")?.stringValue else {
                continue
            }
            links[rel] = element.attribute(forName: "href")?.stringValue
        }
    }
}
