/// What a project adds to its pages (``RenderPlan`` reads it from `parzen.yml`): the site's
/// name, where it is published, and its navigation. Pages rendered outside a project have none.
public struct SiteSettings: Sendable, Equatable {
    /// A heading of the site navigation and its pages, by output path.
    public struct Section: Sendable, Equatable {
        public var title: String?
        public var pages: [String]

        public init(title: String?, pages: [String]) {
            self.title = title
            self.pages = pages
        }
    }

    /// The site's name (navigation, index, `og:site_name`).
    public var title: String?
    /// The absolute URL of the output folder, ending in `/`: with it, pages carry canonical and
    /// Open Graph links and the site gets a `sitemap.xml`.
    public var siteURL: String?
    /// The navigation; empty outside a project (no sidebar, no breadcrumbs).
    public var sections: [Section]
    /// The project's default `lang`, for the index (pages take their own front matter's).
    public var language: String?

    /// `<html lang>` when neither the page nor the project says.
    public static let defaultLanguage = "en"

    public init(title: String? = nil, siteURL: String? = nil, sections: [Section] = [], language: String? = nil) {
        self.title = title
        self.siteURL = siteURL
        self.sections = sections
        self.language = language
    }

    /// Outside a project: pages as they always were.
    public static let none = SiteSettings()

    public var hasNavigation: Bool { !sections.isEmpty }
}
