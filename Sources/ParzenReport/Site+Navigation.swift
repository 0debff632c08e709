import Foundation

extension Site {
    /// What every page (notebooks and the index) carries in its head: the generator, and with
    /// a site URL the canonical link and Open Graph properties.
    func siteContext(for outputPath: String) -> [String: Any] {
        var context: [String: Any] = ["generator": "Parzen \(ParzenVersion.current)", "siteTitle": siteTitle]
        context["canonical"] = pageURL(for: outputPath)
        return context
    }

    /// The sidebar (the project's sections, the current page marked) and the breadcrumbs
    /// (the site, then each folder above the page); nothing outside a project.
    func navigationContext(for build: NotebookBuild) -> [String: Any] {
        guard settings.hasNavigation else { return [:] }
        let here = build.outputPath
        let titles = Dictionary(builds.map { ($0.outputPath, $0.title) }, uniquingKeysWith: { first, _ in first })
        let sections: [[String: Any]] = settings.sections.map { section in
            var entry: [String: Any] = ["pages": section.pages.map { page -> [String: Any] in
                ["href": RelativePath.href(from: here, to: page), "title": titles[page] ?? page,
                 "current": page == here]
            }]
            entry["title"] = section.title
            return entry
        }
        return [
            "hasSiteNav": true, "siteNav": sections, "homeHref": RelativePath.href(from: here, to: Self.indexPath),
            "breadcrumbs": breadcrumbs(for: here), "hasBreadcrumbs": here.lowercased() != Self.indexPath,
        ]
    }

    /// The site, then every folder above `page` (linked to and named by its `index.html` when
    /// it has one, else by its name); a folder's own index stands for the folder, so its last
    /// folder is the page itself.
    private func breadcrumbs(for page: String) -> [[String: Any]] {
        var folders = page.split(separator: "/").dropLast().map(String.init)
        if (page as NSString).lastPathComponent.lowercased() == Self.indexPath { folders = folders.dropLast() }
        var crumbs: [[String: Any]] = [["name": siteTitle, "href": RelativePath.href(from: page, to: Self.indexPath)]]
        for depth in folders.indices {
            let folderIndex = (folders[...depth] + [Self.indexPath]).joined(separator: "/")
            if let index = builds.first(where: { $0.outputPath == folderIndex }) {
                crumbs.append(["name": index.title, "href": RelativePath.href(from: page, to: folderIndex)])
            } else {
                crumbs.append(["name": folders[depth]])
            }
        }
        return crumbs
    }

    /// The page's absolute URL under `site-url`: a folder's `index.html` as the folder itself
    /// (`https://example.org/notes/a/`), as servers serve it.
    func pageURL(for outputPath: String) -> String? {
        guard let base = settings.siteURL else { return nil }
        var path = outputPath
        if path.lowercased() == Self.indexPath {
            path = ""
        } else if path.lowercased().hasSuffix("/" + Self.indexPath) {
            path = String(path.dropLast(Self.indexPath.count))
        }
        return base + RelativePath.urlEncoded(path)
    }
}
